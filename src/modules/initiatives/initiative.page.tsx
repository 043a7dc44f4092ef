import type { Html } from "#jsx/jsx-runtime";
import { formatOreNumber } from "../../lib/money.ts";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import { bodyPath, type TBody } from "../bodies/index.ts";
import type { TGrant } from "../funds/index.ts";
import { type DocumentForms, DocumentsSection } from "./documents.forms.tsx";
import type { TInitiativeDocument } from "./documents.schemas.ts";
import { RagBadge } from "./filters.tsx";
import type { TInitiative, TStatusChange } from "./initiatives.schemas.ts";
import { INITIATIVE_PHASES, INITIATIVE_RAGS } from "./initiatives.tables.ts";
import { initiativePath } from "./initiatives.urls.ts";
import { type VariantsData, VariantsSection } from "./variants.view.tsx";

export interface StatusForm {
  meetings: { id: number; label: string }[];
  values: Record<string, string>;
  failed: { message: string; fields: FieldErrors } | null;
}

export interface InitiativePageData {
  initiative: TInitiative;
  owner: TBody | null;
  partyNames: string[];
  grants: (TGrant & { fundName: string; fundHref: string })[];
  history: TStatusChange[];
  meetingHref: Map<number, string>;
  form: StatusForm | null;
  documents: TInitiativeDocument[];
  /** the secretariat's document forms, when the reader may change the initiative */
  documentForms: DocumentForms | null;
  /** the edit form, when the reader may change the initiative */
  editHref: string | null;
  /** what the last form saved, after post/redirect/get */
  saved: string | null;
  /** each participating party's variant and figures, with the forms where the reader may keep them */
  variants: VariantsData;
}

function StatusChangeForm({ ctx, i, form }: { ctx: PageCtx; i: TInitiative; form: StatusForm }): Html {
  const { t } = ctx;
  const v = form.values;
  return (
    <form method="post" action={`${initiativePath(i)}/status`} novalidate aria-labelledby="status-form-h">
      <h2 id="status-form-h">{t("initiatives.changeStatus")}</h2>
      {form.failed ? (
        <ErrorSummary ctx={ctx} heading={form.failed.message} errors={form.failed.fields} />
      ) : null}
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(i.version)} />
      <SelectField
        id="status-phase"
        name="phase"
        label={t("initiatives.phase")}
        value={v.phase ?? i.phase}
        options={INITIATIVE_PHASES.map((p) => ({
          value: p,
          label: t(`initiatives.phase.${p}` as MessageKey),
        }))}
      />
      <SelectField
        id="status-rag"
        name="rag"
        label={t("initiatives.rag")}
        value={v.rag ?? i.rag}
        options={INITIATIVE_RAGS.map((r) => ({ value: r, label: t(`initiatives.rag.${r}` as MessageKey) }))}
      />
      <TextField
        id="status-reason"
        name="reason"
        label={t("initiatives.reason")}
        hint={t("initiatives.reasonHint")}
        value={v.reason}
        error={form.failed?.fields["status-reason"]}
        textarea
      />
      <SelectField
        id="status-meeting"
        name="meetingId"
        label={t("initiatives.reportedAt")}
        value={v.meetingId}
        options={[
          { value: "", label: t("funds.form.none") },
          ...form.meetings.map((m) => ({ value: String(m.id), label: m.label })),
        ]}
        error={form.failed?.fields["status-meeting"]}
      />
      <button type="submit" class="button button-primary">
        {t("initiatives.saveStatus")}
      </button>
    </form>
  );
}

/** /indsatser/<id>: one initiative with its facts, budget (grants the reader may see) and status history. */
export function InitiativePage({ ctx, data }: { ctx: PageCtx; data: InitiativePageData }): Html {
  const { t } = ctx;
  const i = data.initiative;
  const total = data.grants.reduce((s, g) => s + BigInt(g.totalOre), 0n);
  return (
    <Layout
      ctx={ctx}
      title={i.title}
      current="initiatives"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("initiatives.title"), href: "/indsatser" },
        { text: i.title },
      ]}
    >
      <p class="tv-kicker">{i.focusArea}</p>
      <h1>{i.title}</h1>
      {data.saved ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{data.saved}</p>
          </div>
        </div>
      ) : null}
      {data.editHref ? (
        <p>
          <a href={data.editHref} class="button button-secondary">
            {t("initiatives.edit")}
          </a>
        </p>
      ) : null}
      <dl class="tv-facts">
        <dt>{t("initiatives.rag")}</dt>
        <dd>
          <RagBadge ctx={ctx} rag={i.rag} />
          {i.ragReason ? ` – ${i.ragReason}` : null}
        </dd>
        <dt>{t("initiatives.phase")}</dt>
        <dd>{t(`initiatives.phase.${i.phase}` as MessageKey)}</dd>
        <dt>{t("initiatives.agreement")}</dt>
        <dd>{i.agreement}</dd>
        <dt>{t("initiatives.scope")}</dt>
        <dd>{t(`initiatives.scope.${i.scope}` as MessageKey)}</dd>
        <dt>{t("initiatives.owner")}</dt>
        <dd>{data.owner ? <a href={bodyPath(data.owner)}>{data.owner.name}</a> : "–"}</dd>
        <dt>{t("initiatives.cluster")}</dt>
        <dd>{i.clusters.length ? i.clusters.join(", ") : t("initiatives.wholeRegion")}</dd>
        <dt>{t("initiatives.parties")}</dt>
        <dd>{data.partyNames.length ? data.partyNames.join(", ") : "–"}</dd>
        <dt>{t("initiatives.targetGroup")}</dt>
        <dd>{i.targetGroup}</dd>
        <dt>{t("initiatives.theme")}</dt>
        <dd>{i.theme}</dd>
        <dt>{t("initiatives.period")}</dt>
        <dd>
          {i.periodFrom ? formatIsoDay(i.periodFrom, ctx.lang) : "–"}
          {i.periodTo ? `–${formatIsoDay(i.periodTo, ctx.lang)}` : ""}
        </dd>
      </dl>
      {i.description ? markdown(i.description) : null}
      <section aria-labelledby="budget-h">
        <h2 id="budget-h">{t("initiatives.budget")}</h2>
        {data.grants.length === 0 ? (
          <p>{t("initiatives.noGrants")}</p>
        ) : (
          <ul>
            {data.grants.map((g) => (
              <li>
                <a href={g.fundHref}>{g.fundName}</a>: {g.title},{" "}
                {formatOreNumber(BigInt(g.totalOre), ctx.lang)} {ctx.lang === "da" ? "kr." : "DKK"} ·{" "}
                {t(`funds.status.${g.status}` as MessageKey)}
                {g.approvedOn ? ` ${formatIsoDay(g.approvedOn, ctx.lang)}` : ""}
              </li>
            ))}
            <li>
              <strong>
                {t("funds.total")}: {formatOreNumber(total, ctx.lang)} {ctx.lang === "da" ? "kr." : "DKK"}
              </strong>
            </li>
          </ul>
        )}
      </section>
      <section aria-labelledby="evaluation-h">
        <h2 id="evaluation-h">{t("initiatives.evaluation")}</h2>
        {i.evaluationPlan ? markdown(i.evaluationPlan) : <p>–</p>}
      </section>
      <DocumentsSection
        ctx={ctx}
        path={initiativePath(i)}
        documents={data.documents}
        forms={data.documentForms}
      />
      <VariantsSection ctx={ctx} path={initiativePath(i)} data={data.variants} />
      <section aria-labelledby="history-h">
        <h2 id="history-h">{t("initiatives.history")}</h2>
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">{t("initiatives.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("initiatives.from")}</th>
                <th scope="col">{t("initiatives.phase")}</th>
                <th scope="col">{t("initiatives.rag")}</th>
                <th scope="col">{t("initiatives.reason")}</th>
                <th scope="col">{t("initiatives.reportedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {data.history.map((h) => (
                <tr>
                  <td>{formatIsoDay(h.effectiveOn, ctx.lang)}</td>
                  <td>{t(`initiatives.phase.${h.phase}` as MessageKey)}</td>
                  <td>
                    <RagBadge ctx={ctx} rag={h.rag} />
                  </td>
                  <td>{h.reason ?? ""}</td>
                  <td>
                    {h.meetingId && data.meetingHref.has(h.meetingId) ? (
                      <a href={`/indsatser/status/${h.meetingId}`}>{t("initiatives.statusAtMeeting")}</a>
                    ) : (
                      ""
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {data.form ? <StatusChangeForm ctx={ctx} i={i} form={data.form} /> : null}
    </Layout>
  );
}
