import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";
import { LineChart } from "./charts.tsx";
import { displayNumber } from "./decimal.ts";
import type { TIndicator } from "./indicators.schemas.ts";
import type { FrozenSnapshot } from "./indicators.tables.ts";
import { fmt } from "./parts.tsx";
import { periodLabel } from "./periods.ts";

/** /indikatorer/billede/:id: the figures of a snapshot as chart and table, frozen or newest. */
export function SnapshotPage({
  ctx,
  s,
}: {
  ctx: PageCtx;
  s: { id: number; itemNumber: number; itemTitle: string; frozen: boolean; figures: FrozenSnapshot };
}): Html {
  const { t } = ctx;
  const title = t("ind.snapshotTitle", { number: s.itemNumber, title: s.itemTitle });
  return (
    <Layout
      ctx={ctx}
      title={title}
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ind.title"), href: "/indikatorer" },
        { text: title },
      ]}
    >
      <h1>{title}</h1>
      <p class="font-lead">
        {s.frozen
          ? t("ind.snapshotFrozen", { date: s.figures.frozenAt.slice(0, 10) })
          : t("ind.snapshotLive")}
      </p>
      <SnapshotFigures ctx={ctx} figures={s.figures} idPrefix="snap" heading="h2" />
    </Layout>
  );
}

/** /indikatorer/billede/ny?punkt=ID: the secretariat puts a snapshot on an item (no script). */
export function NewSnapshotPage({
  ctx,
  itemId,
  all,
  areas,
  error,
}: {
  ctx: PageCtx;
  itemId: number;
  all: TIndicator[];
  areas: { value: string; label: string }[];
  error: string | null;
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("ind.snapshotNew")}
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ind.title"), href: "/indikatorer" },
        { text: t("ind.snapshotNew") },
      ]}
    >
      <h1>{t("ind.snapshotNew")}</h1>
      {error ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-text">{error}</p>
          </div>
        </div>
      ) : null}
      <form method="post" action={`/indikatorer/billede/ny?punkt=${itemId}`}>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend class="h3">{t("ind.title")}</legend>
          {all.map((i) => (
            <div class="form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id={`snap-${i.code}`}
                name="indicators"
                value={i.code}
              />
              <label for={`snap-${i.code}`}>{i.name}</label>
            </div>
          ))}
        </fieldset>
        <div class="form-group">
          <label class="form-label" for="snap-area">
            {t("ind.area")}
          </label>
          <select class="form-select" id="snap-area" name="area">
            {areas.map((a) => (
              <option value={a.value}>{a.label}</option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for="snap-from">
            {t("ind.fromPeriod")}
          </label>
          <input class="form-input" id="snap-from" name="from" value="2022" />
        </div>
        <div class="form-group">
          <label class="form-label" for="snap-to">
            {t("ind.toPeriod")}
          </label>
          <input class="form-input" id="snap-to" name="to" value="2026" />
        </div>
        <button type="submit" class="button button-primary">
          {t("ind.snapshotAdd")}
        </button>
      </form>
    </Layout>
  );
}

/**
 * A snapshot's figures, each indicator as a line chart with its table beside it (the chart is never
 * the only way to read a figure): on the snapshot's own page and under its item on the meeting page.
 */
export function SnapshotFigures({
  ctx,
  figures,
  idPrefix,
  heading,
}: {
  ctx: PageCtx;
  figures: FrozenSnapshot;
  /** unique on the page: the ids of the headings and charts start with it */
  idPrefix: string;
  heading: "h2" | "h4";
}): Html {
  const { t } = ctx;
  const Heading = ({ id, children }: { id: string; children: string }) =>
    heading === "h2" ? <h2 id={id}>{children}</h2> : <h4 id={id}>{children}</h4>;
  return (
    <>
      {figures.indicators.map((ind, n) => {
        const periods = [...new Set(ind.values.map((v) => v.period))].sort();
        const areas = [...new Set(ind.values.map((v) => v.areaName))];
        const series = areas.map((a) => ({
          name: a,
          values: periods.map((p) => {
            const v = ind.values.find((x) => x.areaName === a && x.period === p);
            return v ? Number(v.value) : null;
          }),
        }));
        return (
          <section aria-labelledby={`${idPrefix}-${n}`}>
            <Heading id={`${idPrefix}-${n}`}>{ind.name}</Heading>
            <div class="tv-dk-wrap">
              {periods.length > 0 ? (
                <figure class="tv-dk-figure">
                  <LineChart
                    id={`${idPrefix}-line-${n}`}
                    title={t("ind.lineTitle", { name: ind.name, areas: areas.join(", ") })}
                    desc={t("ind.lineDesc", {
                      unit: ind.unit,
                      from: periodLabel(periods[0] ?? "", ctx.lang),
                      to: periodLabel(periods.at(-1) ?? "", ctx.lang),
                      direction: "",
                    })}
                    labels={periods.map((p) => periodLabel(p, ctx.lang))}
                    series={series}
                    format={fmt(ctx)}
                  />
                </figure>
              ) : null}
              <div class="tv-dk-table">
                <table class="table table--compact">
                  <caption>{t("ind.lineTable", { areas: areas.join(", ") })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("ind.area")}</th>
                      <th scope="col">{t("ind.period")}</th>
                      <th scope="col" class="text-align-right">
                        {t("ind.value")} ({ind.unit})
                      </th>
                      <th scope="col">{t("ind.loaded")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ind.values.map((v) => (
                      <tr>
                        <th scope="row">{v.areaName}</th>
                        <td>{periodLabel(v.period, ctx.lang)}</td>
                        <td class="text-align-right">{displayNumber(v.value, ctx.lang, 6)}</td>
                        <td>{v.loadedAt.slice(0, 10)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>
        );
      })}
    </>
  );
}
