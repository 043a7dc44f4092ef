/** Renders the meeting-conduct page and the minutes page (with a failed form or a problem after a post). */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../server/context.ts";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { listActions, proposeItemActions } from "../actions/index.ts";
import { canApprove, canEditBody, todayInDenmark } from "../auth/index.ts";
import { listBodies } from "../bodies/index.ts";
import { getMinutesRound, listMeetingAttendance, listMeetingItems } from "../meetings/index.ts";
import { listBodyMembers, listPersons, listPersonsByIds } from "../people/index.ts";
import { doneMessage } from "./agenda.render.ts";
import { ConductPage, type ConductPageData, type Person } from "./conduct.pages.tsx";
import type { ItemFollowUps } from "./followups.view.tsx";
import type { ItemFields } from "./item.form.ts";
import { MinutesPage, type MinutesPageData } from "./minutes.pages.tsx";
import { loadMeeting, type MeetingParams, one } from "./workspace.http.ts";

export type ItemParams = { Params: { id: string; itemId: string } };

/**
 * Active members of the body, by name: the people attendance and absence are recorded for, each with
 * their role in the body and the party they represent (issue 16: party and role beside each member).
 */
export async function membersOf(svc: Ctx, bodyId: number): Promise<Person[]> {
  return (await listBodyMembers(svc, bodyId, todayInDenmark())).map((m) => ({
    id: m.id,
    name: m.name,
    role: m.role,
    party: m.party,
  }));
}

/** A form's fields as one string each (the CSRF field left out). */
export function flat(f: Record<string, string | string[]>): ItemFields {
  const out: ItemFields = {};
  for (const key of Object.keys(f)) {
    if (key !== "_csrf") {
      out[key] = one(f, key);
    }
  }
  return out;
}

export async function renderConduct(
  req: FastifyRequest<MeetingParams>,
  reply: FastifyReply,
  ctx: PageCtx,
  extra: Partial<Pick<ConductPageData, "failed" | "attendanceErrors" | "problem">>,
  code = 200,
) {
  const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
  const [items, attendance, members, persons] = await Promise.all([
    listMeetingItems(ctx.svc, meeting),
    listMeetingAttendance(ctx.svc, meeting),
    membersOf(ctx.svc, body.id),
    listPersons(ctx.svc, { limit: 500 }).then((p) =>
      p.items.map((x) => ({ id: x.id, name: x.name })).sort((a, b) => a.name.localeCompare(b.name, "da")),
    ),
  ]);
  const data: ConductPageData = {
    meeting,
    body,
    items,
    attendance,
    members,
    persons,
    failed: extra.failed ?? null,
    attendanceErrors: extra.attendanceErrors ?? {},
    problem: extra.problem ?? null,
    done: code === 200 ? doneMessage(ctx, req) : null,
  };
  return sendPage(reply, ctx, ConductPage({ ctx, data }), code);
}

export async function renderMinutes(
  req: FastifyRequest<MeetingParams>,
  reply: FastifyReply,
  ctx: PageCtx,
  extra: Partial<Pick<MinutesPageData, "failed" | "problem" | "answerErrors">>,
  code = 200,
) {
  const { meeting, body } = await loadMeeting(ctx, req.params.id, "member");
  const items = await listMeetingItems(ctx.svc, meeting);
  const ids = items.flatMap((i) => i.absences.map((a) => a.personId));
  const names = new Map((await listPersonsByIds(ctx.svc, ids)).map((p) => [p.id, p.name]));
  const editor = canEditBody(ctx.actor, body.id);
  // The secretariat sees, beside each decision, its follow-ups and the server's proposals for new ones.
  const followUps = new Map<number, ItemFollowUps>();
  if (editor) {
    for (const item of items.filter((i) => i.decisionText)) {
      const [proposals, actions] = await Promise.all([
        proposeItemActions(ctx.svc, item.id),
        listActions(ctx.svc, { itemId: item.id, limit: 50 }),
      ]);
      followUps.set(item.id, { proposals, actions: actions.items });
    }
  }
  const data: MinutesPageData = {
    meeting,
    body,
    items,
    personName: (id) => names.get(id) ?? "?",
    followUps,
    people: editor ? await membersOf(ctx.svc, body.id) : [],
    targets: editor
      ? (await listBodies(ctx.svc, { validOn: todayInDenmark(), limit: 200 })).items
          .filter((b) => b.id !== body.id)
          .map((b) => ({ id: b.id, name: b.name }))
          .sort((a, b) => a.name.localeCompare(b.name, "da"))
      : [],
    editor,
    chair: canApprove(ctx.actor, body.id) && body.minutesApproval === "chair",
    round: meeting.status === "minutes_draft" ? await getMinutesRound(ctx.svc, meeting.id) : null,
    answerErrors: extra.answerErrors ?? {},
    failed: extra.failed ?? null,
    problem: extra.problem ?? null,
    done: code === 200 ? doneMessage(ctx, req) : null,
  };
  return sendPage(reply, ctx, MinutesPage({ ctx, data }), code);
}
