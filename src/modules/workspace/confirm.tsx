/**
 * The irreversible steps ask once more, saying who will see it and who is told: on a page of its own
 * without JavaScript (`ConfirmPage`), and — with JavaScript — in a dialog on the same page
 * (`src/client/confirm.ts`, from the `ConfirmTemplate` inside the form), so the step costs no page load.
 */
import type { Html } from "#jsx/jsx-runtime";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";

export const CONFIRM = {
  agenda_published: {
    title: "ws.confirm.agendaTitle",
    lines: ["ws.confirm.agendaPublic", "ws.confirm.closedStay", "ws.confirm.membersTold"],
    button: "ws.agenda.publishButton",
  },
  minutes_draft: {
    title: "ws.confirm.closeTitle",
    lines: ["ws.confirm.closeDraft", "ws.confirm.chairTold"],
    button: "ws.confirm.closeButton",
  },
  minutes_published: {
    title: "ws.confirm.minutesTitle",
    lines: [
      "ws.confirm.minutesPublic",
      "ws.confirm.closedStay",
      "ws.confirm.membersTold",
      "ws.confirm.irreversible",
    ],
    button: "ws.confirm.minutesButton",
  },
  supplement: {
    title: "ws.confirm.supplementTitle",
    lines: ["ws.confirm.supplementLog", "ws.confirm.supplementNoteShown", "ws.confirm.membersTold"],
    button: "ws.supplement.button",
  },
} as const satisfies Record<string, { title: MessageKey; lines: readonly MessageKey[]; button: MessageKey }>;

export type ConfirmKind = keyof typeof CONFIRM;

/** The dialog's content, inside the form it confirms; the script shows it before the form is sent. */
export function ConfirmTemplate({
  ctx,
  kind,
  bodyName,
}: {
  ctx: PageCtx;
  kind: ConfirmKind;
  bodyName: string;
}): Html {
  const { t } = ctx;
  const c = CONFIRM[kind];
  return (
    <template class="tv-confirm-template">
      <h2 class="h3" data-confirm-title>
        {t(c.title)}
      </h2>
      <p class="alert-heading">{t("ws.confirm.heading")}</p>
      <ul>
        {c.lines.map((k) => (
          <li>{t(k, { body: bodyName })}</li>
        ))}
      </ul>
      <p>
        <button type="button" class="button button-primary" data-confirm-yes>
          {t(c.button)}
        </button>{" "}
        <button type="button" class="button button-secondary" data-confirm-no>
          {t("ws.confirm.back")}
        </button>
      </p>
    </template>
  );
}
