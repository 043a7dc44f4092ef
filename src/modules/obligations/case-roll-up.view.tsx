/**
 * The roll-up of the obligations fanned out from a case's items, on the case page: who has answered and who
 * is late. Only what the reader may see (the deciding body's and the addressees' members); nothing for the
 * public, so the section is left out for them.
 */
import type { Html } from "#jsx/jsx-runtime";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { RollUpTable } from "./obligations.pages.tsx";
import type { TObligation } from "./obligations.schemas.ts";
import { oblPath } from "./obligations.urls.ts";

export function CaseObligations({
  ctx,
  obligations,
}: {
  ctx: PageCtx;
  obligations: TObligation[];
}): Html | null {
  if (obligations.length === 0) {
    return null;
  }
  const { t } = ctx;
  return (
    <section aria-labelledby="case-obligations-h">
      <h2 id="case-obligations-h">{t("obl.caseTitle")}</h2>
      {obligations.map((o) => (
        <div class="tv-case-obligation">
          <h3 class="h4">
            <a href={oblPath(o.id)}>{o.text}</a>
          </h3>
          <p class="tv-meta">
            {t(`obl.kind.${o.kind}` as MessageKey)} ·{" "}
            {t("obl.from", { body: o.bodyName, date: formatIsoDay(o.deadline, ctx.lang) })}
          </p>
          <RollUpTable ctx={ctx} o={o} />
        </div>
      ))}
    </section>
  );
}
