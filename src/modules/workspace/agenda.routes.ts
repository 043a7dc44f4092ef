/** The body's plan, a new meeting, and the agenda builder: add, move, reorder, cases, follow-ups, status. */
import type { FastifyInstance, FastifyReply } from "fastify";
import { todayInDenmarkParts } from "../../lib/time.ts";
import { notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { nextAgendaActions } from "../actions/index.ts";
import { canEditBody } from "../auth/index.ts";
import { getBody } from "../bodies/index.ts";
import { addConsultation, casesForNextMeeting, getCase } from "../cases/index.ts";
import {
  createItem,
  createMeeting,
  getMeetingRow,
  listMeetingItems,
  placeBeforeClosing,
  reorderItems,
} from "../meetings/index.ts";
import { listRoleChanges } from "../people/index.ts";
import { renderAgenda } from "./agenda.render.ts";
import { BodyPage } from "./body.pages.tsx";
import { fieldsToItemInput } from "./item.form.ts";
import {
  formFields,
  hidden,
  idParam,
  isFormError,
  loadMeeting,
  type MeetingParams,
  meetingTimesFromForm,
  one,
  readingViewFor,
  wantsJson,
  wsCtx,
} from "./workspace.http.ts";
import { bodyPlan, insertStandardItems } from "./workspace.service.ts";
import { wsAgenda } from "./workspace.urls.ts";

export async function agendaPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  async function renderBody(
    reply: FastifyReply,
    ctx: PageCtx,
    bodyId: number,
    form: { values: Record<string, string>; errors: FieldErrors },
    code = 200,
  ) {
    if (!canEditBody(ctx.actor, bodyId) && !ctx.actor.roles.has(bodyId)) {
      throw notFound("Forummet");
    }
    const body = await getBody(ctx.svc, bodyId);
    const year = todayInDenmarkParts().year;
    const plan = await bodyPlan(ctx.svc, bodyId, year);
    const empty = new Set<number>();
    for (const m of plan.filter((p) => p.status === "planned" && !p.cancelled)) {
      const items = await listMeetingItems(ctx.svc, await getMeetingRow(ctx.svc.db, m.id));
      if (items.length === 0) {
        empty.add(m.id);
      }
    }
    const roleChanges = await listRoleChanges(ctx.svc, bodyId);
    const waiting = await casesForNextMeeting(ctx.svc, bodyId);
    const data = {
      body,
      year,
      plan,
      empty,
      editor: canEditBody(ctx.actor, bodyId),
      form,
      roleChanges,
      cases: waiting.cases,
      nextMeeting: waiting.nextMeeting,
    };
    return sendPage(reply, ctx, BodyPage({ ctx, data }), code);
  }

  app.get<{ Params: { id: string } }>("/arbejdsrum/organer/:id", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    return renderBody(reply, ctx, idParam(req.params.id, "Forummet"), { values: {}, errors: {} });
  });

  app.post<{ Params: { id: string } }>("/arbejdsrum/organer/:id/moeder", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const bodyId = idParam(req.params.id, "Forummet");
    const f = formFields(req.body);
    const values = Object.fromEntries(
      ["date", "time", "endTime", "location", "title"].map((k) => [k, one(f, k)]),
    );
    const { start, end, errors } = meetingTimesFromForm(ctx, values);
    if ((values.location ?? "").length > 300) {
      errors.location = ctx.t("ws.form.tooLong", { n: 300 });
    }
    if ((values.title ?? "").length > 300) {
      errors.title = ctx.t("ws.form.tooLong", { n: 300 });
    }
    if (Object.keys(errors).length > 0 || !start) {
      return renderBody(reply, ctx, bodyId, { values, errors }, 400);
    }
    const meeting = await db().transaction(async (tx) => {
      const svc = { db: tx, actor: ctx.actor };
      const created = await createMeeting(svc, {
        bodyId,
        start,
        end,
        location: values.location || null,
        title: values.title || null,
      });
      await insertStandardItems(svc, created.id);
      return created;
    });
    return reply.redirect(`${wsAgenda(meeting.id)}?gemt=oprettet`, 303);
  });

  app.post<MeetingParams>("/arbejdsrum/moeder/:id/standardpunkter", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    await db().transaction((tx) => insertStandardItems({ db: tx, actor: ctx.actor }, meeting.id));
    return reply.redirect(`${wsAgenda(meeting.id)}?gemt=oprettet`, 303);
  });

  app.get<MeetingParams>("/arbejdsrum/moeder/:id", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const reading = await readingViewFor(ctx, req.params.id);
    return reading ? reply.redirect(reading, 303) : renderAgenda(req, reply, ctx, {});
  });

  app.post<MeetingParams>("/arbejdsrum/moeder/:id/punkter", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const values = Object.fromEntries(
      ["title", "kind", "access", "durationMinutes", "caseNumbers"].map((k) => [k, one(f, k)]),
    );
    const parsed = fieldsToItemInput({
      ...values,
      kind: values.kind || "decision",
      access: values.access || "open",
    });
    if (Object.keys(parsed.errors).length > 0) {
      return renderAgenda(req, reply, ctx, { form: { values, errors: parsed.errors } }, 400);
    }
    try {
      await db().transaction(async (tx) => {
        const svc = { db: tx, actor: ctx.actor };
        const { sections: _s, recommendations: _r, ...input } = parsed.input;
        const created = await createItem(svc, { meetingId: meeting.id, ...input });
        await placeBeforeClosing(svc, meeting.id, created.id);
      });
    } catch (err) {
      if (isFormError(err)) {
        return renderAgenda(req, reply, ctx, { form: { values, errors: { title: err.message } } }, 400);
      }
      throw err;
    }
    return reply.redirect(`${wsAgenda(meeting.id)}?gemt=tilfoejet#add-h`, 303);
  });

  /** Move up/down: the keyboard-first way to reorder, a plain form per button. */
  app.post<MeetingParams & { Params: { itemId: string } }>(
    "/arbejdsrum/moeder/:id/punkter/:itemId/flyt",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
      const itemId = idParam(req.params.itemId, "Punktet");
      const down = one(formFields(req.body), "retning") === "ned";
      try {
        await db().transaction(async (tx) => {
          const svc = { db: tx, actor: ctx.actor };
          const ids = (await listMeetingItems(svc, meeting)).map((i) => i.id);
          const at = ids.indexOf(itemId);
          const to = down ? at + 1 : at - 1;
          if (at < 0) {
            throw notFound("Punktet");
          }
          if (to >= 0 && to < ids.length) {
            [ids[at], ids[to]] = [ids[to] as number, itemId];
            await reorderItems(svc, meeting.id, ids);
          }
        });
      } catch (err) {
        if (isFormError(err)) {
          return renderAgenda(req, reply, ctx, { problem: err.message }, 409);
        }
        throw err;
      }
      return reply.redirect(`${wsAgenda(meeting.id)}?gemt=flyttet#agenda`, 303);
    },
  );

  /** Drag and drop (agenda.ts) posts the whole order here. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/raekkefoelge", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const ids = one(formFields(req.body), "itemIds")
      .split(",")
      .map((s) => Number(s))
      .filter((n) => Number.isInteger(n) && n > 0);
    try {
      await db().transaction((tx) => reorderItems({ db: tx, actor: ctx.actor }, meeting.id, ids));
    } catch (err) {
      if (isFormError(err)) {
        return wantsJson(req)
          ? reply.code(409).send({ error: { code: err.code, message: err.message } })
          : renderAgenda(req, reply, ctx, { problem: err.message }, 409);
      }
      throw err;
    }
    return wantsJson(req)
      ? reply.send({ ok: true })
      : reply.redirect(`${wsAgenda(meeting.id)}?gemt=flyttet`, 303);
  });

  /** "Sager til næste møde": an item for the case, linked to it. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/sager", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const caseId = idParam(one(formFields(req.body), "caseId"), "Sagen");
    await db().transaction(async (tx) => {
      const svc = { db: tx, actor: ctx.actor };
      const theCase = await getCase(svc, caseId);
      const created = await createItem(svc, {
        meetingId: meeting.id,
        title: theCase.title,
        caseNumbers: theCase.numbers.map((n) => n.number),
      });
      await addConsultation(svc, { caseId, itemId: created.id });
      await placeBeforeClosing(svc, meeting.id, created.id);
    });
    return reply.redirect(`${wsAgenda(meeting.id)}?gemt=tilfoejet#agenda`, 303);
  });

  /** An open follow-up due by this meeting, as an orientation item. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/opfoelgninger", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
    const actionId = idParam(one(formFields(req.body), "actionId"), "Opfølgningen");
    const action = (await nextAgendaActions(ctx.svc, body.id)).actions.find((a) => a.id === actionId);
    if (!action) {
      throw notFound("Opfølgningen");
    }
    await db().transaction(async (tx) => {
      const svc = { db: tx, actor: ctx.actor };
      const created = await createItem(svc, {
        meetingId: meeting.id,
        title: `${ctx.t("ws.agenda.followUpTitle")}: ${action.text}`.slice(0, 500),
        kind: "orientation",
      });
      await placeBeforeClosing(svc, meeting.id, created.id);
    });
    return reply.redirect(`${wsAgenda(meeting.id)}?gemt=tilfoejet#agenda`, 303);
  });
}
