/** "Sager til næste møde" as the workspace shows it: why each case waits, on the body page and the agenda. */
import type { Html } from "#jsx/jsx-runtime";
import { formatDateTimeLong } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import { casePath, type TCase } from "../cases/index.ts";
import { wsAgenda } from "./workspace.urls.ts";

export interface WaitingCase {
  case: TCase;
  reason: "new" | "referred" | "postponed";
  fromBody: { name: string } | null;
}

/** Why a case waits, in the reader's language ("indstillet fra Sundhedsklynge Syd"). */
export function waitingReason(ctx: PageCtx, c: WaitingCase): string {
  return c.reason === "referred"
    ? ctx.t("ws.case.reason.referred", { body: c.fromBody?.name ?? "" })
    : ctx.t(`ws.case.reason.${c.reason}`);
}

/** The body page's list of cases waiting for its next meeting, and where to put them on an agenda. */
export function WaitingCases({
  ctx,
  list,
  nextMeeting,
  editor,
}: {
  ctx: PageCtx;
  list: WaitingCase[];
  nextMeeting: { id: number; start: string } | null;
  /** the body's secretariat, who puts cases on an agenda */
  editor: boolean;
}): Html | null {
  const { t } = ctx;
  if (list.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="cases-h" id="sager">
      <h2 id="cases-h">{t("ws.body.cases", { n: list.length })}</h2>
      <ul class="tv-meetings">
        {list.map((c) => (
          <li>
            <a href={casePath(c.case)}>{c.case.title}</a>
            <span class="tv-meta">
              {[c.case.numbers.map((n) => n.number).join(", "), waitingReason(ctx, c)]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </li>
        ))}
      </ul>
      {!editor ? null : nextMeeting ? (
        <p>
          <a href={`${wsAgenda(nextMeeting.id)}#cases-h`}>
            {t("ws.body.casesOnAgenda", { date: formatDateTimeLong(new Date(nextMeeting.start), ctx.lang) })}
          </a>
        </p>
      ) : (
        <p>{t("ws.body.casesNoMeeting")}</p>
      )}
    </section>
  );
}
