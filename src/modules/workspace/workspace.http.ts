/** Request helpers shared by the workspace's routes: who may enter, which meeting, form fields and errors. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { parseDanishDate, parseDanishTime } from "../../lib/danish-date.ts";
import { parseDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, pageContext } from "../../web/page.ts";
import { idFromSlug } from "../../web/slug.ts";
import { canEditBody, canReadClosed } from "../auth/index.ts";
import { getBody, type TBody } from "../bodies/index.ts";
import { getMeetingRow, type MeetingRow } from "../meetings/index.ts";

export const hidden = { schema: { hide: true } };
export type MeetingParams = { Params: { id: string; itemId?: string; attachmentId?: string } };

const contexts = new WeakMap<FastifyRequest, PageCtx>();

/**
 * The one guard of the workspace (a scoped hook on every route under /arbejdsrum): a logged-in user gets
 * the page context, anyone else is sent to the log-in page and back.
 */
export async function workspaceGuard(req: FastifyRequest, reply: FastifyReply) {
  const ctx = pageContext(req, reply);
  if (ctx.actor.userId === null) {
    return reply.redirect(`/log-ind?next=${encodeURIComponent(req.url)}`, 303);
  }
  contexts.set(req, ctx);
}

/** The page context the guard made for this request. */
export function wsCtx(req: FastifyRequest): PageCtx {
  const ctx = contexts.get(req);
  if (!ctx) {
    throw new Error("workspace route outside the workspace guard");
  }
  return ctx;
}

export function idParam(value: string | undefined, what: string): number {
  const id = value === undefined ? null : idFromSlug(value);
  if (id === null) {
    throw notFound(what);
  }
  return id;
}

/**
 * A meeting of a body the user belongs to, with its body. Anyone else gets 404: the workspace shows
 * drafts and closed items, so an outsider must not even learn what it would show.
 */
export async function loadMeeting(
  ctx: PageCtx,
  idText: string,
  need: "member" | "editor" = "member",
): Promise<{ meeting: MeetingRow; body: TBody }> {
  const id = idParam(idText, "Mødet");
  const meeting = await getMeetingRow(ctx.svc.db, id);
  const allowed =
    need === "editor" ? canEditBody(ctx.actor, meeting.bodyId) : canReadClosed(ctx.actor, meeting.bodyId);
  if (!allowed) {
    throw notFound("Mødet");
  }
  return { meeting, body: await getBody(ctx.svc, meeting.bodyId) };
}

/**
 * For an editor's page (agenda builder, conduct, an item's form) opened by a member or chair who may read
 * the meeting but not edit it: the reading view to send them to (the minutes page once there are
 * minutes, else the meeting's own page), instead of a "not found" dead end. Null for editors; outsiders
 * still get 404 from `loadMeeting`.
 */
export async function readingViewFor(ctx: PageCtx, idText: string): Promise<string | null> {
  const id = idParam(idText, "Mødet");
  const meeting = await getMeetingRow(ctx.svc.db, id);
  if (canEditBody(ctx.actor, meeting.bodyId) || !canReadClosed(ctx.actor, meeting.bodyId)) {
    return null;
  }
  const minutes = !["planned", "agenda_published"].includes(meeting.status);
  if (minutes) {
    return `/arbejdsrum/moeder/${meeting.id}/referat`;
  }
  // Where the chair approves agendas, a draft agenda is read (and answered) on the approval page.
  const approving = meeting.status === "planned" && (await getBody(ctx.svc, meeting.bodyId)).agendaApproval;
  return approving ? `/arbejdsrum/moeder/${meeting.id}/dagsorden-godkendelse` : `/moeder/${meeting.id}`;
}

/** All string fields of a urlencoded body (multi-valued fields keep every value). */
export function formFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!body || typeof body !== "object") {
    return out;
  }
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === "string") {
      out[key] = value.slice(0, 200_000);
    } else if (Array.isArray(value)) {
      out[key] = value.filter((v): v is string => typeof v === "string").map((v) => v.slice(0, 200_000));
    }
  }
  return out;
}

export const one = (f: Record<string, string | string[]>, key: string): string => {
  const v = f[key];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
};
export const many = (f: Record<string, string | string[]>, key: string): string[] => {
  const v = f[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim()).filter(Boolean);
};

/** A version field; a missing or broken one is a stale form. */
export function versionOf(f: Record<string, string | string[]>): number {
  const n = Number(one(f, "version"));
  if (!Number.isInteger(n) || n < 1) {
    throw new AppError("validation_failed", "Formularen mangler sin version. Hent siden igen.");
  }
  return n;
}

/** Field errors for a form from a service's AppError: its fields by form id, else the message on `fallback`. */
export function errorsOf(err: AppError, fallback: string, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  for (const f of err.fields ?? []) {
    out[`${prefix}${f.path.split(".")[0]}`] = f.message;
  }
  if (Object.keys(out).length === 0) {
    out[fallback] = err.message;
  }
  return out;
}

/** Is this a validation or rule error to show beside the form (rather than an error page)? */
export function isFormError(err: unknown): err is AppError {
  return (
    err instanceof AppError &&
    ["validation_failed", "invalid_transition", "conflict", "minutes_locked", "payload_too_large"].includes(
      err.code,
    )
  );
}

export function isVersionConflict(err: unknown): err is AppError {
  return err instanceof AppError && err.code === "version_conflict";
}

/** Runs a change in one transaction (the domain acts inside run their own effects). */
export async function inTransaction<T>(req: FastifyRequest, ctx: PageCtx, run: (svc: Ctx) => Promise<T>) {
  return req.server.database.db.transaction((tx) => run({ db: tx, actor: ctx.actor }));
}

/** Does the request come from the page's script (fetch) rather than a plain form? */
export function wantsJson(req: FastifyRequest): boolean {
  return (req.headers.accept ?? "").startsWith("application/json");
}

/**
 * A meeting's start and end from its form fields, written as Danes write them ("21.1.2027",
 * "21. januar 2027", "9.30" …; `lib/danish-date.ts`), with a Danish error per field that cannot be read.
 */
export function meetingTimesFromForm(
  ctx: PageCtx,
  values: Record<string, string | undefined>,
): { start: Date | null; end: Date | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = parseDanishDate(values.date ?? "");
  const time = parseDanishTime(values.time || "09:00");
  if (!date) {
    errors.date = ctx.t("ws.body.dateError");
  } else if (!time) {
    errors.time = ctx.t("ws.body.timeError");
  }
  const start = date && time ? parseDateTime(`${date}T${time}`) : null;
  const endTime = values.endTime ? parseDanishTime(values.endTime) : null;
  const end = start && endTime ? parseDateTime(`${date}T${endTime}`) : null;
  if (start && values.endTime && (!end || end <= start)) {
    errors.endTime = ctx.t("ws.body.endError");
  }
  return { start, end, errors };
}
