import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { numericDay } from "../bodies/index.ts";
import { PAIRS, type ReorgFormValues } from "./reorganisation.form.ts";
import type { TReorganisation } from "./reorganisation.schemas.ts";
import { REORGANISATION_KINDS } from "./reorganisation.tables.ts";

export const BASE = "/admin/strukturaendringer";

export interface Choice {
  value: string;
  label: string;
}

/** Front page › Strukturændringer (› the page's own title). */
export function crumbs(ctx: PageCtx, last?: string) {
  const front = { text: ctx.t("nav.front"), href: "/" };
  return last
    ? [front, { text: ctx.t("reorg.title"), href: BASE }, { text: last }]
    : [front, { text: ctx.t("reorg.title") }];
}

/** A select of bodies and parties in two groups; value "body:12" or "party:3". */
function NodeSelect(props: {
  ctx: PageCtx;
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  bodies: Choice[];
  parties: Choice[];
}): Html {
  const { t } = props.ctx;
  return (
    <div class={props.error ? "form-group form-error" : "form-group"}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.error ? (
        <span class="form-error-message" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      <select
        class="form-select"
        id={props.id}
        name={props.id}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      >
        <option value="">{t("reorg.choose")}</option>
        <optgroup label={t("reorg.bodies")}>
          {props.bodies.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("reorg.parties")}>
          {props.parties.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

/** The form of a new reorganisation: kind, title, date, note and predecessor → successor lines. */
function NewForm(props: {
  ctx: PageCtx;
  values: ReorgFormValues;
  errors: FieldErrors;
  bodies: Choice[];
  parties: Choice[];
}): Html {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="new-h">
      <h2 id="new-h">{t("reorg.newHeading")}</h2>
      <ErrorSummary ctx={ctx} heading={t("reorg.errorHeading")} errors={errors} />
      <form method="post" action={`${BASE}/forhaandsvisning`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="kind"
          label={t("reorg.kind")}
          value={values.kind}
          error={errors.kind}
          options={REORGANISATION_KINDS.map((k) => ({ value: k, label: t(`reorg.kind.${k}` as MessageKey) }))}
        />
        <TextField id="title" label={t("reorg.titleField")} value={values.title} error={errors.title} />
        <TextField
          id="effectiveDate"
          label={t("reorg.effectiveDate")}
          hint={t("reorg.effectiveHint")}
          value={values.effectiveDate}
          error={errors.effectiveDate}
        />
        <TextField id="note" label={t("reorg.note")} value={values.note} error={errors.note} textarea />
        <fieldset>
          <legend class="h3">{t("reorg.pairsHeading")}</legend>
          <p class="form-hint">{t("reorg.pairsHint")}</p>
          {Array.from({ length: PAIRS }, (_, i) => (
            <div class="tv-pair">
              <NodeSelect
                ctx={ctx}
                id={`from${i + 1}`}
                label={t("reorg.from", { n: i + 1 })}
                value={values.pairs[i]?.from ?? ""}
                error={errors[`from${i + 1}`]}
                bodies={props.bodies}
                parties={props.parties}
              />
              <NodeSelect
                ctx={ctx}
                id={`to${i + 1}`}
                label={t("reorg.to", { n: i + 1 })}
                value={values.pairs[i]?.to ?? ""}
                error={errors[`to${i + 1}`]}
                bodies={props.bodies}
                parties={props.parties}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button button-primary">
          {t("reorg.preview")}
        </button>
      </form>
    </section>
  );
}

/** /admin/strukturaendringer: the reorganisations so far and the form of a new one. */
export function ReorganisationsPage(props: {
  ctx: PageCtx;
  list: TReorganisation[];
  values: ReorgFormValues;
  errors: FieldErrors;
  bodies: Choice[];
  parties: Choice[];
}): Html {
  const { ctx, list } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("reorg.title")} crumbs={crumbs(ctx)}>
      <h1>{t("reorg.title")}</h1>
      <p class="font-lead">{t("reorg.lead")}</p>
      {list.length === 0 ? (
        <p>{t("reorg.none")}</p>
      ) : (
        <ul class="tv-plain">
          {list.map((r) => (
            <li>
              <a href={`${BASE}/${r.id}`}>{r.title}</a>
              <span class="tv-meta">
                {` · ${t(`reorg.kind.${r.kind}` as MessageKey)} · ${numericDay(r.effectiveDate)} · ${t(`reorg.status.${r.status}` as MessageKey)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <NewForm {...props} />
    </Layout>
  );
}

/** One reorganisation: its successions, what moved, and (before its date) the way to undo it. */
export function ReorganisationPage({
  ctx,
  r,
  confirmUndo,
}: {
  ctx: PageCtx;
  r: TReorganisation;
  confirmUndo: boolean;
}): Html {
  const { t } = ctx;
  const moved = (r.summary.moved ?? {}) as Record<string, number>;
  return (
    <Layout ctx={ctx} title={r.title} crumbs={crumbs(ctx, r.title)}>
      <h1>{r.title}</h1>
      <dl class="tv-facts">
        <dt>{t("reorg.kind")}</dt>
        <dd>{t(`reorg.kind.${r.kind}` as MessageKey)}</dd>
        <dt>{t("reorg.effectiveDate")}</dt>
        <dd>{numericDay(r.effectiveDate)}</dd>
        <dt>{t("reorg.moved")}</dt>
        <dd>{String(r.moves)}</dd>
      </dl>
      {r.note ? <p>{r.note}</p> : null}
      <h2>{t("reorg.successions")}</h2>
      <ul class="tv-plain">
        {r.successions.map((s) => (
          <li>{`${s.predecessor.name} → ${s.successor.name}`}</li>
        ))}
      </ul>
      <h2>{t("reorg.moved")}</h2>
      <ul class="tv-plain">
        {Object.entries(moved).map(([section, count]) => (
          <li>{`${t(`reorg.section.${section}` as MessageKey)}: ${count}`}</li>
        ))}
      </ul>
      <p>
        <strong>{t(`reorg.status.${r.status}` as MessageKey)}</strong>
      </p>
      {r.undoable ? (
        confirmUndo ? (
          <form method="post" action={`${BASE}/${r.id}/fortryd`}>
            <CsrfField ctx={ctx} />
            <h2>{t("reorg.undo")}</h2>
            <p>{t("reorg.undoLead", { date: numericDay(r.effectiveDate) })}</p>
            <button type="submit" class="button button-primary">
              {t("reorg.undoConfirm")}
            </button>
          </form>
        ) : (
          <p>
            <a class="button button-secondary" href={`${BASE}/${r.id}/fortryd`}>
              {t("reorg.undo")}
            </a>
          </p>
        )
      ) : confirmUndo ? (
        <p>{t("reorg.notUndoable")}</p>
      ) : null}
      <p>
        <a href={BASE}>{t("reorg.back")}</a>
      </p>
    </Layout>
  );
}
