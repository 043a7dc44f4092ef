import type { Html } from "#jsx/jsx-runtime";
import { formatDate } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import type { AgendaSupplementView } from "./agenda-supplements.service.ts";

/** "Punkt 7 tilføjet 3. marts 2027" — one line of a supplementary agenda's change log. */
export function agendaChangeLine(
  ctx: Pick<PageCtx, "t" | "lang">,
  publishedAt: Date,
  c: AgendaSupplementView["changes"][number],
): string {
  const key = c.change === "added" ? "agenda.changes.added" : "agenda.changes.changed";
  const line = ctx.t(key, { n: c.number, date: formatDate(publishedAt, ctx.lang) });
  return c.closed ? `${line} ${ctx.t("agenda.changes.closed")}` : line;
}

/** The change log of a published agenda, on the public page and the secretariat's agenda page. */
export function AgendaChanges({
  ctx,
  supplements,
}: {
  ctx: PageCtx;
  supplements: AgendaSupplementView[];
}): Html | null {
  if (supplements.length === 0) {
    return null;
  }
  return (
    <section class="tv-panel" aria-labelledby="agenda-changes-h">
      <h2 id="agenda-changes-h">{ctx.t("agenda.changes.heading")}</h2>
      <ul>
        {supplements.flatMap((s) => [
          ...s.changes.map((c) => <li>{agendaChangeLine(ctx, s.publishedAt, c)}</li>),
          s.note ? <li class="tv-meta">{ctx.t("agenda.changes.note", { note: s.note })}</li> : null,
        ])}
      </ul>
    </section>
  );
}
