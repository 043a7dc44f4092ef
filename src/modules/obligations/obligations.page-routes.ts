/**
 * The workspace pages of obligations: fan out from an item (with a report for a feedback request), answer
 * as an addressee (with a file), follow as the decider, the answers side by side. The forms take files, so
 * they are multipart (their CSRF field read with the parts); urlencoded posts without a file work too.
 */

import fastifyMultipart from "@fastify/multipart";
import { asc, isNull, or, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseDanishDate } from "../../lib/danish-date.ts";
import type { Ctx } from "../../server/context.ts";
import { sendDownload } from "../../server/download.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { csrfValid } from "../../web/csrf.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlug } from "../../web/slug.ts";
import { canEditBody, canReadClosed, todayInDenmark } from "../auth/index.ts";
import { bodies, getBody } from "../bodies/index.ts";
import { classifyUpload } from "../files/index.ts";
import { getMatter, matterPath } from "../matters/index.ts";
import { getItemWithMeeting } from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { AnswersSideBySidePage, MyObligationsPage } from "./answers.pages.tsx";
import { answerObligation, readAnswerFile, readObligationReport } from "./answers.service.ts";
import { readerOf } from "./obligations.access.ts";
import {
  BodyObligationsPage,
  type FanOutForm,
  type FanOutOrigin,
  FanOutPage,
  ObligationPage,
} from "./obligations.pages.tsx";
import { type TFanOut, type TObligation, ZAnswer, ZFanOut } from "./obligations.schemas.ts";
import {
  type CheckedFile,
  fanOutObligation,
  fanOutObligationFromMatter,
  getObligation,
  listBodyObligations,
  listItemObligations,
  listMatterObligations,
  listMyObligations,
} from "./obligations.service.ts";
import { oblItemPath, oblMatterPath, oblPath } from "./obligations.urls.ts";
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
  err instanceof AppError && ["validation_failed", "conflict", "payload_too_large"].includes(err.code);

interface PostedFile {
  name: string;
  bytes: Uint8Array;
  truncated: boolean;
}

/**
 * A page form, multipart (with a file) or urlencoded: repeated fields (checkboxes) kept as lists. The
 * multipart form's CSRF field is checked here, before anything is read further; the urlencoded one by
 * the web plugin.
 */
async function readForm(req: FastifyRequest, ctx: PageCtx): Promise<{ f: Form; file: PostedFile | null }> {
  if (!req.isMultipart()) {
    return { f: fields(req.body), file: null };
  }
  const f: Form = {};
  let file: PostedFile | null = null;
  for await (const part of req.parts()) {
    if (part.type === "file") {
      const bytes = new Uint8Array(await part.toBuffer().catch(() => Buffer.alloc(0)));
      file = part.filename ? { name: part.filename, bytes, truncated: part.file.truncated } : null;
    } else if (typeof part.value === "string") {
      const prev = f[part.fieldname];
      const v = part.value.trim();
      f[part.fieldname] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
    }
  }
  if (!csrfValid(req, one(f, "_csrf"))) {
    throw new AppError("forbidden", ctx.t("error.csrf"));
  }
  delete f._csrf;
  return { f, file };
}

/** A posted file checked like every upload (size, emptiness, the one allow-list by content); null: none. */
function checkedFile(file: PostedFile | null, maxBytes: number, field: string): CheckedFile | null {
  if (!file) {
    return null;
  }
  const mb = `${Math.round((maxBytes / 1024 / 1024) * 10) / 10}`.replace(".", ",");
  const fail = (code: "validation_failed" | "payload_too_large", message: string) =>
    new AppError(code, message, [{ path: field, message }]);
  if (file.truncated || file.bytes.byteLength > maxBytes) {
    throw fail("payload_too_large", `Filen er for stor. Den største tilladte størrelse er ${mb} MB.`);
  }
  if (file.bytes.byteLength === 0) {
    throw fail("validation_failed", "Filen er tom.");
  }
  const verdict = classifyUpload(file.bytes, file.name);
  if (!verdict.ok) {
    throw fail("validation_failed", verdict.error);
  }
  return { bytes: file.bytes, fileName: verdict.fileName, mimeType: verdict.mimeType };
}

/** A decision the fan-out page works on: its deciding body, how it is shown, listed and fanned out. */
interface Source {
  bodyId: number;
  origin: FanOutOrigin;
  list: () => Promise<TObligation[]>;
  fanOut: (svc: Ctx, input: TFanOut, report: CheckedFile | null) => Promise<TObligation>;
}

/**
 * The fan-out form read into the API's schema (`ZFanOut`): a Danish date, checked bodies and parties (a
 * list wins over the region), a feedback request always asking for an answer; Danish errors by field.
 */
function parseFanOutForm(
  ctx: PageCtx,
  f: Form,
): { ok: true; data: TFanOut } | { ok: false; errors: FieldErrors } {
  const deadline = parseDanishDate(one(f, "deadline"));
  const bodyIds = many(f, "bodyIds").map(Number);
  const partyIds = many(f, "partyIds").map(Number);
  const kind = one(f, "kind") || "obligation";
  const parsed = ZFanOut.safeParse({
    kind,
    text: one(f, "text"),
    deadline: deadline ?? "",
    returns: kind === "feedback" ? "answer" : one(f, "returns"),
    addressees:
      bodyIds.length + partyIds.length > 0
        ? { bodyIds, partyIds }
        : { region: one(f, "region"), kinds: many(f, "kinds"), partyTypes: many(f, "partyTypes") },
  });
  if (parsed.success && deadline) {
    return { ok: true, data: parsed.data };
  }
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  if (!deadline) {
    errors.deadline = ctx.t("obl.deadlineError");
  }
  return { ok: false, errors };
}

const statusOf = (err: AppError) => (err.code === "payload_too_large" ? 413 : 400);

function write<T>(req: FastifyRequest, ctx: PageCtx, run: (svc: Ctx) => Promise<T>) {
  return req.server.database.db.transaction((tx) => run({ db: tx, actor: ctx.actor }));
}

export async function obligationPageRoutes(app: FastifyInstance) {
  await app.register(fastifyMultipart, {
    limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 600 },
  });
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

  /** The item's decision as the fan-out page shows it. */
  async function itemSource(ctx: PageCtx, idText: string | undefined): Promise<Source> {
    const { item, meeting } = await loadItem(ctx, idText);
    return {
      bodyId: meeting.bodyId,
      origin: {
        heading: ctx.t("obl.fromItem", { number: String(item.number), title: item.title }),
        title: item.title,
        href: `/arbejdsrum/moeder/${meeting.id}/punkter/${item.id}`,
        action: oblItemPath(item.id),
        none: ctx.t("obl.none"),
      },
      list: () => listItemObligations(ctx.svc, item.id),
      fanOut: (svc, input, report) => fanOutObligation(svc, item.id, input, report),
    };
  }

  /** The matter's decision (the matters module's rule: its body's members only, 404 to others). */
  async function matterSource(ctx: PageCtx, idText: string | undefined): Promise<Source> {
    const matter = await getMatter(ctx.svc, idOf(idText, "Sagen"));
    return {
      bodyId: matter.bodyId,
      origin: {
        heading: ctx.t("obl.fromMatter", { title: matter.title }),
        title: matter.title,
        href: matterPath(matter.id),
        action: oblMatterPath(matter.id),
        none: ctx.t("obl.noneMatter"),
      },
      list: () => listMatterObligations(ctx.svc, matter.id),
      fanOut: (svc, input, report) => fanOutObligationFromMatter(svc, matter.id, input, report),
    };
  }

  /** The fan-out page of a decision: what has been sent out, and the form for the secretariat. */
  async function renderFanOut(
    req: FastifyRequest,
    reply: FastifyReply,
    source: Source,
    form: FanOutForm | null,
    code = 400,
  ) {
    const ctx = ctxOf(req);
    const editor = canEditBody(ctx.actor, source.bodyId);
    const today = todayInDenmark();
    const [obligations, bodyRows, partyRows] = await Promise.all([
      source.list(),
      editor
        ? ctx.svc.db
            .select({ id: bodies.id, name: bodies.name, region: bodies.region })
            .from(bodies)
            .where(or(isNull(bodies.validTo), sql`${bodies.validTo} >= ${today}`))
            .orderBy(asc(bodies.name))
        : Promise.resolve([]),
      editor
        ? ctx.svc.db
            .select({ id: parties.id, name: parties.name, region: parties.region })
            .from(parties)
            .where(or(isNull(parties.validTo), sql`${parties.validTo} >= ${today}`))
            .orderBy(asc(parties.name))
        : Promise.resolve([]),
    ]);
    const regions = [
      ...new Set([...bodyRows, ...partyRows].flatMap((b) => (b.region ? [b.region] : []))),
    ].sort();
    const data = {
      origin: source.origin,
      obligations,
      editor: editor
        ? {
            regions,
            bodies: bodyRows.map((b) => ({ id: b.id, name: b.name })),
            parties: partyRows.map((p) => ({ id: p.id, name: p.name })),
            maxUploadBytes: app.config.maxUploadBytes,
            form,
          }
        : null,
      saved: (req.query as Record<string, string>).gemt === "1",
    };
    return sendPage(reply, ctx, FanOutPage({ ctx, data }), form ? code : 200);
  }

  /** The fan-out form posted: parsed with the API's schema, then the origin's act; errors back on the form. */
  async function postFanOut(req: FastifyRequest, reply: FastifyReply, source: Source) {
    const ctx = ctxOf(req);
    const { f, file } = await readForm(req, ctx);
    const parsed = parseFanOutForm(ctx, f);
    if (!parsed.ok) {
      return renderFanOut(req, reply, source, { values: f, errors: parsed.errors });
    }
    try {
      const report = checkedFile(file, app.config.maxUploadBytes, "report");
      await write(req, ctx, (svc) => source.fanOut(svc, parsed.data, report));
    } catch (err) {
      if (isFormError(err)) {
        const errors = fieldErrors(err.fields ?? [{ path: "addressees", message: err.message }]);
        return renderFanOut(req, reply, source, { values: f, errors }, statusOf(err));
      }
      throw err;
    }
    return reply.redirect(`${source.origin.action}?gemt=1`, 303);
  }

  app.get<{ Params: { itemId: string } }>(
    "/arbejdsrum/forpligtelser/punkt/:itemId",
    hidden,
    async (req, reply) => renderFanOut(req, reply, await itemSource(ctxOf(req), req.params.itemId), null),
  );

  app.post<{ Params: { itemId: string } }>(
    "/arbejdsrum/forpligtelser/punkt/:itemId",
    hidden,
    async (req, reply) => postFanOut(req, reply, await itemSource(ctxOf(req), req.params.itemId)),
  );

  app.get<{ Params: { matterId: string } }>(
    "/arbejdsrum/forpligtelser/sag/:matterId",
    hidden,
    async (req, reply) => renderFanOut(req, reply, await matterSource(ctxOf(req), req.params.matterId), null),
  );

  app.post<{ Params: { matterId: string } }>(
    "/arbejdsrum/forpligtelser/sag/:matterId",
    hidden,
    async (req, reply) => postFanOut(req, reply, await matterSource(ctxOf(req), req.params.matterId)),
  );

  /** The decision an obligation came from, named and linked (null when it is gone or not visible). */
  async function originOf(ctx: PageCtx, o: TObligation) {
    if (o.itemId !== null) {
      const found = await getItemWithMeeting(ctx.svc, o.itemId).catch(() => null);
      return found
        ? {
            title: ctx.t("obl.fromItemShort", { number: String(found.item.number), title: found.item.title }),
            href: `/arbejdsrum/moeder/${found.meeting.id}/punkter/${found.item.id}`,
          }
        : null;
    }
    if (o.matterId !== null) {
      const matter = await getMatter(ctx.svc, o.matterId).catch(() => null);
      return matter ? { title: matter.title, href: matterPath(matter.id) } : null;
    }
    return null;
  }

  async function renderObligation(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    form: { values: Record<string, string>; errors: FieldErrors } | null,
    code = 400,
  ) {
    const ctx = ctxOf(req);
    const o = await getObligation(ctx.svc, idOf(req.params.id, "Forpligtelsen"));
    const reader = await readerOf(ctx.svc);
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
      origin: canReadClosed(ctx.actor, o.bodyId) ? await originOf(ctx, o) : null,
      // the addressees the reader answers for in person: a body they are secretary of, a party they
      // represent (an admin answers through the API, not with 20 forms)
      answerFor: o.addressees.filter((a) =>
        a.bodyId !== null
          ? ctx.actor.roles.get(a.bodyId)?.has("secretary") === true
          : a.partyId !== null && reader.parties.has(a.partyId),
      ),
      deciding: { member: canReadClosed(ctx.actor, o.bodyId), editor: canEditBody(ctx.actor, o.bodyId) },
      errors: form?.errors ?? {},
      values: form?.values ?? {},
      saved,
      statusItemHref,
      maxUploadBytes: app.config.maxUploadBytes,
    };
    return sendPage(reply, ctx, ObligationPage({ ctx, data }), form ? code : 200);
  }

  app.get<{ Params: { id: string } }>("/arbejdsrum/forpligtelser/:id", hidden, (req, reply) =>
    renderObligation(req, reply, null),
  );

  app.post<{ Params: { id: string } }>("/arbejdsrum/forpligtelser/:id/svar", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    const id = idOf(req.params.id, "Forpligtelsen");
    const { f, file } = await readForm(req, ctx);
    const values = Object.fromEntries(
      Object.entries(f).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? "") : v]),
    );
    const newDeadline = one(f, "newDeadline") ? parseDanishDate(one(f, "newDeadline")) : null;
    const state = one(f, "state");
    const parsed = ZAnswer.safeParse({
      bodyId: one(f, "bodyId") || null,
      partyId: one(f, "partyId") || null,
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
      const checked = checkedFile(file, app.config.maxUploadBytes, "file");
      await write(req, ctx, (svc) => answerObligation(svc, id, parsed.data, checked));
    } catch (err) {
      if (isFormError(err)) {
        return renderObligation(
          req,
          reply,
          { values, errors: fieldErrors(err.fields ?? [{ path: "form", message: err.message }]) },
          statusOf(err),
        );
      }
      throw err;
    }
    return reply.redirect(`${oblPath(id)}?gemt=svar`, 303);
  });

  app.get<{ Params: { id: string; addresseeId: string } }>(
    "/arbejdsrum/forpligtelser/:id/svar/:addresseeId/fil",
    hidden,
    async (req, reply) => {
      const ctx = ctxOf(req);
      const file = await readAnswerFile(
        ctx.svc,
        idOf(req.params.id, "Forpligtelsen"),
        idOf(req.params.addresseeId, "Svaret"),
      );
      return sendDownload(reply, file);
    },
  );

  app.get<{ Params: { id: string } }>("/arbejdsrum/forpligtelser/:id/rapport", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    return sendDownload(reply, await readObligationReport(ctx.svc, idOf(req.params.id, "Forpligtelsen")));
  });

  app.get<{ Params: { id: string } }>(
    "/arbejdsrum/forpligtelser/:id/side-om-side",
    hidden,
    async (req, reply) => {
      const ctx = ctxOf(req);
      const o = await getObligation(ctx.svc, idOf(req.params.id, "Forpligtelsen"));
      return sendPage(reply, ctx, AnswersSideBySidePage({ ctx, o }));
    },
  );

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

  app.get("/arbejdsrum/forpligtelser", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    return sendPage(reply, ctx, MyObligationsPage({ ctx, data: await listMyObligations(ctx.svc) }));
  });

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
