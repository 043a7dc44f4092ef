import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { Notices } from "../../web/notices.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { TBody } from "../bodies/index.ts";
import { ItemView, type MeetingRow, type MinutesRound, type TItem } from "../meetings/index.ts";
import { type ConfirmKind, ConfirmTemplate } from "./confirm.tsx";
import { FollowUps, type ItemFollowUps, ReferCase } from "./followups.view.tsx";
import { type ItemFields, OUTCOMES } from "./item.form.ts";
import { MembersApproval, type MembersApprovalData } from "./minutes-answers.view.tsx";
import { MeetingSteps } from "./steps.view.tsx";
import { WS, wsMinutes } from "./workspace.urls.ts";

export interface MinutesPageData {
  meeting: MeetingRow;
  body: TBody;
  items: TItem[];
  personName: (id: number) => string;
  /** per item with a decision (secretariat only): its follow-ups and proposals */
  followUps: Map<number, ItemFollowUps>;
  people: { id: number; name: string }[];
  /** bodies a case can be sent on to */
  targets: { id: number; name: string }[];
  editor: boolean;
  /** may approve alone: the chair, where the body's rule is the chair's */
  chair: boolean;
  /** the members' answers to the draft (null unless the minutes are a draft) */
  round: MinutesRound | null;
  answerErrors: MembersApprovalData["errors"];
  failed: { itemId: number; fields: ItemFields; errors: FieldErrors } | null;
  problem: string | null;
  done: string | null;
}

function StatusForm({
  ctx,
  meeting,
  to,
  label,
  hint,
  confirm,
}: {
  ctx: PageCtx;
  meeting: MeetingRow;
  to: string;
  label: string;
  hint: string;
  /** the irreversible step's question, asked in a dialog (with JavaScript) before the form is sent */
  confirm?: { kind: ConfirmKind; bodyName: string };
}) {
  return (
    <section aria-labelledby="step-h" class="tv-panel">
      <h2 id="step-h">{label}</h2>
      <p>{hint}</p>
      <form method="post" action={`${WS}/moeder/${meeting.id}/status`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="to" value={to} />
        <input type="hidden" name="version" value={String(meeting.version)} />
        <button type="submit" class="button button-primary">
          {label}
        </button>
        {confirm ? <ConfirmTemplate ctx={ctx} kind={confirm.kind} bodyName={confirm.bodyName} /> : null}
      </form>
    </section>
  );
}

/** The chair's other answer to a draft: back to the secretariat, with what must change. */
function SendBackForm({
  ctx,
  meeting,
  error,
}: {
  ctx: PageCtx;
  meeting: MeetingRow;
  error?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="back-h" class="tv-panel">
      <h2 id="back-h">{t("ws.minutes.sendBack")}</h2>
      <form method="post" action={`${WS}/moeder/${meeting.id}/referat/tilbage`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(meeting.version)} />
        <TextField
          id="comment"
          label={t("ws.minutes.sendBackComment")}
          hint={t("ws.minutes.sendBackHint")}
          error={error}
          textarea
          required
        />
        <button type="submit" class="button button-secondary">
          {t("ws.minutes.sendBack")}
        </button>
      </form>
    </section>
  );
}

/** What the chair said when the draft was last sent back (the secretariat's to-do). */
export function ReturnedNotice({ ctx, meeting }: { ctx: PageCtx; meeting: MeetingRow }) {
  if (!meeting.minutesReturnComment || meeting.status !== "held") {
    return null;
  }
  return (
    <div class="alert alert-warning" role="status">
      <div class="alert-body">
        <p class="alert-heading">{ctx.t("ws.minutes.returned")}</p>
        <p class="alert-text">{meeting.minutesReturnComment}</p>
      </div>
    </div>
  );
}

/** A correction of approved minutes: the decision and outcome, with the reason the change is made. */
function CorrectionForm({ ctx, data, item }: { ctx: PageCtx; data: MinutesPageData; item: TItem }): Html {
  const { t } = ctx;
  const failed = data.failed?.itemId === item.id ? data.failed : null;
  const errors = failed?.errors ?? {};
  const id = `c${item.id}`;
  const text = failed ? (failed.fields.decisionText ?? "") : (item.decisionText ?? "");
  const outcome = failed ? (failed.fields.outcome ?? "") : (item.outcome ?? "");
  return (
    <details class="tv-correction" open={failed ? true : undefined}>
      <summary>
        {t("ws.minutes.correct")}
        <span class="sr-only">: {`${item.number}. ${item.title}`}</span>
      </summary>
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={errors} />
      <form method="post" action={`${wsMinutes(data.meeting.id)}/punkter/${item.id}/rettelse`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(item.version)} />
        <div class="form-group">
          <label class="form-label" for={`${id}-text`}>
            {t("ws.conduct.decision")}
          </label>
          <textarea class="form-input" id={`${id}-text`} name="decisionText" rows="4">
            {text}
          </textarea>
        </div>
        <div class="form-group">
          <label class="form-label" for={`${id}-outcome`}>
            {t("ws.conduct.outcome")}
          </label>
          <select class="form-select" id={`${id}-outcome`} name="outcome">
            <option value="">{t("ws.conduct.noOutcome")}</option>
            {OUTCOMES.map((o) => (
              <option value={o} selected={o === outcome}>
                {t(`outcome.${o}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class={errors.reason ? "form-group form-error" : "form-group"}>
          <label class="form-label" for={`${id}-reason`}>
            {t("ws.minutes.reason")}
          </label>
          <span class="form-hint" id={`${id}-reason-hint`}>
            {t("ws.minutes.reasonHint")}
          </span>
          {errors.reason ? (
            <span class="form-error-message" id={`${id}-reason-error`}>
              {errors.reason}
            </span>
          ) : null}
          <textarea
            class="form-input"
            id={`${id}-reason`}
            name="reason"
            rows="2"
            aria-invalid={errors.reason ? "true" : undefined}
            aria-describedby={errors.reason ? `${id}-reason-hint ${id}-reason-error` : `${id}-reason-hint`}
          >
            {failed?.fields.reason ?? ""}
          </textarea>
        </div>
        <button type="submit" class="button button-primary">
          {t("ws.minutes.correctButton")}
        </button>
      </form>
    </details>
  );
}

/** /arbejdsrum/moeder/<id>/referat: the minutes as they will read; approve (chair), publish, correct. */
export function MinutesPage({ ctx, data }: { ctx: PageCtx; data: MinutesPageData }): Html {
  const { t } = ctx;
  const { meeting, body } = data;
  const when = formatDateTimeLong(meeting.start, ctx.lang);
  const locked = meeting.status === "minutes_approved" || meeting.status === "minutes_published";
  return (
    <Layout
      ctx={ctx}
      title={`${t("ws.minutes.title")}: ${body.name}, ${when}`}
      current="workspace"
      crumbs={[{ text: t("ws.title"), href: WS }, { text: `${body.name}, ${when}` }]}
      scripts={["confirm"]}
    >
      <p class="tv-kicker">{t("ws.minutes.title")}</p>
      <h1>
        {body.name}, {when}
      </h1>
      <MeetingSteps ctx={ctx} meeting={meeting} current="minutes" editor={data.editor} />
      <Notices done={data.done} problem={data.problem} />
      {meeting.status === "minutes_draft" && data.chair ? (
        <StatusForm
          ctx={ctx}
          meeting={meeting}
          to="minutes_approved"
          label={t("ws.minutes.approve")}
          hint={t("ws.minutes.approveHint")}
        />
      ) : null}
      {meeting.status === "minutes_draft" && data.chair ? (
        <SendBackForm ctx={ctx} meeting={meeting} error={data.failed?.errors.comment} />
      ) : null}
      <ReturnedNotice ctx={ctx} meeting={meeting} />
      {data.round && data.round.rule !== "chair" ? (
        <MembersApproval
          ctx={ctx}
          data={{
            meetingId: meeting.id,
            round: data.round,
            answererId: data.round.you,
            editor: data.editor,
            errors: data.answerErrors,
          }}
        />
      ) : null}
      {meeting.status === "minutes_draft" && !data.chair && data.body.minutesApproval === "chair" ? (
        <p>{t("ws.minutes.waitingForChair")}</p>
      ) : null}
      {meeting.status === "minutes_approved" && data.editor ? (
        <StatusForm
          ctx={ctx}
          meeting={meeting}
          to="minutes_published"
          label={t("ws.minutes.publish")}
          hint={t("ws.minutes.publishHint")}
          confirm={{ kind: "minutes_published", bodyName: body.name }}
        />
      ) : null}
      {meeting.status === "planned" || meeting.status === "agenda_published" || meeting.status === "held" ? (
        <p>{t("ws.minutes.notYet")}</p>
      ) : null}
      <p class="tv-meta">
        {t("ws.minutes.documents")} <a href={`/moeder/${meeting.id}/referat.pdf?edition=full`}>PDF</a>,{" "}
        <a href={`/moeder/${meeting.id}/referat.docx?edition=full`}>Word</a>
      </p>
      {data.items.map((item) => [
        <ItemView ctx={ctx} item={item} personName={data.personName} />,
        locked && data.editor ? <CorrectionForm ctx={ctx} data={data} item={item} /> : null,
        data.followUps.has(item.id) ? (
          <FollowUps
            ctx={ctx}
            meetingId={meeting.id}
            itemId={item.id}
            data={data.followUps.get(item.id) as ItemFollowUps}
            people={data.people}
          />
        ) : null,
        data.editor && data.targets.length > 0 && item.kind !== "standard" ? (
          <ReferCase ctx={ctx} meetingId={meeting.id} itemId={item.id} targets={data.targets} />
        ) : null,
      ])}
    </Layout>
  );
}
