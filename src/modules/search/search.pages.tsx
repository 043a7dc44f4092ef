import { type Html, raw } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatDate } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { SaveSearchForm } from "./saved.pages.tsx";
import { facetLabel, typeLabel } from "./search.present.ts";
import type { Facet, SearchResult } from "./search.service.ts";

export type PageParams = Record<string, string>;
const FACETS = ["type", "body", "year", "kind", "outcome"] as const;
/** The query parameter each facet sets (a year sets a date range). */
const PARAM: Record<(typeof FACETS)[number], string> = {
  type: "type",
  body: "bodyId",
  year: "year",
  kind: "kind",
  outcome: "outcome",
};

export function searchHref(params: PageParams, change: Record<string, string | null>): string {
  const q = new URLSearchParams(params);
  q.delete("page");
  for (const [k, v] of Object.entries(change)) {
    if (v === null) {
      q.delete(k);
    } else {
      q.set(k, v);
    }
  }
  const s = q.toString();
  return s ? `/soeg?${s}` : "/soeg";
}

function FacetList(props: {
  ctx: PageCtx;
  name: (typeof FACETS)[number];
  facets: Facet[];
  params: PageParams;
}) {
  const { ctx, name, facets, params } = props;
  const param = PARAM[name];
  const active = params[param];
  if (facets.length === 0 && !active) {
    return null;
  }
  const heading = ctx.t(`search.facet.${name}` as MessageKey);
  // Bodies and years carry their own names; kinds, outcomes and types come from the reader's catalogue.
  const label = (f: Pick<Facet, "value" | "label">) =>
    name === "body" || name === "year" ? f.label : facetLabel(name, f.value, ctx.lang);
  return (
    <nav class="tv-facet" aria-label={heading}>
      <h3 class="h5">{heading}</h3>
      <ul class="nobullet-list">
        {active ? (
          <li>
            <a href={searchHref(params, { [param]: null })}>
              {ctx.t("search.removeFilter", {
                name: label(facets.find((f) => f.value === active) ?? { value: active, label: active }),
              })}
            </a>
          </li>
        ) : null}
        {facets.map((f) => (
          <li>
            <a
              href={searchHref(params, { [param]: f.value })}
              aria-current={f.value === active ? "true" : undefined}
            >
              {`${label(f)} (${f.count.toLocaleString(ctx.lang === "en" ? "en-GB" : "da-DK")})`}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The search page: the field, facets as links that filter, hits with marked snippets, paging. */
export function SearchPage(props: {
  ctx: PageCtx;
  params: PageParams;
  result: SearchResult | null;
  error: string | null;
}): Html {
  const { ctx, params, result, error } = props;
  const { t } = ctx;
  const page = result?.page ?? 1;
  const pages = result ? Math.ceil(result.total / result.perPage) : 0;
  const feed = new URLSearchParams(params);
  for (const k of ["page", "year", "sort"]) {
    feed.delete(k);
  }
  return (
    <Layout
      ctx={ctx}
      title={t("search.title")}
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("search.title") }]}
      alternates={
        result
          ? [
              {
                href: `/soeg/feed.atom?${feed.toString()}`,
                type: "application/atom+xml",
                title: t("search.feed"),
              },
            ]
          : []
      }
    >
      <h1>{t("search.title")}</h1>
      <form method="get" action="/soeg" class="tv-filter">
        <div class={error ? "form-group form-error" : "form-group"}>
          <label class="form-label" for="q">
            {t("search.label")}
          </label>
          <span class="form-hint" id="q-hint">
            {t("search.hint")}
          </span>
          {error ? (
            <span class="form-error-message" id="q-error">
              {error}
            </span>
          ) : null}
          <input
            class="form-input"
            type="search"
            id="q"
            name="q"
            value={params.q ?? ""}
            maxlength="200"
            aria-describedby={error ? "q-hint q-error" : "q-hint"}
          />
        </div>
        {Object.entries(params)
          .filter(([k]) => k !== "q" && k !== "page")
          .map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
        <button type="submit" class="button button-primary">
          {t("search.submit")}
        </button>
      </form>
      {result ? (
        <div class="row">
          <aside class="col-12 col-md-4" aria-label={t("search.filters")}>
            <h2 class="h4">{t("search.filters")}</h2>
            {FACETS.map((name) => (
              <FacetList ctx={ctx} name={name} facets={result.facets[name]} params={params} />
            ))}
            <p>
              <a href={`/soeg/feed.atom?${feed.toString()}`} type="application/atom+xml">
                {t("search.feed")}
              </a>
            </p>
            <SaveSearchForm ctx={ctx} params={params} />
          </aside>
          <div class="col-12 col-md-8">
            <p role="status">
              {t(result.totalExact ? "search.results" : "search.resultsAtLeast", {
                count: result.total.toLocaleString("da-DK"),
              })}
            </p>
            {result.hits.length === 0 ? <p>{t("search.none")}</p> : null}
            <ol class="tv-hits nobullet-list" start={String((page - 1) * result.perPage + 1)}>
              {result.hits.map((h) => (
                <li class="tv-hit">
                  <h2 class="h4">
                    <a href={h.url}>{h.title}</a>
                  </h2>
                  <p class="tv-meta">
                    {[
                      typeLabel(h.source, ctx.lang),
                      h.bodyName,
                      h.date ? formatDate(new Date(h.date), ctx.lang) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {/* The snippet is escaped by the service; only its <mark> tags are markup. */}
                  {h.snippet ? <p>{raw(h.snippet)}</p> : null}
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav aria-label={t("search.pages")} class="tv-month-nav">
                {page > 1 ? (
                  <a href={searchHref(params, { page: String(page - 1) })} rel="prev">
                    {`← ${t("search.previous")}`}
                  </a>
                ) : null}
                {page < pages && page < 50 ? (
                  <a href={searchHref(params, { page: String(page + 1) })} rel="next">
                    {`${t("search.next")} →`}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </div>
        </div>
      ) : null}
    </Layout>
  );
}
