import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { Choropleth } from "./choropleth.tsx";
import type { IndicatorDashboard, LineData } from "./dashboard.ts";
import type { TIndicator } from "./indicators.schemas.ts";
import { BarSection, FictionalNote, LineSection, ValueTable } from "./parts.tsx";
import { periodLabel } from "./periods.ts";

const crumbs = (ctx: PageCtx, last?: string) => [
  { text: ctx.t("nav.front"), href: "/" },
  ...(last
    ? [{ text: ctx.t("ind.title"), href: "/indikatorer" }, { text: last }]
    : [{ text: ctx.t("ind.title") }]),
];

/** /indikatorer: every indicator the reader may see. */
export function IndicatorsPage({
  ctx,
  list,
  canLoad,
}: {
  ctx: PageCtx;
  list: TIndicator[];
  canLoad: boolean;
}): Html {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("ind.title")} crumbs={crumbs(ctx)}>
      <h1>{t("ind.title")}</h1>
      <p class="font-lead">{t("ind.lead")}</p>
      {canLoad ? (
        <p>
          <a href="/indikatorer/indlaes">{t("ind.upload")}</a>
        </p>
      ) : null}
      {list.length === 0 ? (
        <p>{t("ind.none")}</p>
      ) : (
        <table class="table">
          <caption>{t("ind.listCaption", { n: list.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("ind.name")}</th>
              <th scope="col">{t("ind.unit")}</th>
              <th scope="col">{t("ind.rhythm")}</th>
              <th scope="col">{t("ind.source")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr>
                <th scope="row">
                  <a href={`/indikatorer/${i.code}`}>{i.name}</a>
                  {i.fictional ? ` (${t("ind.fictionalShort")})` : ""}
                  {i.internal ? ` (${t("ind.internal")})` : ""}
                </th>
                <td>{i.unit}</td>
                <td>{t(`ind.rhythm.${i.rhythm}` as MessageKey)}</td>
                <td>{i.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function Facts({ ctx, i }: { ctx: PageCtx; i: TIndicator }): Html {
  const { t } = ctx;
  return (
    <dl class="tv-facts">
      <dt>{t("ind.definition")}</dt>
      <dd>{i.definition}</dd>
      <dt>{t("ind.unit")}</dt>
      <dd>{i.unit}</dd>
      <dt>{t("ind.directionLabel")}</dt>
      <dd>{t(`ind.direction.${i.direction}` as MessageKey)}</dd>
      <dt>{t("ind.source")}</dt>
      <dd>{i.sourceUrl ? <a href={i.sourceUrl}>{i.source}</a> : i.source}</dd>
      <dt>{t("ind.rhythm")}</dt>
      <dd>{t(`ind.rhythm.${i.rhythm}` as MessageKey)}</dd>
    </dl>
  );
}

/** /indikatorer/:code: line over time with references, ranked bars and the map for one period. */
export function IndicatorPage({ ctx, d }: { ctx: PageCtx; d: IndicatorDashboard }): Html {
  const { t } = ctx;
  const i = d.indicator;
  const areaKey = `${d.area.kind}:${d.area.code}`;
  return (
    <Layout ctx={ctx} title={i.name} crumbs={crumbs(ctx, i.name)}>
      <h1>{i.name}</h1>
      <FictionalNote ctx={ctx} indicator={i} />
      <Facts ctx={ctx} i={i} />
      <p>
        {t("ind.download")}: <a href={`/indikatorer/${i.code}/vaerdier.csv`}>CSV</a> ·{" "}
        <a href={`/indikatorer/${i.code}/vaerdier.xlsx`}>XLSX</a>
      </p>
      <form method="get" action={`/indikatorer/${i.code}`} class="tv-filter" aria-label={t("ind.choose")}>
        <div class="form-group">
          <label class="form-label" for="omraade">
            {t("ind.area")}
          </label>
          <select class="form-select" id="omraade" name="omraade">
            {d.areaOptions.map((o) => (
              <option value={o.value} selected={o.value === areaKey}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="periode">
            {t("ind.period")}
          </label>
          <select class="form-select" id="periode" name="periode">
            {d.periodOptions.map((p) => (
              <option value={p} selected={p === d.period}>
                {periodLabel(p, ctx.lang)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          {t("ind.show")}
        </button>
      </form>
      <h2>{t("ind.overTime")}</h2>
      <LineSection ctx={ctx} id="ind-line" indicator={i} line={d.line} />
      {d.period && d.compared.length > 0 ? (
        <>
          <h2>{t("ind.compare", { period: periodLabel(d.period, ctx.lang) })}</h2>
          <BarSection
            ctx={ctx}
            id="ind-bars"
            indicator={i}
            rows={d.compared}
            period={d.period}
            highlight={d.area.code}
          />
          {d.mappable.size > 0 ? (
            <>
              <h2>{t("ind.onMap", { period: periodLabel(d.period, ctx.lang) })}</h2>
              <div class="tv-dk-wrap">
                <Choropleth
                  ctx={ctx}
                  indicator={i}
                  rows={d.compared.filter((c) => d.mappable.has(c.areaCode))}
                  period={d.period}
                />
                <div class="tv-dk-table">
                  <ValueTable
                    ctx={ctx}
                    caption={t("ind.mapTable")}
                    rows={d.compared.filter((c) => d.mappable.has(c.areaCode))}
                    indicator={i}
                  />
                </div>
              </div>
            </>
          ) : null}
        </>
      ) : null}
      <p>{t("ind.aggregatedNote")}</p>
    </Layout>
  );
}

/** An area's or a body's dashboard: one line chart with its table per indicator. */
export function DashboardPage({
  ctx,
  title,
  lead,
  items,
  extra,
}: {
  ctx: PageCtx;
  title: string;
  lead: string;
  items: { indicator: TIndicator; line: LineData }[];
  extra?: Html | null;
}): Html {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      <p class="font-lead">{lead}</p>
      {extra ?? null}
      {items.length === 0 ? <p>{t("ind.noValues")}</p> : null}
      {items.map(({ indicator, line }, n) => (
        <section aria-labelledby={`ind-${n}`}>
          <h2 id={`ind-${n}`}>
            <a href={`/indikatorer/${indicator.code}`}>{indicator.name}</a>
          </h2>
          <FictionalNote ctx={ctx} indicator={indicator} />
          <LineSection ctx={ctx} id={`ind-line-${n}`} indicator={indicator} line={line} />
        </section>
      ))}
    </Layout>
  );
}
