/**
 * The parts of the matter pages added with the chair group's rule, written procedure per party and
 * matters' files (issue 21): the rule form on the body's page, the files on the matter's page, the chair
 * group's votes, and the decisions on a case's page.
 */
import type { Html } from "#jsx/jsx-runtime";
import { CsrfField } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong, formatFileSize } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TCaseDecision } from "./matters.case-decisions.ts";
import type { TMatter } from "./matters.schemas.ts";
import { CHAIR_RULES, type ChairRule } from "./matters.tables.ts";
import { bodyMattersPath, matterPath } from "./matters.urls.ts";

const when = (ctx: PageCtx, iso: string) => formatDateTimeLong(new Date(iso), ctx.lang);

/** The body's rule for chair decisions: shown to members, a form for the chair group. */
export function ChairRuleSection({
  ctx,
  bodyId,
  rule,
  canSet,
}: {
  ctx: PageCtx;
  bodyId: number;
  rule: ChairRule;
  canSet: boolean;
}): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="matters-rule">
      <h2 id="matters-rule">{t("matters.chairRule")}</h2>
      {canSet ? (
        <form method="post" action={`${bodyMattersPath(bodyId)}/regel`} novalidate>
          <CsrfField ctx={ctx} />
          <SelectField
            id="chairRule"
            label={t("matters.chairRule")}
            hint={t("matters.chairRuleHint")}
            value={rule}
            options={CHAIR_RULES.map((r) => ({ value: r, label: t(`matters.chairRule.${r}` as MessageKey) }))}
          />
          <button type="submit" class="button button-secondary">
            {t("matters.chairRuleSave")}
          </button>
        </form>
      ) : (
        <p>{t(`matters.chairRule.${rule}` as MessageKey)}</p>
      )}
    </section>
  );
}

/** Who a written procedure goes to (the new matter's form). */
export function AudienceField({ ctx, value }: { ctx: PageCtx; value: string | undefined }): Html {
  const { t } = ctx;
  return (
    <SelectField
      id="audience"
      label={t("matters.audience")}
      hint={t("matters.audienceHint")}
      value={value}
      options={(["members", "party_representatives"] as const).map((a) => ({
        value: a,
        label: t(`matters.audience.${a}` as MessageKey),
      }))}
    />
  );
}

/** The matter's files: links for its readers, the upload form for the secretariat while it is open. */
export function MatterFiles({
  ctx,
  m,
  canAttach,
  errors,
}: {
  ctx: PageCtx;
  m: TMatter;
  canAttach: boolean;
  errors: FieldErrors;
}): Html | null {
  const { t } = ctx;
  if (m.attachments.length === 0 && !canAttach) {
    return null;
  }
  return (
    <section aria-labelledby="matter-files">
      <h2 id="matter-files">{t("matters.attachments")}</h2>
      {m.attachments.length === 0 ? (
        <p class="tv-meta">{t("matters.noAttachments")}</p>
      ) : (
        <ul>
          {m.attachments.map((a) => (
            <li>
              <a href={`${matterPath(m.id)}/bilag/${a.id}`}>{a.title}</a>
              {` (${a.fileName}, ${formatFileSize(a.size, ctx.lang)})`}
            </li>
          ))}
        </ul>
      )}
      {canAttach ? (
        <form
          method="post"
          action={`${matterPath(m.id)}/bilag`}
          enctype="multipart/form-data"
          novalidate
          aria-labelledby="matter-attach"
        >
          <h3 id="matter-attach" class="h4">
            {t("matters.attach")}
          </h3>
          <ErrorSummary ctx={ctx} heading={t("matters.attachFailed")} errors={errors} />
          <CsrfField ctx={ctx} />
          <TextField id="attachTitle" name="title" label={t("matters.attachTitle")} error={errors.title} />
          <TextField id="file" label={t("matters.attachFile")} type="file" error={errors.file} required />
          <button type="submit" class="button button-secondary">
            {t("matters.attachButton")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Under "each of the chair group": each member's decision so far. */
export function ChairVotes({ ctx, m }: { ctx: PageCtx; m: TMatter }): Html | null {
  const { t } = ctx;
  if (m.procedure !== "chair_decision" || m.chairRule !== "each") {
    return null;
  }
  return (
    <section aria-labelledby="matter-votes">
      <h2 id="matter-votes">{t("matters.votes")}</h2>
      <p class="tv-meta">{t("matters.chairRule.each")}</p>
      <ul>
        {m.answers.map((a) => (
          <li>
            {`${a.name}: `}
            {a.answer ? t(`matters.answer.${a.answer}` as MessageKey) : t("matters.status.open")}
            {a.answeredAt ? ` · ${when(ctx, a.answeredAt)}` : ""}
            {a.remark ? ` · ${a.remark}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A case's decisions between meetings, for its page. */
export function CaseDecisions({ ctx, decisions }: { ctx: PageCtx; decisions: TCaseDecision[] }): Html | null {
  const { t } = ctx;
  if (decisions.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="case-decisions">
      <h2 id="case-decisions">{t("matters.onCase")}</h2>
      <ul class="tv-timeline">
        {decisions.map((d) => (
          <li>
            <h3 class="h4">
              {t("matters.onCaseLine", {
                procedure: t(`matters.procedure.${d.procedure}` as MessageKey),
                status: t(`matters.status.${d.status}` as MessageKey),
                when: when(ctx, d.decidedAt),
              })}
              {` · ${d.body.name}`}
            </h3>
            <p>{d.path ? <a href={d.path}>{d.title}</a> : d.title}</p>
            {d.remark ? <p class="tv-meta">{`${t("matters.remark")}: ${d.remark}`}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
