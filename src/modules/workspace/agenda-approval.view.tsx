/**
 * The chair's approval of the agenda where the body requires it (`bodies.agenda_approval`): the
 * secretariat's panel on the agenda builder (send for approval, what the chair said), and the chair's
 * page with the draft agenda and the two answers (approve, send back with a comment).
 */
import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import { Notices } from "../../web/notices.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { TBody } from "../bodies/index.ts";
import { ItemView, type MeetingRow, type TAgendaApproval, type TItem } from "../meetings/index.ts";
import { MeetingSteps } from "./steps.view.tsx";
import { WS, wsAgenda, wsAgendaApproval } from "./workspace.urls.ts";

const when = (ctx: PageCtx, iso: string | null) => (iso ? formatDateTimeLong(new Date(iso), ctx.lang) : "");

/** Where the approval stands, in one sentence (both pages use it). */
function ApprovalState({ ctx, approval }: { ctx: PageCtx; approval: TAgendaApproval }): Html {
  const { t } = ctx;
  if (approval.approvedAt) {
    const key = approval.block === "changed" ? "ws.agendaApproval.stale" : "ws.agendaApproval.approvedBy";
    return (
      <p>
        <strong>{t(key, { name: approval.approvedBy ?? "", when: when(ctx, approval.approvedAt) })}</strong>
      </p>
    );
  }
  if (approval.requestedAt) {
    return <p>{t("ws.agendaApproval.waitingSince", { when: when(ctx, approval.requestedAt) })}</p>;
  }
  return <p>{t("ws.agendaApproval.notRequested")}</p>;
}

/** What the chair wrote when the agenda was last sent back (the secretariat's to-do). */
function ReturnedComment({ ctx, approval }: { ctx: PageCtx; approval: TAgendaApproval }): Html | null {
  if (!approval.returnComment || approval.requestedAt) {
    return null;
  }
  return (
    <div class="alert alert-warning" role="status">
      <div class="alert-body">
        <p class="alert-heading">
          {ctx.t("ws.agendaApproval.returned", { when: when(ctx, approval.returnedAt) })}
        </p>
        <p class="alert-text">{approval.returnComment}</p>
      </div>
    </div>
  );
}

/**
 * The secretariat's panel on the agenda builder of a body whose chair approves agendas: the state, the
 * chair's comment, and "Send til godkendelse" while the agenda may not be published yet. Null when the
 * body does not require it or the agenda is approved and unchanged (the publish panel follows then).
 */
export function AgendaApprovalPanel({
  ctx,
  meeting,
  approval,
}: {
  ctx: PageCtx;
  meeting: MeetingRow;
  approval: TAgendaApproval | null;
}): Html | null {
  const { t } = ctx;
  if (!approval?.required || meeting.status !== "planned" || meeting.cancelled) {
    return null;
  }
  const canAsk = approval.block === "not_requested" || approval.block === "changed";
  return (
    <section aria-labelledby="agenda-approval-h" class="tv-panel">
      <h2 id="agenda-approval-h">{t("ws.agendaApproval.title")}</h2>
      <p class="tv-meta">{t("ws.agendaApproval.rule")}</p>
      <ApprovalState ctx={ctx} approval={approval} />
      <ReturnedComment ctx={ctx} approval={approval} />
      {canAsk ? (
        <form method="post" action={`${wsAgendaApproval(meeting.id)}/anmod`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(meeting.version)} />
          <p>{t("ws.agendaApproval.requestHint")}</p>
          <button type="submit" class="button button-primary">
            {t("ws.agendaApproval.request")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export interface AgendaApprovalPageData {
  meeting: MeetingRow;
  body: TBody;
  items: TItem[];
  approval: TAgendaApproval;
  /** may approve or send back: chair or vice-chair */
  chair: boolean;
  editor: boolean;
  personName: (id: number) => string;
  commentError: string | null;
  problem: string | null;
  done: string | null;
}

/** /arbejdsrum/moeder/<id>/dagsorden-godkendelse: the draft agenda and the chair's two answers. */
export function AgendaApprovalPage({ ctx, data }: { ctx: PageCtx; data: AgendaApprovalPageData }): Html {
  const { t } = ctx;
  const { meeting, body, approval } = data;
  const waiting = approval.block === "waiting" && meeting.status === "planned" && !meeting.cancelled;
  const title = t("ws.agendaApproval.pageTitle", { body: body.name });
  return (
    <Layout
      ctx={ctx}
      title={title}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: WS },
        { text: body.name, href: `${WS}/organer/${body.id}` },
        { text: t("ws.agendaApproval.title") },
      ]}
    >
      <h1>{title}</h1>
      <p class="font-lead">{formatDateTimeLong(meeting.start, ctx.lang)}</p>
      {data.editor ? <MeetingSteps ctx={ctx} meeting={meeting} current="agenda" /> : null}
      <Notices done={data.done} problem={data.problem} />
      {approval.required ? (
        <ApprovalState ctx={ctx} approval={approval} />
      ) : (
        <p>{t("ws.agendaApproval.notRequired")}</p>
      )}
      <ReturnedComment ctx={ctx} approval={approval} />
      {waiting && data.chair ? (
        <div class="row">
          <section aria-labelledby="approve-h" class="tv-panel col-12 col-md-6">
            <h2 id="approve-h">{t("ws.agendaApproval.approve")}</h2>
            <p>{t("ws.agendaApproval.approveHint")}</p>
            <form method="post" action={`${wsAgendaApproval(meeting.id)}/godkend`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(meeting.version)} />
              <button type="submit" class="button button-primary">
                {t("ws.agendaApproval.approve")}
              </button>
            </form>
          </section>
          <section aria-labelledby="agenda-back-h" class="tv-panel col-12 col-md-6">
            <h2 id="agenda-back-h">{t("ws.agendaApproval.sendBack")}</h2>
            <form method="post" action={`${wsAgendaApproval(meeting.id)}/tilbage`} novalidate>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={String(meeting.version)} />
              <TextField
                id="comment"
                label={t("ws.agendaApproval.comment")}
                hint={t("ws.agendaApproval.commentHint")}
                error={data.commentError ?? undefined}
                textarea
                required
              />
              <button type="submit" class="button button-secondary">
                {t("ws.agendaApproval.sendBack")}
              </button>
            </form>
          </section>
        </div>
      ) : null}
      {data.editor ? (
        <p>
          <a href={wsAgenda(meeting.id)}>{t("ws.agendaApproval.toBuilder")}</a>
        </p>
      ) : null}
      <h2>{t("ws.agendaApproval.items", { n: data.items.length })}</h2>
      {data.items.map((item) => (
        <ItemView ctx={ctx} item={item} personName={data.personName} />
      ))}
    </Layout>
  );
}
