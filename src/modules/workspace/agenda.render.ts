/** Renders the agenda builder and the "done" notice after a post; shared by the workspace's route files. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { nextAgendaActions } from "../actions/index.ts";
import { casesForNextMeeting } from "../cases/index.ts";
import { getAgendaApproval, listAgendaSupplements, listMeetingItems } from "../meetings/index.ts";
import { AgendaPage, type AgendaPageData } from "./agenda.pages.tsx";
import { loadMeeting, type MeetingParams } from "./workspace.http.ts";

/** Messages after a successful post (?gemt=<key>), so a redirect can say what happened. */
export const DONE = {
  tilfoejet: "ws.done.added",
  flyttet: "ws.done.moved",
  offentliggjort: "ws.done.published",
  gemt: "ws.done.saved",
  oprettet: "ws.done.created",
  slettet: "ws.done.deleted",
  bilag: "ws.done.uploaded",
  lukket: "ws.done.closed",
  godkendt: "ws.done.approved",
  referat: "ws.done.minutesPublished",
  rettet: "ws.done.corrected",
  fremmoede: "ws.done.attendance",
  tilbage: "ws.done.withdrawn",
  tilbagesendt: "ws.done.sentBack",
  svaret: "gov.answers.done.answered",
  besvaret: "gov.answers.done.replied",
  opfoelgning: "ws.done.followUp",
  udfoert: "ws.done.followUpDone",
  videre: "ws.done.referred",
  tillaeg: "ws.done.supplement",
  tilgodkendelse: "ws.done.agendaRequested",
  indstillinger: "ws.done.settings",
  dagsordengodkendt: "ws.done.agendaApproved",
  dagsordentilbage: "ws.done.agendaSentBack",
} as const;
export function doneMessage(ctx: PageCtx, req: FastifyRequest): string | null {
  const key = (req.query as Record<string, string> | undefined)?.gemt;
  return key && key in DONE ? ctx.t(DONE[key as keyof typeof DONE]) : null;
}

/** Renders the agenda builder (with a form's errors or a problem after a failed post). */
export async function renderAgenda(
  req: FastifyRequest<MeetingParams>,
  reply: FastifyReply,
  ctx: PageCtx,
  extra: Partial<Pick<AgendaPageData, "form" | "problem">>,
  code = 200,
) {
  const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
  const [items, cases, actions, supplements, approval] = await Promise.all([
    listMeetingItems(ctx.svc, meeting),
    casesForNextMeeting(ctx.svc, body.id).then((r) => r.cases),
    nextAgendaActions(ctx.svc, body.id).then((r) => r.actions),
    listAgendaSupplements(ctx.svc.db, ctx.svc.actor, meeting),
    getAgendaApproval(ctx.svc, meeting.id),
  ]);
  const data: AgendaPageData = {
    meeting,
    body,
    items,
    cases,
    actions,
    supplements,
    approval,
    form: extra.form ?? { values: {}, errors: {} },
    problem: extra.problem ?? null,
    done: code === 200 ? doneMessage(ctx, req) : null,
  };
  return sendPage(reply, ctx, AgendaPage({ ctx, data }), code);
}
