import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import { AudienceField, ChairRuleSection, ChairVotes, MatterFiles } from "./matters.extras.tsx";
import type { TMatter } from "./matters.schemas.ts";
import { type ChairRule, MATTER_LINK_KINDS, MATTER_RULES } from "./matters.tables.ts";
import { bodyMattersPath, matterObligationsPath, matterPath } from "./matters.urls.ts";

const when = (ctx: PageCtx, iso: string) => formatDateTimeLong(new Date(iso), ctx.lang);

export function statusText(ctx: PageCtx, m: TMatter): string {
  return ctx.t(`matters.status.${m.status}` as MessageKey);
}

function Saved({ text }: { text: string | null }): Html | null {
  return text ? (
    <div class="alert alert-success" role="status">
      <p class="alert-text">{text}</p>
    </div>
  ) : null;
}

/** One line per matter: title, kind, status, deadline. */
export function MatterList({ ctx, list }: { ctx: PageCtx; list: TMatter[] }): Html {
  const { t } = ctx;
  if (list.length === 0) {
    return <p class="tv-meta">{t("matters.none")}</p>;
  }
  return (
    <ul class="tv-meetings">
      {list.map((m) => (
        <li>
          <a href={matterPath(m.id)}>{m.title}</a>
          <span class="tv-meta">
            {[
              t(`matters.procedure.${m.procedure}` as MessageKey),
              statusText(ctx, m),
              m.deadline && m.status === "open"
                ? t("matters.deadlineIs", { when: when(ctx, m.deadline) })
                : "",
              m.access === "closed" ? t("matters.closed") : "",
            ]
              .filter((part) => part !== "")
              .join(" · ")}
          </span>
        </li>
      ))}
    </ul>
  );
}

export interface NewMatterForm {
  values: Record<string, string>;
  errors: FieldErrors;
}

function NewMatter({ ctx, bodyId, form }: { ctx: PageCtx; bodyId: number; form: NewMatterForm }): Html {
  const { t } = ctx;
  const v = form.values;
  return (
    <form method="post" action={bodyMattersPath(bodyId)} novalidate>
      <CsrfField ctx={ctx} />
      <ErrorSummary ctx={ctx} heading={t("matters.formError")} errors={form.errors} />
      <SelectField
        id="procedure"
        label={t("matters.procedure")}
        value={v.procedure}
        options={(["chair_decision", "written_procedure"] as const).map((p) => ({
          value: p,
          label: t(`matters.procedure.${p}` as MessageKey),
        }))}
        error={form.errors.procedure}
      />
      <TextField
        id="title"
        label={t("matters.titleField")}
        value={v.title}
        error={form.errors.title}
        required
      />
      <TextField id="text" label={t("matters.text")} value={v.text} error={form.errors.text} textarea />
      <TextField
        id="question"
        label={t("matters.question")}
        hint={t("matters.questionHint")}
        value={v.question}
        error={form.errors.question}
        textarea
        required
      />
      <SelectField
        id="access"
        label={t("matters.access")}
        value={v.access}
        options={[
          { value: "open", label: t("matters.access.open") },
          { value: "closed", label: t("matters.access.closed") },
        ]}
        error={form.errors.access}
      />
      <SelectField
        id="linkKind"
        label={t("matters.linkKind")}
        value={v.linkKind}
        options={[
          { value: "", label: t("matters.link.none") },
          ...MATTER_LINK_KINDS.map((k) => ({ value: k, label: t(`matters.link.${k}` as MessageKey) })),
        ]}
        error={form.errors.linkKind}
      />
      <TextField
        id="linkId"
        label={t("matters.linkId")}
        hint={t("matters.linkIdHint")}
        value={v.linkId}
        error={form.errors.linkId}
        inputmode="numeric"
      />
      <SelectField
        id="rule"
        label={t("matters.rule")}
        hint={t("matters.ruleHint")}
        value={v.rule}
        options={MATTER_RULES.map((r) => ({ value: r, label: t(`matters.rule.${r}` as MessageKey) }))}
        error={form.errors.rule}
      />
      <AudienceField ctx={ctx} value={v.audience} />
      <TextField
        id="deadlineDate"
        label={t("matters.deadline")}
        hint={t("matters.deadlineHint")}
        value={v.deadlineDate}
        error={form.errors.deadline}
      />
      <TextField
        id="deadlineTime"
        label={t("matters.deadlineTime")}
        hint={t("matters.deadlineTimeHint")}
        value={v.deadlineTime}
      />
      <button type="submit" class="button button-primary">
        {t("matters.put")}
      </button>
    </form>
  );
}

/** /arbejdsrum/organer/:id/beslutningssager: the body's matters, and the secretariat's form. */
export function BodyMattersPage({
  ctx,
  data,
}: {
  ctx: PageCtx;
  data: {
    body: { id: number; name: string };
    list: TMatter[];
    editor: boolean;
    form: NewMatterForm;
    saved: string | null;
    rule: ChairRule;
    canSetRule: boolean;
  };
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={`${t("matters.title")} – ${data.body.name}`}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: t("matters.title") },
      ]}
    >
      <h1>
        {t("matters.title")}: {data.body.name}
      </h1>
      <p class="font-lead">{t("matters.lead")}</p>
      <Saved text={data.saved} />
      <MatterList ctx={ctx} list={data.list} />
      <ChairRuleSection ctx={ctx} bodyId={data.body.id} rule={data.rule} canSet={data.canSetRule} />
      {data.editor ? (
        <section aria-labelledby="matters-new">
          <h2 id="matters-new">{t("matters.new")}</h2>
          <NewMatter ctx={ctx} bodyId={data.body.id} form={data.form} />
        </section>
      ) : null}
    </Layout>
  );
}

function DecisionForm({ ctx, m, errors }: { ctx: PageCtx; m: TMatter; errors: FieldErrors }): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="matter-decide">
      <h2 id="matter-decide">{t("matters.decide")}</h2>
      <ErrorSummary ctx={ctx} heading={t("matters.formError")} errors={errors} />
      <form method="post" action={`${matterPath(m.id)}/beslut`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="decision"
          label={t("matters.decision")}
          options={(["approved", "approved_with_remark", "rejected"] as const).map((d) => ({
            value: d,
            label: t(`matters.status.${d}` as MessageKey),
          }))}
          error={errors.decision}
        />
        <TextField id="remark" label={t("matters.remark")} error={errors.remark} textarea />
        <button type="submit" class="button button-primary">
          {t("matters.decideButton")}
        </button>
      </form>
    </section>
  );
}

function AnswerForm({ ctx, m, errors }: { ctx: PageCtx; m: TMatter; errors: FieldErrors }): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="matter-answer">
      <h2 id="matter-answer">{t("matters.yourAnswer")}</h2>
      <ErrorSummary ctx={ctx} heading={t("matters.formError")} errors={errors} />
      <form method="post" action={`${matterPath(m.id)}/svar`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="answer"
          label={t("matters.answer")}
          options={(["approve", "reject", "remark"] as const).map((a) => ({
            value: a,
            label: t(`matters.answer.${a}` as MessageKey),
          }))}
          error={errors.answer}
        />
        <TextField id="remark" label={t("matters.remark")} error={errors.remark} textarea />
        <button type="submit" class="button button-primary">
          {t("matters.answerButton")}
        </button>
      </form>
    </section>
  );
}

/** /arbejdsrum/beslutningssager/:id: the matter, the decision or the answers, and the reader's form. */
export function MatterPage({
  ctx,
  data,
}: {
  ctx: PageCtx;
  data: {
    m: TMatter;
    errors: FieldErrors;
    saved: string | null;
    canAttach: boolean;
    fileErrors: FieldErrors;
    /** an approved matter: its obligations to other bodies; `send` for the secretariat, who fans them out */
    followUp: { send: boolean } | null;
  };
}): Html {
  const { t } = ctx;
  const m = data.m;
  const perParty = m.audience === "party_representatives";
  return (
    <Layout
      ctx={ctx}
      title={m.title}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: t("matters.title"), href: bodyMattersPath(m.bodyId) },
        { text: m.title },
      ]}
    >
      <h1>{m.title}</h1>
      <p class="tv-meta">
        {m.bodyName} · {t(`matters.procedure.${m.procedure}` as MessageKey)} · {statusText(ctx, m)}
        {m.access === "closed" ? ` · ${t("matters.closed")}` : ""}
      </p>
      <Saved text={data.saved} />
      {m.text ? markdown(m.text) : null}
      <h2>{t("matters.question")}</h2>
      <p>{m.question}</p>
      {m.linkKind ? (
        <p class="tv-meta">
          {t("matters.linkKind")}: {t(`matters.link.${m.linkKind}` as MessageKey)}{" "}
          {m.linkKind === "case" && m.linkId !== null ? (
            <a href={`/sager/${m.linkId}`}>{String(m.linkId)}</a>
          ) : (
            m.linkId
          )}
        </p>
      ) : null}
      {m.procedure === "written_procedure" && m.rule ? (
        <p class="tv-meta">
          {t("matters.rule")}: {t(`matters.rule.${m.rule}` as MessageKey)}
          {m.deadline ? ` · ${t("matters.deadlineIs", { when: when(ctx, m.deadline) })}` : ""}
        </p>
      ) : null}
      {m.decidedAt ? (
        <div class="alert alert-info" role="status">
          <p class="alert-text">
            {t("matters.decidedLine", {
              status: statusText(ctx, m),
              when: when(ctx, m.decidedAt),
              by: m.decidedBy ?? "",
            })}
            {m.decisionRemark ? ` ${t("matters.remark")}: ${m.decisionRemark}` : ""}
          </p>
        </div>
      ) : null}
      {data.followUp ? (
        <p>
          <a href={matterObligationsPath(m.id)}>{t(data.followUp.send ? "obl.sendOut" : "obl.itemLink")}</a>
        </p>
      ) : null}
      <MatterFiles ctx={ctx} m={m} canAttach={data.canAttach} errors={data.fileErrors} />
      <ChairVotes ctx={ctx} m={m} />
      {m.canDecide ? <DecisionForm ctx={ctx} m={m} errors={data.errors} /> : null}
      {m.canAnswer ? <AnswerForm ctx={ctx} m={m} errors={data.errors} /> : null}
      {m.procedure === "written_procedure" ? (
        <section aria-labelledby="matter-answers">
          <h2 id="matter-answers">{t("matters.answers")}</h2>
          {m.audience === "party_representatives" ? <p class="tv-meta">{t("matters.perPartyNote")}</p> : null}
          <table class="table table--compact table--responsive-headers">
            <thead>
              <tr>
                <th scope="col">{t("matters.member")}</th>
                {perParty ? <th scope="col">{t("matters.party")}</th> : null}
                <th scope="col">{t("matters.answer")}</th>
                <th scope="col">{t("matters.remark")}</th>
                <th scope="col">{t("matters.answeredAt")}</th>
              </tr>
            </thead>
            <tbody>
              {m.answers.map((a) => (
                <tr>
                  <td data-title={t("matters.member")}>{a.name}</td>
                  {perParty ? <td data-title={t("matters.party")}>{a.party ?? ""}</td> : null}
                  <td data-title={t("matters.answer")}>
                    {a.answer ? t(`matters.answer.${a.answer}` as MessageKey) : t("matters.notAnswered")}
                  </td>
                  <td data-title={t("matters.remark")}>{a.remark ?? ""}</td>
                  <td data-title={t("matters.answeredAt")}>{a.answeredAt ? when(ctx, a.answeredAt) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Layout>
  );
}
