/** The workspace pages of obligations: fan out from an item, answer as an addressee, follow as the decider. */

import { asc } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseDanishDate } from "../../lib/danish-date.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlug } from "../../web/slug.ts";
import { canEditBody, canReadClosed } from "../auth/index.ts";
import { bodies, getBody } from "../bodies/index.ts";
import { getItemWithMeeting } from "../meetings/index.ts";
import {
  BodyObligationsPage,
  type FanOutForm,
  ItemObligationsPage,
  ObligationPage,
} from "./obligations.pages.tsx";
import { ZAnswer, ZFanOut } from "./obligations.schemas.ts";
import {
  answerObligation,
  fanOutObligation,
  getObligation,
  listBodyObligations,
  listItemObligations,
} from "./obligations.service.ts";
import { oblItemPath, oblPath } from "./obligations.urls.ts";
import { addObligationStatusItem } from "./status-item.service.ts";

const hidden = { schema: { hide: true } };
type Form = Record<string, string | string[]>;

function fields(body: unknown): Form {
  const out: Form = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof v === "string") {
      out[k] = v.trim();
    } else if (Array.isArray(v)) {
      out[k] = v.filter((x): x is string => typeof x === "string").map((x) => x.trim());
    }
  }
  return out;
}
const one = (f: Form, k: string) => {
  const v = f[k];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
};
const many = (f: Form, k: string) => {
  const v = f[k];
  return (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);
};
const idOf = (v: string | undefined, what: string) => {
  const id = v === undefined ? null : idFromSlug(v);
  if (id === null) {
    throw notFound(what);
  }
  return id;
};

/** Errors by form field from a Zod issue list or a service's AppError. */
function fieldErrors(issues: { path: PropertyKey[] | string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = typeof i.path === "string" ? (i.path.split(".")[0] ?? "form") : String(i.path[0] ?? "form");
    out[key] ??= i.message;
  }
  return out;
}
const isFormError = (err: unknown): err is AppError =>
  err instanceof AppError && ["validation_failed", "conflict"].includes(err.code);

function write<T>(req: FastifyRequest, ctx: PageCtx, run: (svc: Ctx) => Promise<T>) {
  return req.server.database.db.transaction((tx) => run({ db: tx, actor: ctx.actor }));
}

export async function obligationPageRoutes(app: FastifyInstance) {
  const contexts = new WeakMap<FastifyRequest, PageCtx>();
  app.addHook("preHandler", async (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = pageContext(req, reply);
    if (ctx.actor.userId === null) {
      return reply.redirect(`/log-ind?next=${encodeURIComponent(req.url)}`, 303);
    }
    contexts.set(req, ctx);
  });
  const ctxOf = (req: FastifyRequest) => contexts.get(req) as PageCtx;

  /** The decision's item, for the deciding body's members only (the workspace shows closed material). */
  async function loadItem(ctx: PageCtx, idText: string | undefined) {
    const { item, meeting } = await getItemWithMeeting(ctx.svc, idOf(idText, "Punktet"));
    if (!canReadClosed(ctx.actor, meeting.bodyId)) {
      throw notFound("Punktet");
    }
    return { item, meeting };
  }

  async function renderItem(
    req: FastifyRequest<{ Params: { itemId: string } }>,
    reply: FastifyReply,
    form: FanOutForm | null,
  ) {
    const ctx = ctxOf(req);
    const { item, meeting } = await loadItem(ctx, req.params.itemId);
    const editor = canEditBody(ctx.actor, meeting.bodyId);
    const [obligations, bodyRows] = await Promise.all([
      listItemObligations(ctx.svc, item.id),
      editor
        ? ctx.svc.db
            .select({ id: bodies.id, name: bodies.name, region: bodies.region })
            .from(bodies)
            .orderBy(asc(bodies.name))
        : Promise.resolve([]),
    ]);
    const regions = [...new Set(bodyRows.flatMap((b) => (b.region ? [b.region] : [])))].sort();
    const data = {
      item: { id: item.id, number: item.number, title: item.title, meetingId: meeting.id },
      obligations,
      editor: editor ? { regions, bodies: bodyRows.map((b) => ({ id: b.id, name: b.name })), form } : null,
      saved: (req.query as Record<string, string>).gemt === "1",
    };
    return sendPage(reply, ctx, ItemObligationsPage({ ctx, data }), form ? 400 : 200);
  }

  app.get<{ Params: { itemId: string } }>("/arbejdsrum/forpligtelser/punkt/:itemId", hidden, (req, reply) =>
    renderItem(req, reply, null),
  );

  app.post<{ Params: { itemId: string } }>(
    "/arbejdsrum/forpligtelser/punkt/:itemId",
    hidden,
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { item } = await loadItem(ctx, req.params.itemId);
      const f = fields(req.body);
      const deadline = parseDanishDate(one(f, "deadline"));
      const bodyIds = many(f, "bodyIds").map(Number);
      const parsed = ZFanOut.safeParse({
        text: one(f, "text"),
        deadline: deadline ?? "",
        returns: one(f, "returns"),
        addressees: bodyIds.length > 0 ? { bodyIds } : { region: one(f, "region"), kinds: many(f, "kinds") },
      });
      if (!parsed.success || !deadline) {
        const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
        if (!deadline) {
          errors.deadline = ctx.t("obl.deadlineError");
        }
        return renderItem(req, reply, { values: f, errors });
      }
      try {
        await write(req, ctx, (svc) => fanOutObligation(svc, item.id, parsed.data));
      } catch (err) {
        if (isFormError(err)) {
          return renderItem(req, reply, {
            values: f,
            errors: fieldErrors(err.fields ?? [{ path: "addressees", message: err.message }]),
          });
        }
        throw err;
      }
      return reply.redirect(`${oblItemPath(item.id)}?gemt=1`, 303);
    },
  );

  async function renderObligation(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form: { values: Record<string, string>; errors: FieldErrors } | null,
  ) {
    const ctx = ctxOf(req);
    const o = await getObligation(ctx.svc, idOf(req.params.id, "Forpligtelsen"));
    const q = req.query as Record<string, string>;
    const saved =
      q.gemt === "svar" ? ctx.t("obl.answered") : q.gemt === "status" ? ctx.t("obl.statusItemMade") : null;
    let statusItemHref: string | null = null;
    if (o.statusItemId !== null && canReadClosed(ctx.actor, o.bodyId)) {
      const status = await getItemWithMeeting(ctx.svc, o.statusItemId).catch(() => null);
      statusItemHref = status ? `/arbejdsrum/moeder/${status.meeting.id}/punkter/${status.item.id}` : null;
    }
    const data = {
      o,
      // the addressees whose secretary the reader is (an admin answers through the API, not with 20 forms)
      answerFor: o.addressees.filter((a) => ctx.actor.roles.get(a.bodyId)?.has("secretary") === true),
      deciding: { member: canReadClosed(ctx.actor, o.bodyId), editor: canEditBody(ctx.actor, o.bodyId) },
      errors: form?.errors ?? {},
      values: form?.values ?? {},
      saved,
      statusItemHref,
    };
    return sendPage(reply, ctx, ObligationPage({ ctx, data }), form ? 400 : 200);
  }

  app.get<{ Params: { id: string } }>("/arbejdsrum/forpligtelser/:id", hidden, (req, reply) =>
    renderObligation(req, reply, null),
  );

  app.post<{ Params: { id: string } }>("/arbejdsrum/forpligtelser/:id/svar", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    const id = idOf(req.params.id, "Forpligtelsen");
    const f = fields(req.body);
    const values = Object.fromEntries(
      Object.entries(f).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : v]),
    );
    const newDeadline = one(f, "newDeadline") ? parseDanishDate(one(f, "newDeadline")) : null;
    const state = one(f, "state");
    const parsed = ZAnswer.safeParse({
      bodyId: one(f, "bodyId"),
      state,
      answerText: one(f, "answerText") || null,
      link: one(f, "link") || null,
      reason: one(f, "reason") || null,
      newDeadline: state === "more_time" ? (newDeadline ?? "") : null,
    });
    if (!parsed.success) {
      return renderObligation(req, reply, { values, errors: fieldErrors(parsed.error.issues) });
    }
    try {
      await write(req, ctx, (svc) => answerObligation(svc, id, parsed.data));
    } catch (err) {
      if (isFormError(err)) {
        return renderObligation(req, reply, {
          values,
          errors: fieldErrors(err.fields ?? [{ path: "form", message: err.message }]),
        });
      }
      throw err;
    }
    return reply.redirect(`${oblPath(id)}?gemt=svar`, 303);
  });

  app.post<{ Params: { id: string } }>(
    "/arbejdsrum/forpligtelser/:id/statuspunkt",
    hidden,
    async (req, reply) => {
      const ctx = ctxOf(req);
      const id = idOf(req.params.id, "Forpligtelsen");
      try {
        await write(req, ctx, (svc) => addObligationStatusItem(svc, id));
      } catch (err) {
        if (isFormError(err)) {
          return renderObligation(req, reply, { values: {}, errors: { form: err.message } });
        }
        throw err;
      }
      return reply.redirect(`${oblPath(id)}?gemt=status`, 303);
    },
  );

  app.get<{ Params: { id: string } }>("/arbejdsrum/organer/:id/forpligtelser", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    const bodyId = idOf(req.params.id, "Forummet");
    const list = await listBodyObligations(ctx.svc, bodyId);
    const body = await getBody(ctx.svc, bodyId);
    return sendPage(
      reply,
      ctx,
      BodyObligationsPage({ ctx, data: { body, received: list.received, sent: list.sent } }),
    );
  });
}
