import type { Html } from "#jsx/jsx-runtime";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { MeetingRow } from "../meetings/index.ts";
import { wsAgenda, wsConduct, wsMinutes } from "./workspace.urls.ts";

type Step = "agenda" | "conduct" | "minutes";

/** The meeting's three workspace pages, the current one marked, and its status. */
export function MeetingSteps({
  ctx,
  meeting,
  current,
  editor = true,
}: {
  ctx: PageCtx;
  meeting: Pick<MeetingRow, "id" | "status">;
  current: Step;
  /** only the secretariat edits the agenda and holds the meeting; others see the minutes step */
  editor?: boolean;
}): Html {
  const { t } = ctx;
  const all: { key: Step; href: string; label: MessageKey }[] = [
    { key: "agenda", href: wsAgenda(meeting.id), label: "ws.step.agenda" },
    { key: "conduct", href: wsConduct(meeting.id), label: "ws.step.conduct" },
    { key: "minutes", href: wsMinutes(meeting.id), label: "ws.step.minutes" },
  ];
  const steps = editor ? all : all.filter((s) => s.key === "minutes");
  return (
    <nav class="tv-steps" aria-label={t("ws.step.nav")}>
      <ul>
        {steps.map((s) => (
          <li>
            <a href={s.href} aria-current={s.key === current ? "page" : undefined}>
              {t(s.label)}
            </a>
          </li>
        ))}
        <li>
          <a href={`/moeder/${meeting.id}`}>{t("ws.step.public")}</a>
        </li>
      </ul>
      <p class="tv-meta">
        {t("meeting.status")}: <strong>{t(`status.${meeting.status}` as MessageKey)}</strong>
      </p>
    </nav>
  );
}
