import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { type DenmarkMapData, DenmarkSection } from "./denmark.pages.tsx";
import { type Facets, FilterForm, filterQuery, RagBadge } from "./filters.tsx";
import type { TInitiative } from "./initiatives.schemas.ts";
import type { InitiativeFilter } from "./initiatives.service.ts";
import { initiativePath } from "./initiatives.urls.ts";
import { hexPoints, type MapLayout, SHADES, shadeOf, shortName } from "./map.ts";

/** The SVG map: hexagons are links to the list filtered to one municipality. */
function MapSvg({
  ctx,
  layout,
  filter,
}: {
  ctx: PageCtx;
  layout: MapLayout;
  filter: InitiativeFilter;
}): Html {
  const { t } = ctx;
  const max = Math.max(0, ...layout.cells.map((c) => c.count));
  return (
    <figure class="tv-map">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={String(layout.width)}
        height={String(layout.height)}
        aria-labelledby="map-caption"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{t("initiatives.mapTitle")}</title>
        {layout.labels.map((l) => (
          <text x={String(l.x)} y={String(l.y)} class={`tv-map-${l.kind}`}>
            {l.text}
          </text>
        ))}
        {layout.cells.map((c) => (
          <a
            href={`/indsatser/kort${filterQuery({ ...filter, partyId: c.partyId })}#kort-liste`}
            aria-label={t("initiatives.mapCell", {
              short: shortName(c.name),
              cluster: c.cluster,
              n: c.count,
            })}
            aria-current={filter.partyId === c.partyId ? "true" : undefined}
          >
            <polygon
              points={hexPoints(c.x, c.y)}
              fill={shadeOf(c.count, max)}
              stroke={filter.partyId === c.partyId ? "#1a1a1a" : "#4d4d4d"}
              stroke-width={filter.partyId === c.partyId ? "4" : "1.5"}
            />
          </a>
        ))}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: text drawn on top of the hexagons; it is not focusable, and the links carry the same words in their names */}
        <g aria-hidden="true" class="tv-map-labels">
          {layout.cells.map((c) => [
            <text x={c.x.toFixed(1)} y={(c.y - 4).toFixed(1)} text-anchor="middle" class="tv-map-name">
              {shortName(c.name)}
            </text>,
            <text x={c.x.toFixed(1)} y={(c.y + 14).toFixed(1)} text-anchor="middle" class="tv-map-count">
              {String(c.count)}
            </text>,
          ])}
        </g>
      </svg>
      <figcaption id="map-caption">
        {t("initiatives.mapCaption")}
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
  );
}

/** A detail card of one initiative (under the map). */
export function InitiativeCard({
  ctx,
  i,
  partyName,
}: {
  ctx: PageCtx;
  i: TInitiative;
  partyName: Map<number, string>;
}): Html {
  const { t } = ctx;
  return (
    <li class="tv-card">
      <h3>
        <a href={initiativePath(i)}>{i.title}</a>
      </h3>
      <dl class="tv-facts">
        <dt>{t("initiatives.rag")}</dt>
        <dd>
          <RagBadge ctx={ctx} rag={i.rag} /> · {t(`initiatives.phase.${i.phase}` as MessageKey)}
        </dd>
        <dt>{t("initiatives.scope")}</dt>
        <dd>{t(`initiatives.scope.${i.scope}` as MessageKey)}</dd>
        <dt>{t("initiatives.cluster")}</dt>
        <dd>{i.clusters.length ? i.clusters.join(", ") : t("initiatives.wholeRegion")}</dd>
        <dt>{t("initiatives.targetGroup")}</dt>
        <dd>{i.targetGroup}</dd>
        <dt>{t("initiatives.theme")}</dt>
        <dd>{i.theme}</dd>
        {i.partyIds.length
          ? [
              <dt>{t("initiatives.parties")}</dt>,
              <dd>{i.partyIds.map((id) => partyName.get(id) ?? "?").join(", ")}</dd>,
            ]
          : null}
        {i.periodFrom
          ? [
              <dt>{t("initiatives.period")}</dt>,
              <dd>
                {formatIsoDay(i.periodFrom, ctx.lang)}
                {i.periodTo ? `–${formatIsoDay(i.periodTo, ctx.lang)}` : ""}
              </dd>,
            ]
          : null}
      </dl>
    </li>
  );
}

/** /indsatser/kort: the schematic map, the filters, and every shown initiative as a card. */
export function MapPage({
  ctx,
  data,
}: {
  ctx: PageCtx;
  data: {
    list: TInitiative[];
    layout: MapLayout;
    facets: Facets;
    filter: InitiativeFilter;
    partyName: Map<number, string>;
    /** the map of Denmark, when the reference data is loaded */
    denmark: DenmarkMapData | null;
  };
}): Html {
  const { t } = ctx;
  const chosen = data.filter.partyId ? data.partyName.get(data.filter.partyId) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={t("initiatives.mapTitle")}
      current="initiatives"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("initiatives.title"), href: "/indsatser" },
        { text: t("initiatives.mapTitle") },
      ]}
    >
      <h1>{t("initiatives.mapTitle")}</h1>
      <p class="font-lead">{t("initiatives.mapLead")}</p>
      <p>
        <a href={`/indsatser${filterQuery({ ...data.filter, partyId: undefined })}`}>
          {t("initiatives.seeTable")}
        </a>
      </p>
      <FilterForm ctx={ctx} action="/indsatser/kort" facets={data.facets} filter={data.filter} />
      {data.denmark ? <DenmarkSection ctx={ctx} data={data.denmark} filter={data.filter} /> : null}
      {data.layout.cells.length > 0 ? (
        <section aria-labelledby={data.denmark ? "demokort" : undefined}>
          {data.denmark ? <h2 id="demokort">{t("dkmap.schematicHeading")}</h2> : null}
          <MapSvg ctx={ctx} layout={data.layout} filter={data.filter} />
        </section>
      ) : null}
      <section aria-labelledby="kort-liste">
        <h2 id="kort-liste" tabindex="-1">
          {chosen
            ? t("initiatives.cardsFor", { name: chosen, n: data.list.length })
            : t("initiatives.listHeading", { n: data.list.length })}
        </h2>
        {chosen ? (
          <p>
            <a href={`/indsatser/kort${filterQuery({ ...data.filter, partyId: undefined })}`}>
              {t("initiatives.allMunicipalities")}
            </a>
          </p>
        ) : null}
        {data.list.length === 0 ? (
          <p>{t("initiatives.none")}</p>
        ) : (
          <ul class="tv-cards">
            {data.list.map((i) => (
              <InitiativeCard ctx={ctx} i={i} partyName={data.partyName} />
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
