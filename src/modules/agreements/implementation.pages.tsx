import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { DateField, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong, formatIsoDay } from "../../web/format.ts";
import { Notices } from "../../web/notices.tsx";
import type { PageCtx } from "../../web/page.ts";
import { type FormState, field, type ItemChoice, SecretariatForm } from "../../web/secretariat-forms.tsx";
import { IMPLEMENTATION_STATES } from "./agreements.tables.ts";
import { cellIndex, matrixGrid, NOT_PARTY } from "./implementation.export.ts";
import { cellText, stateKey } from "./implementation.rules.ts";
import type { TCellHistory, TMatrix, TMatrixQuery } from "./implementation.schemas.ts";
import { cellPath, IMPLEMENTATION_PATH, matrixQueryString } from "./implementation.urls.ts";

const crumbs = (ctx: PageCtx, last?: { text: string; href?: string }) => [
  { text: ctx.t("nav.front"), href: "/" },
  { text: ctx.t("toolbox.title"), href: "/vaerktoejskasse" },
  last ? { text: ctx.t("impl.title"), href: IMPLEMENTATION_PATH } : { text: ctx.t("impl.title") },
  ...(last ? [last] : []),
];

function Filters({
  ctx,
  m,
  query,
  areas,
}: {
  ctx: PageCtx;
  m: TMatrix;
  query: TMatrixQuery;
  areas: { clusters: { code: string; name: string }[]; councils: { code: string; name: string }[] };
}): Html {
  const { t } = ctx;
  const all = { value: "", label: t("impl.all") };
  const select = (
    name: string,
    label: string,
    value: string,
    options: { value: string; label: string }[],
  ) => <SelectField id={`f-${name}`} name={name} label={label} value={value} options={[all, ...options]} />;
  return (
    <form method="get" action={IMPLEMENTATION_PATH} class="tv-form" aria-labelledby="filter-h">
      <h2 id="filter-h" class="h3">
        {t("impl.filter")}
      </h2>
      {select(
        "region",
        t("impl.filterRegion"),
        query.region ?? "",
        m.choices.regions.map((r) => ({ value: r, label: r })),
      )}
      {areas.clusters.length
        ? select(
            "cluster",
            t("impl.filterCluster"),
            query.cluster ?? "",
            areas.clusters.map((a) => ({ value: a.code, label: a.name })),
          )
        : null}
      {areas.councils.length
        ? select(
            "council",
            t("impl.filterCouncil"),
            query.council ?? "",
            areas.councils.map((a) => ({ value: a.code, label: a.name })),
          )
        : null}
      {select(
        "partyId",
        t("impl.filterParty"),
        String(query.partyId ?? ""),
        m.choices.parties.map((p) => ({ value: String(p.id), label: p.name })),
      )}
      {select(
        "agreementId",
        t("impl.filterAgreement"),
        String(query.agreementId ?? ""),
        m.choices.agreements.map((a) => ({ value: String(a.id), label: a.title })),
      )}
      <button type="submit" class="button button-secondary">
        {t("impl.show")}
      </button>
    </form>
  );
}

export interface MatrixPageData {
  matrix: TMatrix;
  query: TMatrixQuery;
  areas: { clusters: { code: string; name: string }[]; councils: { code: string; name: string }[] };
  day: string;
  attach: { items: ItemChoice[]; state: FormState | null } | null;
  done: string | null;
}

/** /aftaler/implementering: the matrix, its filters, the downloads and (for a secretariat) the snapshot form. */
export function MatrixPage({ ctx, data }: { ctx: PageCtx; data: MatrixPageData }): Html {
  const { t } = ctx;
  const m = data.matrix;
  const cells = cellIndex(m);
  const qs = matrixQueryString(data.query);
  const grid = matrixGrid(m, t, ctx.lang, data.day);
  const counts = grid.slice(grid.length - IMPLEMENTATION_STATES.length);
  return (
    <Layout ctx={ctx} title={t("impl.title")} current="toolbox" crumbs={crumbs(ctx)}>
      <h1>{t("impl.title")}</h1>
      <Notices done={data.done} />
      <p class="font-lead">{t("impl.lead")}</p>
      <Filters ctx={ctx} m={m} query={data.query} areas={data.areas} />
      {m.parties.length === 0 || m.agreements.length === 0 ? (
        <p>{t("impl.none")}</p>
      ) : (
        <div class="table--responsive-scroll" tabindex="0">
          <table class="table table--compact tv-impl-matrix">
            <caption>{t("impl.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("impl.party")}</th>
                <th scope="col">{t("impl.region")}</th>
                {m.agreements.map((a) => (
                  <th scope="col">{a.title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.parties.map((p) => (
                <tr>
                  <th scope="row">{p.name}</th>
                  <td>{p.region ?? ""}</td>
                  {m.agreements.map((a) => {
                    const c = cells.get(`${a.id}:${p.id}`);
                    return c ? (
                      <td class={`tv-impl tv-impl--${c.state}`} data-state={c.state}>
                        <a href={cellPath(a.id, p.id)}>{cellText(c, t, ctx.lang)}</a>
                      </td>
                    ) : (
                      <td>
                        <span aria-hidden="true">{NOT_PARTY}</span>
                        <span class="sr-only">{t("impl.notParty")}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="h3">{t("impl.counts")}</h2>
      <dl class="tv-facts">{counts.flatMap(([label, n]) => [<dt>{label ?? ""}</dt>, <dd>{n ?? ""}</dd>])}</dl>
      <ul class="tv-plain">
        <li>
          <a href={`${IMPLEMENTATION_PATH}.csv${qs}`}>{t("impl.csv")}</a>
        </li>
        <li>
          <a href={`${IMPLEMENTATION_PATH}.xlsx${qs}`}>{t("impl.xlsx")}</a>
        </li>
      </ul>
      {data.attach ? (
        <SecretariatForm
          ctx={ctx}
          state={data.attach.state}
          form="attach"
          action={`${IMPLEMENTATION_PATH}/bilag${qs}`}
          heading={t("impl.attach")}
          submit={t("impl.attachSubmit")}
        >
          <p class="form-hint">{t("impl.attachHint")}</p>
          <SelectField
            {...field(data.attach.state, "attach", "itemId")}
            label={t("impl.attachItem")}
            options={[
              { value: "", label: t("secretariat.noItem") },
              ...data.attach.items.map((i) => ({ value: String(i.id), label: i.label })),
            ]}
          />
        </SecretariatForm>
      ) : null}
    </Layout>
  );
}

/** /aftaler/implementering/<agreement>/<party>: one cell, its history and the form to record a new state. */
export function CellPage({
  ctx,
  cell,
  state,
  saved,
}: {
  ctx: PageCtx;
  cell: TCellHistory;
  state: FormState | null;
  saved: boolean;
}): Html {
  const { t } = ctx;
  const title = t("impl.cellTitle", { party: cell.party.name, agreement: cell.agreement.title });
  const day = (d: string | null) => (d ? formatIsoDay(d, ctx.lang) : "–");
  const f = (name: string, fallback = "") => field(state, "state", name, fallback);
  return (
    <Layout ctx={ctx} title={title} current="toolbox" crumbs={crumbs(ctx, { text: title })}>
      <h1>{title}</h1>
      <Notices
        done={saved ? t("impl.saved") : null}
        problem={state && !cell.canEdit ? state.message : null}
      />
      <p>
        <strong>{`${t("impl.current")}: `}</strong>
        <span data-state={cell.current.state}>{cellText(cell.current, t, ctx.lang)}</span>
      </p>
      <p>
        <a href={`${IMPLEMENTATION_PATH}?agreementId=${cell.agreement.id}`}>{t("impl.toMatrix")}</a>
      </p>
      <h2>{t("impl.history")}</h2>
      {cell.history.length === 0 ? (
        <p>{t("impl.noHistory")}</p>
      ) : (
        <div class="table--responsive-scroll" tabindex="0">
          <table class="table table--compact">
            <caption class="sr-only">{t("impl.historyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("impl.col.state")}</th>
                <th scope="col">{t("impl.col.since")}</th>
                <th scope="col">{t("impl.col.planned")}</th>
                <th scope="col">{t("impl.col.reason")}</th>
                <th scope="col">{t("impl.col.note")}</th>
                <th scope="col">{t("impl.col.by")}</th>
                <th scope="col">{t("impl.col.at")}</th>
              </tr>
            </thead>
            <tbody>
              {cell.history.map((h) => (
                <tr>
                  <td>{t(stateKey(h.state))}</td>
                  <td>{day(h.since)}</td>
                  <td>{day(h.plannedOn)}</td>
                  <td>{h.reason}</td>
                  <td>{h.note}</td>
                  <td>{h.changedBy}</td>
                  <td>{h.changedAt ? formatDateTimeLong(new Date(h.changedAt), ctx.lang) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cell.canEdit ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="state"
          action={cellPath(cell.agreement.id, cell.party.id)}
          heading={t("impl.form")}
          submit={t("impl.form.submit")}
        >
          <p class="form-hint">{t("impl.form.publicHint")}</p>
          <SelectField
            {...f("state", cell.current.state)}
            label={t("impl.form.state")}
            options={IMPLEMENTATION_STATES.map((s) => ({ value: s, label: t(stateKey(s)) }))}
          />
          <DateField ctx={ctx} {...f("since")} label={t("impl.form.since")} />
          <DateField
            ctx={ctx}
            {...f("plannedOn", cell.current.plannedOn ?? "")}
            label={t("impl.form.planned")}
          />
          <TextField
            {...f("reason")}
            label={t("impl.form.reason")}
            hint={t("impl.form.reasonHint")}
            textarea
          />
          <TextField {...f("note")} label={t("impl.form.note")} textarea />
        </SecretariatForm>
      ) : null}
    </Layout>
  );
}
