import type { Html } from "#jsx/jsx-runtime";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { InitiativeFilter } from "./initiatives.service.ts";
import { INITIATIVE_PHASES, INITIATIVE_RAGS } from "./initiatives.tables.ts";

export interface Facets {
  regions: string[];
  clusters: string[];
  targetGroups: string[];
  themes: string[];
}

/** Query names of the filters (Danish, readable in the address bar). */
export const FILTER_PARAMS = {
  region: "region",
  cluster: "klynge",
  targetGroup: "maalgruppe",
  theme: "tema",
  phase: "fase",
  rag: "status",
  partyId: "kommune",
} as const;

/** Reads the filters from the query; unknown values are ignored (the page then shows everything). */
export function filterFromQuery(q: Record<string, unknown>, facets: Facets): InitiativeFilter {
  const s = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : "");
  const f: InitiativeFilter = {};
  if (facets.regions.includes(s("region"))) {
    f.region = s("region");
  }
  if (facets.clusters.includes(s("klynge"))) {
    f.cluster = s("klynge");
  }
  if (facets.targetGroups.includes(s("maalgruppe"))) {
    f.targetGroup = s("maalgruppe");
  }
  if (facets.themes.includes(s("tema"))) {
    f.theme = s("tema");
  }
  if ((INITIATIVE_PHASES as readonly string[]).includes(s("fase"))) {
    f.phase = s("fase") as InitiativeFilter["phase"];
  }
  if ((INITIATIVE_RAGS as readonly string[]).includes(s("status"))) {
    f.rag = s("status") as InitiativeFilter["rag"];
  }
  if (/^\d{1,9}$/.test(s("kommune"))) {
    f.partyId = Number(s("kommune"));
  }
  return f;
}

/** The filter's query string, e.g. "?klynge=Sundhedsklynge%20Nord" ("" without filters). */
export function filterQuery(f: InitiativeFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [key, name] of Object.entries(FILTER_PARAMS)) {
    const v = f[key as keyof InitiativeFilter];
    if (v !== undefined && v !== "") {
      p.set(name, String(v));
    }
  }
  for (const [k, v] of Object.entries(extra)) {
    p.set(k, v);
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

function Select(props: {
  id: string;
  label: string;
  value: string | undefined;
  all: string;
  options: { value: string; label: string }[];
}): Html {
  return (
    <div class="form-group">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <select class="form-select" id={props.id} name={props.id}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filter form (GET, no script): the same on the overview and the map. */
export function FilterForm({
  ctx,
  action,
  facets,
  filter,
}: {
  ctx: PageCtx;
  action: string;
  facets: Facets;
  filter: InitiativeFilter;
}): Html {
  const { t } = ctx;
  const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <form method="get" action={action} class="tv-filter" aria-label={t("initiatives.filter")}>
      <Select
        id="region"
        label={t("initiatives.region")}
        value={filter.region}
        all={t("initiatives.all")}
        options={plain(facets.regions)}
      />
      <Select
        id="klynge"
        label={t("initiatives.cluster")}
        value={filter.cluster}
        all={t("initiatives.all")}
        options={plain(facets.clusters)}
      />
      <Select
        id="maalgruppe"
        label={t("initiatives.targetGroup")}
        value={filter.targetGroup}
        all={t("initiatives.all")}
        options={plain(facets.targetGroups)}
      />
      <Select
        id="tema"
        label={t("initiatives.theme")}
        value={filter.theme}
        all={t("initiatives.all")}
        options={plain(facets.themes)}
      />
      <Select
        id="fase"
        label={t("initiatives.phase")}
        value={filter.phase}
        all={t("initiatives.all")}
        options={INITIATIVE_PHASES.map((p) => ({
          value: p,
          label: t(`initiatives.phase.${p}` as MessageKey),
        }))}
      />
      <Select
        id="status"
        label={t("initiatives.rag")}
        value={filter.rag}
        all={t("initiatives.all")}
        options={INITIATIVE_RAGS.map((r) => ({ value: r, label: t(`initiatives.rag.${r}` as MessageKey) }))}
      />
      {filter.partyId ? <input type="hidden" name="kommune" value={String(filter.partyId)} /> : null}
      <button type="submit" class="button button-secondary">
        {t("initiatives.apply")}
      </button>
    </form>
  );
}

/** Red, yellow or green as a word with a coloured mark (never colour alone). */
export function RagBadge({ ctx, rag }: { ctx: PageCtx; rag: "green" | "yellow" | "red" }): Html {
  return <span class={`tv-rag tv-rag-${rag}`}>{ctx.t(`initiatives.rag.${rag}` as MessageKey)}</span>;
}
