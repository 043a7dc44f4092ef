import type { Html } from "#jsx/jsx-runtime";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { type DenmarkCellView, type DenmarkLayout, DenmarkMapSvg } from "../reference/index.ts";
import {
  type DenmarkFilter,
  type DenmarkOptions,
  type DenmarkRow,
  DK_PARAMS,
  denmarkParams,
  inDenmarkFilter,
} from "./denmark.ts";
import { FILTER_PARAMS, filterQuery } from "./filters.tsx";
import type { InitiativeFilter } from "./initiatives.service.ts";
import { SHADES, shadeOf } from "./map.ts";

export interface DenmarkMapData {
  rows: DenmarkRow[];
  layout: DenmarkLayout;
  options: DenmarkOptions;
  filter: DenmarkFilter;
}

function AreaSelect(props: {
  id: string;
  label: string;
  all: string;
  value?: string;
  options: { code: string; name: string }[];
}): Html {
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <select class="form-select" id={props.id} name={props.id}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option value={o.code} selected={o.code === props.value}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The map of Denmark on /indsatser/kort: area filter, hex map and the table of the same figures. */
export function DenmarkSection({
  ctx,
  data,
  filter,
}: {
  ctx: PageCtx;
  data: DenmarkMapData;
  filter: InitiativeFilter;
}): Html {
  const { t } = ctx;
  const shown = data.rows.filter((r) => inDenmarkFilter(r, data.filter));
  const max = Math.max(0, ...shown.map((r) => r.count));
  const dk = denmarkParams(data.filter);
  const views = new Map<string, DenmarkCellView>();
  for (const r of data.rows) {
    const inside = inDenmarkFilter(r, data.filter);
    views.set(r.code, {
      fill: shadeOf(r.count, max),
      label: inside
        ? t("dkmap.cell", { name: r.name, n: r.count })
        : t("dkmap.cellOutside", { name: r.name }),
      href:
        r.partyId !== null && inside
          ? `/indsatser/kort${filterQuery({ ...filter, partyId: r.partyId }, dk)}#kort-liste`
          : undefined,
      text: inside ? String(r.count) : undefined,
      faint: !inside,
      current: r.partyId !== null && r.partyId === filter.partyId,
    });
  }
  return (
    <section aria-labelledby="danmark">
      <h2 id="danmark">{t("dkmap.heading")}</h2>
      <p>{t("dkmap.lead")}</p>
      <form method="get" action="/indsatser/kort#danmark" class="tv-filter" aria-label={t("dkmap.filter")}>
        {Object.entries(FILTER_PARAMS).map(([k, name]) => {
          const v = filter[k as keyof InitiativeFilter];
          return v !== undefined && v !== "" && k !== "partyId" ? (
            <input type="hidden" name={name} value={String(v)} />
          ) : null;
        })}
        <AreaSelect
          id={DK_PARAMS.region}
          label={t("dkmap.region")}
          all={t("initiatives.all")}
          value={data.filter.region}
          options={data.options.regions}
        />
        <AreaSelect
          id={DK_PARAMS.cluster}
          label={t("dkmap.cluster")}
          all={t("initiatives.all")}
          value={data.filter.cluster}
          options={data.options.clusters}
        />
        <AreaSelect
          id={DK_PARAMS.council}
          label={t("dkmap.council")}
          all={t("initiatives.all")}
          value={data.filter.council}
          options={data.options.councils}
        />
        <button type="submit" class="button button-secondary">
          {t("initiatives.apply")}
        </button>
      </form>
      <div class="tv-dk-wrap">
        <figure class="tv-map tv-dk-figure">
          <DenmarkMapSvg
            id="dk-map"
            title={t("dkmap.title")}
            desc={t("dkmap.desc", { n: shown.length, total: data.rows.length })}
            layout={data.layout}
            views={views}
            insetLabel={t("dkmap.inset")}
          />
          <figcaption>
            {t("dkmap.caption")} <a href="/referencedata">{t("dkmap.sources")}</a>
            <span class="tv-legend">
              {SHADES.map((s, i) => (
                <span class="tv-legend-item">
                  <svg width="16" height="16" aria-hidden="true" focusable="false">
                    <rect width="16" height="16" fill={s} stroke="#4d4d4d" />
                  </svg>
                  {t(`initiatives.legend.${i}` as MessageKey)}
                </span>
              ))}
            </span>
          </figcaption>
        </figure>
        <div class="tv-dk-table">
          <table class="table table--compact">
            <caption>{t("dkmap.tableCaption", { n: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dkmap.code")}</th>
                <th scope="col">{t("dkmap.municipality")}</th>
                <th scope="col">{t("dkmap.regionBefore")}</th>
                <th scope="col">{t("dkmap.regionAfter")}</th>
                <th scope="col">{t("dkmap.cluster")}</th>
                <th scope="col">{t("dkmap.council")}</th>
                <th scope="col" class="text-align-right">
                  {t("dkmap.count")}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr>
                  <td>{r.code}</td>
                  <th scope="row">
                    {r.partyId !== null ? (
                      <a
                        href={`/indsatser/kort${filterQuery({ ...filter, partyId: r.partyId }, dk)}#kort-liste`}
                      >
                        {r.name}
                      </a>
                    ) : (
                      r.name
                    )}
                  </th>
                  <td>{r.regionBefore}</td>
                  <td>{r.regionAfter}</td>
                  <td>{r.clusters.join(", ") || "–"}</td>
                  <td>{r.councils.join(", ") || "–"}</td>
                  <td class="text-align-right">{String(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
