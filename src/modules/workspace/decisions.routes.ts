/** Holding the meeting: the conduct page and each item's decision, outcome and absences (autosaved). */
import type { FastifyInstance } from "fastify";
import { notFound } from "../../server/errors.ts";
import { sendPage } from "../../web/page.ts";
import { absenceService, getItem, updateItem } from "../meetings/index.ts";
import { flat, type ItemParams, membersOf, renderConduct } from "./conduct.render.ts";
import { ConflictPage, differingFields } from "./conflict.pages.tsx";
import { decisionToFields, fieldLabel, fieldsToDecision, recommendationApproved } from "./item.form.ts";
import {
  formFields,
  hidden,
  idParam,
  isFormError,
  isVersionConflict,
  loadMeeting,
  type MeetingParams,
  readingViewFor,
  versionOf,
  wantsJson,
  wsCtx,
} from "./workspace.http.ts";
import { WS, wsConduct } from "./workspace.urls.ts";

export async function decisionPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  app.get<MeetingParams>("/arbejdsrum/moeder/:id/moedet", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const reading = await readingViewFor(ctx, req.params.id);
    return reading ? reply.redirect(reading, 303) : renderConduct(req, reply, ctx, {});
  });

  /**
   * One item's decision, outcome and absences. The plain form redirects back; the page's script
   * (conduct.ts) posts the same form with Accept: application/json to autosave.
   */
  app.post<ItemParams>("/arbejdsrum/moeder/:id/moedet/punkter/:itemId", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
    const item = await getItem(ctx.svc, idParam(req.params.itemId, "Punktet"));
    if (item.meetingId !== meeting.id) {
      throw notFound("Punktet");
    }
    const raw = formFields(req.body);
    const fields = flat(raw);
    if (fields.indstilling === "godkendt" && item.recommendations.length > 0) {
      // One click: the recommendation becomes the decision, approved.
      fields.decisionText = recommendationApproved(
        ctx.t("ws.conduct.recommendationApprovedText"),
        item.recommendations,
      );
      fields.outcome = "approved";
    }
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
}
