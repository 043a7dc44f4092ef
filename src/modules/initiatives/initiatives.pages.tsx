import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { type Facets, FilterForm, filterQuery, RagBadge } from "./filters.tsx";
import type { TInitiative } from "./initiatives.schemas.ts";
import type { InitiativeFilter } from "./initiatives.service.ts";
import { INITIATIVE_PHASES, INITIATIVE_RAGS } from "./initiatives.tables.ts";
import { initiativePath } from "./initiatives.urls.ts";
import type { countInitiatives } from "./overview.ts";

export type Counts = ReturnType<typeof countInitiatives>;

function CountsTable({ ctx, counts }: { ctx: PageCtx; counts: Counts }): Html {
  const { t } = ctx;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{t("initiatives.countsCaption", { n: counts.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("initiatives.focusArea")}</th>
            <th scope="col" class="tv-num">
              {t("initiatives.count")}
            </th>
            {INITIATIVE_RAGS.map((r) => (
              <th scope="col" class="tv-num">
                {t(`initiatives.rag.${r}` as MessageKey)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.byFocusArea.map((a) => (
            <tr>
              <th scope="row">{a.focusArea}</th>
              <td class="tv-num">{String(a.total)}</td>
              {INITIATIVE_RAGS.map((r) => (
                <td class="tv-num">{String(a.byRag[r] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("funds.total")}</th>
            <td class="tv-num">{String(counts.total)}</td>
            {INITIATIVE_RAGS.map((r) => (
              <td class="tv-num">{String(counts.byRag[r])}</td>
            ))}
          </tr>
        </tfoot>
      </table>
      <ul class="tv-inline-list tv-phases" aria-label={t("initiatives.byPhase")}>
        {INITIATIVE_PHASES.map((p) => (
          <li>
            {t(`initiatives.phase.${p}` as MessageKey)}: {String(counts.byPhase[p])}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The accessible table of initiatives: the same filters as the map, every initiative a row. */
export function InitiativeTable({ ctx, list }: { ctx: PageCtx; list: TInitiative[] }): Html {
  const { t } = ctx;
  if (list.length === 0) {
    return <p>{t("initiatives.none")}</p>;
  }
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="sr-only">{t("initiatives.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("initiatives.initiative")}</th>
            <th scope="col">{t("initiatives.focusArea")}</th>
            <th scope="col">{t("initiatives.scope")}</th>
            <th scope="col">{t("initiatives.cluster")}</th>
            <th scope="col">{t("initiatives.targetGroup")}</th>
            <th scope="col">{t("initiatives.phase")}</th>
            <th scope="col">{t("initiatives.rag")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((i) => (
            <tr>
              <th scope="row">
                <a href={initiativePath(i)}>{i.title}</a>
              </th>
              <td>{i.focusArea}</td>
              <td>{t(`initiatives.scope.${i.scope}` as MessageKey)}</td>
              <td>{i.clusters.length ? i.clusters.join(", ") : t("initiatives.wholeRegion")}</td>
              <td>{i.targetGroup}</td>
              <td>{t(`initiatives.phase.${i.phase}` as MessageKey)}</td>
              <td>
                <RagBadge ctx={ctx} rag={i.rag} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /indsatser: the implementation plan's initiatives with counts per status, filterable. */
export function InitiativesPage({
  ctx,
  data,
}: {
  ctx: PageCtx;
  data: {
    list: TInitiative[];
    counts: Counts;
    facets: Facets;
    filter: InitiativeFilter;
    /** a secretary of some body, or an admin: may create an initiative */
    canCreate: boolean;
  };
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("initiatives.title")}
      current="initiatives"
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("initiatives.title") }]}
    >
      <h1>{t("initiatives.title")}</h1>
      <p class="font-lead">{t("initiatives.lead")}</p>
      <p>
        <a href={`/indsatser/kort${filterQuery(data.filter)}`}>{t("initiatives.seeMap")}</a>
      </p>
      {data.canCreate ? (
        <p>
          <a href="/indsatser/ny" class="button button-secondary">
            {t("initiatives.new")}
          </a>
        </p>
      ) : null}
      <FilterForm ctx={ctx} action="/indsatser" facets={data.facets} filter={data.filter} />
      <section aria-labelledby="counts-h">
        <h2 id="counts-h">{t("initiatives.countsHeading")}</h2>
        <CountsTable ctx={ctx} counts={data.counts} />
      </section>
      <section aria-labelledby="list-h">
        <h2 id="list-h">{t("initiatives.listHeading", { n: data.list.length })}</h2>
        <InitiativeTable ctx={ctx} list={data.list} />
      </section>
    </Layout>
  );
}
