import type { Html } from "#jsx/jsx-runtime";
import { CsrfField } from "../../server/layout.tsx";
import { TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { MinutesRound } from "../meetings/index.ts";
import { wsMinutes } from "./workspace.urls.ts";

export interface MembersApprovalData {
  meetingId: number;
  round: MinutesRound;
  /** the reader's person when they are one of those who answer */
  answererId: number | null;
  editor: boolean;
  errors: { remark?: string | undefined; reply?: string | undefined; replyTo?: number | undefined };
}

const when = (ctx: PageCtx, iso: string) => formatDateTimeLong(new Date(iso), ctx.lang);

/** The reader's own answer: "Godkend referatet" or a remark (plain forms, no script needed). */
function OwnAnswer({ ctx, data }: { ctx: PageCtx; data: MembersApprovalData }): Html {
  const { t } = ctx;
  const own = data.round.answers.find((a) => a.personId === data.answererId);
  const action = `${wsMinutes(data.meetingId)}/svar`;
  return (
    <div>
      <h3>{t("gov.answers.yours")}</h3>
      {own?.answer && own.answeredAt ? (
        <p class="tv-meta">
          {t(own.answer === "approve" ? "gov.answers.youApproved" : "gov.answers.youRemarked", {
            when: when(ctx, own.answeredAt),
          })}
        </p>
      ) : null}
      <form method="post" action={action}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="answer" value="approve" />
        <button type="submit" class="button button-primary">
          {t("gov.answers.approve")}
        </button>
      </form>
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="answer" value="remark" />
        <TextField
          id="remark"
          label={t("gov.answers.remarkLabel")}
          hint={t("gov.answers.remarkHint")}
          error={data.errors.remark}
          textarea
          required
        />
        <button type="submit" class="button button-secondary">
          {t("gov.answers.sendRemark")}
        </button>
      </form>
    </div>
  );
}

/** The secretariat's reply to one member's open remark. */
function ReplyForm({
  ctx,
  data,
  personId,
  name,
}: {
  ctx: PageCtx;
  data: MembersApprovalData;
  personId: number;
  name: string;
}): Html {
  const { t } = ctx;
  const id = `reply-${personId}`;
  return (
    <form method="post" action={`${wsMinutes(data.meetingId)}/svar/besvar`} novalidate>
      <CsrfField ctx={ctx} />
      <input type="hidden" name="personId" value={String(personId)} />
      <TextField
        id={id}
        name="reply"
        label={t("gov.answers.replyLabel", { name })}
        error={data.errors.replyTo === personId ? data.errors.reply : undefined}
        textarea
        required
      />
      <button type="submit" class="button button-secondary">
        {t("gov.answers.replyButton")}
      </button>
    </form>
  );
}

/**
 * On the draft minutes where the body's members approve them: the rule and deadline, the reader's own
 * answer, and who has and has not answered (with remarks, replies and, for the secretariat, reply forms).
 */
export function MembersApproval({ ctx, data }: { ctx: PageCtx; data: MembersApprovalData }): Html | null {
  const { t } = ctx;
  const { round } = data;
  if (!round.open || round.rule === "chair" || !round.deadline) {
    return null;
  }
  const rule = `gov.answers.rule.${round.rule}` as MessageKey;
  return (
    <section id="members-approval" aria-labelledby="answers-h" class="tv-panel">
      <h2 id="answers-h">{t("gov.answers.title")}</h2>
      <p>{t(rule, { deadline: when(ctx, round.deadline) })}</p>
      {round.block === "open_remark" || round.block === "waiting" ? (
        <p class="tv-meta">{t(`gov.answers.block.${round.block}` as MessageKey)}</p>
      ) : null}
      {data.answererId !== null ? <OwnAnswer ctx={ctx} data={data} /> : null}
      <h3>{t("gov.answers.who")}</h3>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t("gov.answers.person")}</th>
            <th scope="col">{t("gov.answers.answer")}</th>
            <th scope="col">{t("gov.answers.when")}</th>
          </tr>
        </thead>
        <tbody>
          {round.answers.map((a) => (
            <tr>
              <td>{a.name}</td>
              <td>
                {a.answer === null
                  ? t("gov.answers.none")
                  : t(a.answer === "approve" ? "gov.answers.approved" : "gov.answers.remarked")}
                {a.remark ? <p>{a.remark}</p> : null}
                {a.reply && a.repliedAt ? (
                  <p>
                    {t("gov.answers.replied", { who: a.repliedBy ?? "", when: when(ctx, a.repliedAt) })}{" "}
                    {a.reply}
                  </p>
                ) : null}
                {data.editor && a.answer === "remark" && !a.repliedAt ? (
                  <ReplyForm ctx={ctx} data={data} personId={a.personId} name={a.name} />
                ) : null}
              </td>
              <td>{a.answeredAt ? when(ctx, a.answeredAt) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
