import type { Html } from "#jsx/jsx-runtime";
import { formatDate } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import { meetingPath } from "../meetings/index.ts";
import type { TDecisionRef } from "./decision-refs.ts";

/** The item behind a decision as a link to its meeting: "SSU 5. marts 2025, punkt 3: …" or "lukket punkt 3". */
export function DecisionRef({ ctx, decision }: { ctx: PageCtx; decision: TDecisionRef | null }): Html {
  const { t } = ctx;
  if (!decision) {
    return <span>{t("decision.none")}</span>;
  }
  const body = { name: decision.bodyName, shortName: decision.bodyShortName };
  const href = meetingPath({ id: decision.meetingId, start: decision.meetingStart }, body);
  const meeting = t("decision.meeting", {
    body: decision.bodyShortName ?? decision.bodyName,
    date: formatDate(new Date(decision.meetingStart), ctx.lang),
  });
  const item =
    decision.title === null
      ? t("decision.closedItem", { number: decision.number })
      : t("decision.item", { number: decision.number, title: decision.title });
  return (
    <span>
      <a href={href}>{meeting}</a>
      {`, ${item}`}
    </span>
  );
}
