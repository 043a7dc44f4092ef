/** During and after the meeting: attendance, decisions (autosaved), status steps, minutes and corrections. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { canApprove, canEditBody, todayInDenmark } from "../auth/index.ts";
import {
  absenceService,
  attendanceService,
  correctMinutes,
  getItem,
  listMeetingAttendance,
  listMeetingItems,
  type MeetingRow,
  transitionMeeting,
  updateItem,
} from "../meetings/index.ts";
import { listMemberships, listPersons, listPersonsByIds } from "../people/index.ts";
import { doneMessage, renderAgenda } from "./agenda.routes.ts";
import { ConductPage, type ConductPageData, type Person } from "./conduct.pages.tsx";
import { ConflictPage, differingFields } from "./conflict.pages.tsx";
import { decisionToFields, fieldsToDecision, type ItemFields } from "./item.form.ts";
import { fieldLabel } from "./item.routes.ts";
import { MinutesPage, type MinutesPageData } from "./minutes.pages.tsx";
import {
  formFields,
  hidden,
  idParam,
  isFormError,
  isVersionConflict,
  loadMeeting,
  type MeetingParams,
  one,
  versionOf,
  wantsJson,
  workspaceContext,
} from "./workspace.http.ts";
import { WS, wsConduct, wsMinutes } from "./workspace.urls.ts";

type ItemParams = { Params: { id: string; itemId: string } };

/** Active members of the body, by name: the people attendance and absence are recorded for. */
async function membersOf(svc: Ctx, bodyId: number): Promise<Person[]> {
  const rows = (await listMemberships(svc, { bodyId, activeOn: todayInDenmark(), limit: 200 })).items;
  const ids = [...new Set(rows.map((m) => m.personId))];
  return (await listPersonsByIds(svc, ids))
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "da"));
}

function flat(f: Record<string, string | string[]>): ItemFields {
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
  extra: Partial<Pick<MinutesPageData, "failed" | "problem">>,
  code = 200,
) {
  const { meeting, body } = await loadMeeting(ctx, req.params.id, "member");
  const items = await listMeetingItems(ctx.svc, meeting);
  const ids = items.flatMap((i) => i.absences.map((a) => a.personId));
  const names = new Map((await listPersonsByIds(ctx.svc, ids)).map((p) => [p.id, p.name]));
  const data: MinutesPageData = {
    meeting,
    body,
    items,
    personName: (id) => names.get(id) ?? "?",
    editor: canEditBody(ctx.actor, body.id),
    chair: canApprove(ctx.actor, body.id),
    failed: extra.failed ?? null,
    problem: extra.problem ?? null,
    done: code === 200 ? doneMessage(ctx, req) : null,
  };
  return sendPage(reply, ctx, MinutesPage({ ctx, data }), code);
}

export async function conductPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  app.get<MeetingParams>("/arbejdsrum/moeder/:id/moedet", hidden, async (req, reply) => {
    const ctx = workspaceContext(req, reply);
    return ctx ? renderConduct(req, reply, ctx, {}) : reply;
  });

  /** Members' attendance in one form: present, afbud, absent or not registered. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/moedet/fremmoede", hidden, async (req, reply) => {
    const ctx = workspaceContext(req, reply);
    if (!ctx) {
      return reply;
    }
    const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const members = await membersOf(ctx.svc, body.id);
    try {
      await db().transaction(async (tx) => {
        const svc = { db: tx, actor: ctx.actor };
        const current = new Map((await listMeetingAttendance(svc, meeting)).map((a) => [a.personId, a]));
        for (const m of members) {
          const wanted = one(f, `status.${m.id}`);
          if (!["", "present", "afbud", "absent"].includes(wanted)) {
            throw new AppError("validation_failed", ctx.t("ws.conduct.badStatus"), [
              { path: `st-${m.id}`, message: ctx.t("ws.conduct.badStatus") },
            ]);
          }
          const row = current.get(m.id);
          if (wanted === "" && row && row.status !== "substitute" && row.status !== "guest") {
            await attendanceService.remove(svc, row.id, row.version);
          } else if (wanted !== "" && !row) {
            await attendanceService.create(svc, {
              meetingId: meeting.id,
              personId: m.id,
              status: wanted as "present",
            });
          } else if (wanted !== "" && row && row.status !== wanted) {
            await attendanceService.update(svc, row.id, {
              status: wanted as "present",
              substituteForId: null,
              version: row.version,
            });
          }
        }
      });
    } catch (err) {
      if (err instanceof AppError && err.code === "validation_failed") {
        const errors: FieldErrors = {};
        for (const fe of err.fields ?? []) {
          errors[fe.path] = fe.message;
        }
        return renderConduct(req, reply, ctx, { attendanceErrors: errors }, 400);
      }
      throw err;
    }
    return reply.redirect(`${wsConduct(meeting.id)}?gemt=fremmoede#att-h`, 303);
  });

  /** A substitute for a member, or a guest. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/moedet/fremmoede/ekstra", hidden, async (req, reply) => {
    const ctx = workspaceContext(req, reply);
    if (!ctx) {
      return reply;
    }
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const personId = idParam(one(f, "personId"), "Personen");
    const forId = one(f, "for");
    try {
      await db().transaction((tx) =>
        attendanceService.create(
          { db: tx, actor: ctx.actor },
          forId === "guest"
            ? { meetingId: meeting.id, personId, status: "guest" }
            : {
                meetingId: meeting.id,
                personId,
                status: "substitute",
                substituteForId: idParam(forId, "Medlemmet"),
              },
        ),
      );
    } catch (err) {
      if (err instanceof AppError && (err.code === "validation_failed" || err.code === "conflict")) {
        return renderConduct(req, reply, ctx, { attendanceErrors: { "extra-person": err.message } }, 400);
      }
      throw err;
    }
    return reply.redirect(`${wsConduct(meeting.id)}?gemt=fremmoede#att-h`, 303);
  });

  app.post<MeetingParams & { Params: { attendanceId: string } }>(
    "/arbejdsrum/moeder/:id/moedet/fremmoede/:attendanceId/slet",
    hidden,
    async (req, reply) => {
      const ctx = workspaceContext(req, reply);
      if (!ctx) {
        return reply;
      }
      const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
      const id = idParam(req.params.attendanceId, "Fremmøderegistreringen");
      const row = (await listMeetingAttendance(ctx.svc, meeting)).find((a) => a.id === id);
      if (!row) {
        throw notFound("Fremmøderegistreringen");
      }
      await db().transaction((tx) => attendanceService.remove({ db: tx, actor: ctx.actor }, id, row.version));
      return reply.redirect(`${wsConduct(meeting.id)}?gemt=fremmoede#att-h`, 303);
    },
  );

  /**
   * One item's decision, outcome and absences. The plain form redirects back; the page's script
   * (conduct.ts) posts the same form with Accept: application/json to autosave.
   */
  app.post<ItemParams>("/arbejdsrum/moeder/:id/moedet/punkter/:itemId", hidden, async (req, reply) => {
    const ctx = workspaceContext(req, reply);
    if (!ctx) {
      return reply;
    }
    const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
    const item = await getItem(ctx.svc, idParam(req.params.itemId, "Punktet"));
    if (item.meetingId !== meeting.id) {
      throw notFound("Punktet");
    }
    const raw = formFields(req.body);
    const fields = flat(raw);
    const parsed = fieldsToDecision(fields);
    const json = wantsJson(req);
    if (Object.keys(parsed.errors).length > 0) {
      return json
        ? reply.code(400).send({ error: { code: "validation_failed", fields: parsed.errors } })
        : renderConduct(req, reply, ctx, { failed: { itemId: item.id, fields, errors: parsed.errors } }, 400);
    }
    const version = versionOf(raw);
    const members = await membersOf(ctx.svc, body.id);
    const absent = new Set(members.filter((m) => fields[`absent.${m.id}`]).map((m) => m.id));
    try {
      const saved = await db().transaction(async (tx) => {
        const svc = { db: tx, actor: ctx.actor };
        const updated = await updateItem(svc, item.id, { ...parsed.input, version });
        // Autosave sends the absences too; sync them only when they changed.
        for (const a of updated.absences) {
          if (!absent.has(a.personId) && members.some((m) => m.id === a.personId)) {
            await absenceService.remove(svc, a.id, a.version);
          }
        }
        for (const personId of absent) {
          if (!updated.absences.some((a) => a.personId === personId)) {
            await absenceService.create(svc, { itemId: item.id, personId });
          }
        }
        return updated;
      });
      if (json) {
        return reply
          .header("cache-control", "no-store")
          .send({ version: saved.version, savedAt: new Date().toISOString() });
      }
    } catch (err) {
      if (isVersionConflict(err)) {
        if (json) {
          return reply
            .code(409)
            .send({ error: { code: "version_conflict", message: ctx.t("ws.conduct.autosaveConflict") } });
        }
        const href = wsConduct(meeting.id);
        const theirs = decisionToFields(item);
        const mine = { decisionText: fields.decisionText ?? "", outcome: fields.outcome ?? "" };
        for (const key of Object.keys(fields).filter((k) => k.startsWith("absent."))) {
          (mine as Record<string, string>)[key] = fields[key] ?? "";
        }
        const data = {
          title: `${item.number}. ${item.title}`,
          crumbs: [
            { text: ctx.t("ws.title"), href: WS },
            { text: body.name, href },
            { text: ctx.t("ws.conflict.title") },
          ],
          action: `${href}/punkter/${item.id}`,
          reloadHref: `${href}#punkt-${item.id}`,
          version: item.version,
          mine,
          differing: differingFields(
            { decisionText: mine.decisionText, outcome: mine.outcome },
            theirs,
            (n) => fieldLabel(ctx, n),
          ),
        };
        return sendPage(reply, ctx, ConflictPage({ ctx, data }), 409);
      }
      if (isFormError(err)) {
        return json
          ? reply.code(409).send({ error: { code: err.code, message: err.message } })
          : renderConduct(
              req,
              reply,
              ctx,
              { failed: { itemId: item.id, fields, errors: { decisionText: err.message } } },
              409,
            );
      }
      throw err;
    }
    return reply.redirect(`${wsConduct(meeting.id)}?gemt=gemt#punkt-${item.id}`, 303);
  });

  app.get<MeetingParams>("/arbejdsrum/moeder/:id/referat", hidden, async (req, reply) => {
    const ctx = workspaceContext(req, reply);
    return ctx ? renderMinutes(req, reply, ctx, {}) : reply;
  });

  /** Corrections of approved minutes, with a reason; published minutes get a new published version. */
  app.post<ItemParams>(
    "/arbejdsrum/moeder/:id/referat/punkter/:itemId/rettelse",
    hidden,
    async (req, reply) => {
      const ctx = workspaceContext(req, reply);
      if (!ctx) {
        return reply;
      }
      const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
      const item = await getItem(ctx.svc, idParam(req.params.itemId, "Punktet"));
      if (item.meetingId !== meeting.id) {
        throw notFound("Punktet");
      }
      const raw = formFields(req.body);
      const fields = flat(raw);
      const parsed = fieldsToDecision(fields);
      const reason = (fields.reason ?? "").trim();
      const errors: FieldErrors = { ...parsed.errors };
      if (reason.length < 5) {
        errors.reason = ctx.t("ws.minutes.reasonError");
      }
      const changes: { decisionText?: string | null; outcome?: typeof parsed.input.outcome } = {};
      if (parsed.input.decisionText !== item.decisionText) {
        changes.decisionText = parsed.input.decisionText;
      }
      if (parsed.input.outcome !== item.outcome) {
        changes.outcome = parsed.input.outcome;
      }
      if (Object.keys(errors).length === 0 && Object.keys(changes).length === 0) {
        errors.reason = ctx.t("ws.minutes.noChange");
      }
      if (Object.keys(errors).length > 0) {
        return renderMinutes(req, reply, ctx, { failed: { itemId: item.id, fields, errors } }, 400);
      }
      try {
        await db().transaction(async (tx) => {
          const svc = { db: tx, actor: ctx.actor };
          const corrected = await correctMinutes(svc, item.id, { version: versionOf(raw), reason, changes });
          for (const hook of app.publicationHooks) {
            await hook(svc, {
              meetingId: meeting.id,
              correction: { itemNumber: corrected.number, closed: corrected.access === "closed", reason },
            });
          }
        });
      } catch (err) {
        if (isVersionConflict(err) || isFormError(err)) {
          const message = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
          return renderMinutes(
            req,
            reply,
            ctx,
            { failed: { itemId: item.id, fields, errors: { reason: message } } },
            409,
          );
        }
        throw err;
      }
      return reply.redirect(`${wsMinutes(meeting.id)}?gemt=rettet`, 303);
    },
  );

  /**
   * Status steps: publish the agenda (or take it back), close the meeting (held, then minutes draft),
   * approve the minutes (chair), publish them. The documents are frozen by the publication hooks.
   */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/status", hidden, async (req, reply) => {
    const ctx = workspaceContext(req, reply);
    if (!ctx) {
      return reply;
    }
    const { meeting } = await loadMeeting(ctx, req.params.id, "member");
    const f = formFields(req.body);
    const to = one(f, "to") as MeetingRow["status"];
    const version = versionOf(f);
    const known = [
      "planned",
      "agenda_published",
      "held",
      "minutes_draft",
      "minutes_approved",
      "minutes_published",
    ];
    if (!known.includes(to)) {
      throw new AppError("validation_failed", ctx.t("ws.status.unknown"));
    }
    const steps: MeetingRow["status"][] =
      to === "minutes_draft" && meeting.status === "agenda_published" ? ["held", "minutes_draft"] : [to];
    const agendaStep = to === "agenda_published" || to === "planned";
    try {
      await db().transaction(async (tx) => {
        const svc = { db: tx, actor: ctx.actor };
        let v = version;
        for (const step of steps) {
          v = (await transitionMeeting(svc, meeting.id, { to: step, version: v })).version;
          for (const hook of app.publicationHooks) {
            await hook(svc, { meetingId: meeting.id, correction: null });
          }
        }
      });
    } catch (err) {
      if (isFormError(err) || isVersionConflict(err)) {
        const problem = isVersionConflict(err) ? ctx.t("ws.status.stale") : (err as Error).message;
        if (agendaStep) {
          return renderAgenda(req, reply, ctx, { problem }, 409);
        }
        return to === "minutes_draft"
          ? renderConduct(req, reply, ctx, { problem }, 409)
          : renderMinutes(req, reply, ctx, { problem }, 409);
      }
      throw err;
    }
    const done: Record<string, string> = {
      agenda_published: "offentliggjort",
      planned: "tilbage",
      held: "lukket",
      minutes_draft: "lukket",
      minutes_approved: "godkendt",
      minutes_published: "referat",
    };
    const page = agendaStep ? `${WS}/moeder/${meeting.id}` : wsMinutes(meeting.id);
    return reply.redirect(`${page}?gemt=${done[to]}`, 303);
  });
}
