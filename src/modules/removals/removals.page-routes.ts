/**
 * "Fjern personoplysninger" in the browser, without JavaScript: the form (the exact passage, the reason)
 * → the confirmation (where the passage was found) → the removal → the same page saying what was done.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlug } from "../../web/slug.ts";
import { authorize } from "../auth/index.ts";
import { canRemovePersonalData } from "./removals.access.ts";
import { RemovalPage, type RemovalPageData, removalPath } from "./removals.pages.tsx";
import { ZRemovePersonalData } from "./removals.schemas.ts";
import { findPassage, listRemovals, removePersonalData } from "./removals.service.ts";

type Params = { Params: { id: string; itemId: string }; Querystring: { fjernet?: string } };
const hidden = { schema: { hide: true } };
const FIELD_LABELS: Record<string, string> = {
  title: "removal.field.title",
  sections: "removal.field.sections",
  otherSections: "removal.field.sections",
  recommendations: "removal.field.recommendations",
  decisionText: "removal.field.decisionText",
  caseNumbers: "removal.field.caseNumbers",
};

function text(body: unknown, key: string): string {
  const v = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v.slice(0, 10_000) : "";
}

/** The item of the address, checked: visible to the reader (else 404), and the reader may remove (else 403). */
async function load(ctx: PageCtx, req: FastifyRequest<Params>, passage: string | null = null) {
  const meetingId = idFromSlug(req.params.id);
  const itemId = idFromSlug(req.params.itemId);
  if (meetingId === null || itemId === null) {
    throw notFound("Punktet");
  }
  const found = await findPassage(ctx.svc, itemId, passage);
  if (found.meeting.id !== meetingId) {
    throw notFound("Punktet");
  }
  return found;
}

export async function removalPageRoutes(app: FastifyInstance) {
  function page(
    reply: FastifyReply,
    ctx: PageCtx,
    found: Awaited<ReturnType<typeof load>>,
    rest: Omit<RemovalPageData, "meeting" | "item">,
    code = 200,
  ) {
    const data: RemovalPageData = {
      meeting: { id: found.meeting.id, start: found.meeting.start },
      item: { id: found.item.id, number: found.item.number, title: found.item.title },
      ...rest,
    };
    return sendPage(reply, ctx, RemovalPage({ ctx, data }), code);
  }

  /** The reader of these pages: logged in (else to the log-in page and back). */
  function context(req: FastifyRequest, reply: FastifyReply): PageCtx | null {
    const ctx = pageContext(req, reply);
    if (ctx.actor.userId === null) {
      reply.redirect(`/log-ind?next=${encodeURIComponent(req.url)}`, 303);
      return null;
    }
    return ctx;
  }

  function parse(ctx: PageCtx, body: unknown) {
    const values = { passage: text(body, "passage").trim(), reason: text(body, "reason").trim() };
    const parsed = ZRemovePersonalData.safeParse(values);
    const errors: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        errors[field] ??= ctx.t(field === "passage" ? "removal.passageError" : "removal.reasonError");
      }
    }
    return { values, errors };
  }

  app.get<Params>("/arbejdsrum/moeder/:id/punkter/:itemId/personoplysninger", hidden, async (req, reply) => {
    const ctx = context(req, reply);
    if (!ctx) {
      return reply;
    }
    const found = await load(ctx, req);
    const removalId = Number(req.query.fjernet);
    const done = Number.isInteger(removalId)
      ? ((await listRemovals(ctx.svc, found.item.id)).find((r) => r.id === removalId) ?? null)
      : null;
    return page(reply, ctx, found, {
      values: { passage: "", reason: "" },
      errors: {},
      found: null,
      done,
    });
  });

  app.post<Params>("/arbejdsrum/moeder/:id/punkter/:itemId/personoplysninger", hidden, async (req, reply) => {
    const ctx = context(req, reply);
    if (!ctx) {
      return reply;
    }
    const { values, errors } = parse(ctx, req.body);
    const found = await load(ctx, req, values.passage);
    const none = found.fields.length === 0 && found.corrections === 0;
    if (!errors.passage && none) {
      errors.passage = ctx.t("removal.notFound");
    }
    if (Object.keys(errors).length > 0) {
      return page(reply, ctx, found, { values, errors, found: null, done: null }, 400);
    }
    const where = {
      fields: [...new Set(found.fields.map((f) => ctx.t(FIELD_LABELS[f] as "removal.field.title")))],
      corrections: found.corrections,
    };
    return page(reply, ctx, found, { values, errors, found: where, done: null });
  });

  app.post<Params>(
    "/arbejdsrum/moeder/:id/punkter/:itemId/personoplysninger/bekraeft",
    hidden,
    async (req, reply) => {
      const ctx = context(req, reply);
      if (!ctx) {
        return reply;
      }
      const { values, errors } = parse(ctx, req.body);
      const found = await load(ctx, req);
      authorize(ctx.actor, canRemovePersonalData(ctx.actor));
      if (Object.keys(errors).length > 0) {
        return page(reply, ctx, found, { values, errors, found: null, done: null }, 400);
      }
      try {
        const removal = await app.database.db.transaction((tx) =>
          removePersonalData({ db: tx, actor: ctx.actor }, found.item.id, values),
        );
        return reply.redirect(`${removalPath(found.meeting.id, found.item.id)}?fjernet=${removal.id}`, 303);
      } catch (err) {
        if (err instanceof AppError && err.code === "conflict") {
          const problem = { passage: ctx.t("removal.notFound") };
          return page(reply, ctx, found, { values, errors: problem, found: null, done: null }, 409);
        }
        throw err;
      }
    },
  );
}
