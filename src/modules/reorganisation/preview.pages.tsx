import type { Html } from "#jsx/jsx-runtime";
import { formatOreNumber } from "../../lib/money.ts";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { numericDay } from "../bodies/index.ts";
import { assignField, type ReorgFormValues } from "./reorganisation.form.ts";
import { BASE, crumbs } from "./reorganisation.pages.tsx";
import type { TMove, TPreview } from "./reorganisation.schemas.ts";

const PARTY_COLUMNS = new Set(["party_id", "filters.partyId"]);

function groupBy<T extends { section: string }>(rows: T[]): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    out.set(r.section, [...(out.get(r.section) ?? []), r]);
  }
  return [...out];
}

/** "Forum A → Forum B", or dates for end dates; names of the nodes taking part. */
function change(m: TMove, names: Map<string, string>): string {
  const show = (v: TMove["from"]) => {
    if (v === null) {
      return "–";
    }
    if (typeof v === "string") {
      return numericDay(v);
    }
    const kind = PARTY_COLUMNS.has(m.column) || m.entity === "party" ? "party" : "body";
    return names.get(`${kind}:${v}`) ?? String(v);
  };
  return `${show(m.from)} → ${show(m.to)}`;
}

function reason(ctx: PageCtx, code: string): string {
  const [key, target] = code.split(":");
  return ctx.t(`reorg.reason.${key}` as MessageKey, { target: target ?? "" });
}

/** A split's choices as the preview computed them, repeated for the confirming post. */
function RepeatAssignments({ preview }: { preview: TPreview }): Html {
  return (
    <>
      {preview.assignable.map((a) => (
        <input type="hidden" name={assignField(a.row)} value={`${a.to.kind}:${a.to.id}`} />
      ))}
    </>
  );
}

/** Which successor each row of a split goes to: a form that calculates the preview again. */
function Assignments({
  ctx,
  preview: p,
  values,
}: {
  ctx: PageCtx;
  preview: TPreview;
  values: ReorgFormValues;
}): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="assign-h">
      <h2 id="assign-h">{t("reorg.assignHeading")}</h2>
      <p>{t("reorg.assignLead")}</p>
      <form method="post" action={`${BASE}/forhaandsvisning`}>
        <CsrfField ctx={ctx} />
        <Repeat values={values} />
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">{t("reorg.assignHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reorg.what")}</th>
                <th scope="col">{t("reorg.assignFrom")}</th>
                <th scope="col">{t("reorg.assignTo")}</th>
              </tr>
            </thead>
            <tbody>
              {p.assignable.map((a, i) => (
                <tr>
                  <td>
                    <label
                      for={`assign-${i}`}
                    >{`${t(`reorg.section.${a.section}` as MessageKey)}: ${a.label}`}</label>
                  </td>
                  <td>{a.predecessor.name}</td>
                  <td>
                    <select class="form-select" id={`assign-${i}`} name={assignField(a.row)}>
                      {a.successors.map((s) => (
                        <option
                          value={`${s.kind}:${s.id}`}
                          selected={s.kind === a.to.kind && s.id === a.to.id}
                        >
                          {s.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit" class="button button-secondary">
          {t("reorg.assignRecalc")}
        </button>
      </form>
    </section>
  );
}

/** The hidden fields that repeat the form for the confirming post. */
function Repeat({ values }: { values: ReorgFormValues }): Html {
  return (
    <>
      <input type="hidden" name="kind" value={values.kind} />
      <input type="hidden" name="title" value={values.title} />
      <input type="hidden" name="note" value={values.note} />
      <input type="hidden" name="effectiveDate" value={values.effectiveDate} />
      {values.pairs.map((p, i) => [
        <input type="hidden" name={`from${i + 1}`} value={p.from} />,
        <input type="hidden" name={`to${i + 1}`} value={p.to} />,
      ])}
    </>
  );
}

/** Everything that moves and what does not, with the money before and after, and the second step. */
export function PreviewPage(props: {
  ctx: PageCtx;
  preview: TPreview;
  values: ReorgFormValues;
  errors: FieldErrors;
  changed: string | null;
}): Html {
  const { ctx, preview: p, errors } = props;
  const { t, lang } = ctx;
  const names = new Map<string, string>();
  for (const n of p.nodes) {
    for (const x of [n.predecessor, ...n.successors]) {
      names.set(`${x.kind}:${x.id}`, x.name);
    }
  }
  const kr = (ore: string) => `${formatOreNumber(BigInt(ore), lang)} kr.`;
  const title = t("reorg.previewTitle", { title: p.title });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      {props.changed ? (
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <p class="alert-heading">{t("reorg.changedHeading")}</p>
            <p class="alert-text">{props.changed}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} heading={t("reorg.errorHeading")} errors={errors} />
      <p class="font-lead">
        {t("reorg.previewLead", { lastDay: numericDay(p.lastDay), date: numericDay(p.effectiveDate) })}
      </p>
      <h2>{t("reorg.nodesHeading")}</h2>
      <ul class="tv-plain">
        {p.nodes.map((n) => (
          <li>
            {`${n.predecessor.name} → ${n.successors.map((s) => s.name).join(", ") || t("structure.notContinued")}`}
            {n.receiver && n.successors.length > 1 ? (
              <span class="tv-meta">{` (${t("reorg.receiver")}: ${n.receiver.name})`}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t("reorg.moneyHeading")}</h2>
      <dl class="tv-facts">
        <dt>{t("reorg.moneyBefore")}</dt>
        <dd>{kr(p.money.totalBeforeOre)}</dd>
        <dt>{t("reorg.moneyAfter")}</dt>
        <dd>{kr(p.money.totalAfterOre)}</dd>
      </dl>
      <h2>{t("reorg.movesHeading", { count: p.moves.length })}</h2>
      {groupBy(p.moves).map(([section, rows]) => (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption>{`${t(`reorg.section.${section}` as MessageKey)} (${rows.length})`}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reorg.what")}</th>
                <th scope="col">{t("reorg.change")}</th>
                <th scope="col">{t("reorg.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr>
                  <td>{m.label}</td>
                  <td>{change(m, names)}</td>
                  <td>{m.detail ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {p.assignable.length > 0 ? <Assignments ctx={ctx} preview={p} values={props.values} /> : null}
      <h2>{t("reorg.staysHeading", { count: p.stays.length })}</h2>
      {groupBy(p.stays).map(([section, rows]) => (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption>{`${t(`reorg.section.${section}` as MessageKey)} (${rows.length})`}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reorg.what")}</th>
                <th scope="col">{t("reorg.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr>
                  <td>{s.label}</td>
                  <td>{reason(ctx, s.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2>{t("reorg.peopleHeading", { count: p.peopleWithoutBody.length })}</h2>
      {p.peopleWithoutBody.length === 0 ? (
        <p>{t("reorg.peopleNone")}</p>
      ) : (
        <ul class="tv-plain">
          {p.peopleWithoutBody.map((x) => (
            <li>{x.name}</li>
          ))}
        </ul>
      )}
      <form method="post" action={BASE}>
        <CsrfField ctx={ctx} />
        <Repeat values={props.values} />
        <RepeatAssignments preview={p} />
        <input type="hidden" name="previewDigest" value={p.digest} />
        <div class={errors.confirm ? "form-group form-error" : "form-group"}>
          {errors.confirm ? (
            <span class="form-error-message" id="confirm-error">
              {errors.confirm}
            </span>
          ) : null}
          <ul class="nobullet-list">
            <li>
              <input
                id="confirm"
                type="checkbox"
                name="confirm"
                value="1"
                class="form-checkbox"
                aria-describedby={errors.confirm ? "confirm-error" : undefined}
              />
              <label for="confirm">{t("reorg.confirm")}</label>
            </li>
          </ul>
        </div>
        <button type="submit" class="button button-primary">
          {t("reorg.carryOut")}
        </button>
      </form>
      <p>
        <a href={BASE}>{t("reorg.back")}</a>
      </p>
    </Layout>
  );
}
