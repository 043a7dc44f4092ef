/** The workspace pages of matters between meetings: the body's list and form, the matter, decide, answer. */
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseDanishDate, parseDanishTime } from "../../lib/danish-date.ts";
import { sendDownload } from "../../server/download.ts";
import { AppError, notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { readMultipartForm } from "../../web/multipart.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlug } from "../../web/slug.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { getBody } from "../bodies/index.ts";
import { siteUrl } from "../notifications/index.ts";
import { canPutMatter, canSetChairRule } from "./matters.access.ts";
import { attachToMatter, readMatterAttachment } from "./matters.attachments.ts";
import { chairRuleOf, setChairRule } from "./matters.body-rules.ts";
import { BodyMattersPage, MatterPage, type NewMatterForm } from "./matters.pages.tsx";
import { isApprovedMatter } from "./matters.rules.ts";
import { ZAnswerMatter, ZChairRule, ZCreateMatter, ZDecideMatter } from "./matters.schemas.ts";
import { answerMatter, createMatter, decideMatter, getMatter, listBodyMatters } from "./matters.service.ts";
import { matterPath } from "./matters.urls.ts";

const hidden = { schema: { hide: true } };
type IdParams = { Params: { id: string } };

function fields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string") {
      out[k] = first.trim();
    }
  }
  return out;
}

const idOf = (v: string | undefined, what: string) => {
  const id = v === undefined ? null : idFromSlug(v);
  if (id === null) {
    throw notFound(what);
  }
  return id;
};

function fieldErrors(issues: { path: PropertyKey[] | string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const key = typeof i.path === "string" ? (i.path.split(".")[0] ?? "form") : String(i.path[0] ?? "form");
    out[key] ??= i.message;
  }
  return out;
}

const isFormError = (err: unknown): err is AppError =>
  err instanceof AppError && ["validation_failed", "invalid_transition"].includes(err.code);
const errorsOf = (err: AppError, path: string) => fieldErrors(err.fields ?? [{ path, message: err.message }]);

/**
 * The deadline as people write it — a Danish date (21-01-2027, 21. januar 2027 …) and a time (12.00,
 * default noon) — as the schema's local "YYYY-MM-DDTHH:mm"; null when none is given, undefined when the
 * date or time is not one. An ISO `deadline` field (the API's form) is passed on as it is.
 */
function deadlineOf(f: Record<string, string>): string | null | undefined {
  if (f.deadline) {
    return f.deadline;
  }
  if (!f.deadlineDate && !f.deadlineTime) {
    return null;
  }
  const day = parseDanishDate(f.deadlineDate ?? "");
  const time = f.deadlineTime ? parseDanishTime(f.deadlineTime) : "12:00";
  return day && time ? `${day}T${time}` : undefined;
}

export async function matterPageRoutes(app: FastifyInstance) {
  const contexts = new WeakMap<FastifyRequest, PageCtx>();
  app.addHook("preHandler", async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith("/arbejdsrum/")) {
      return;
    }
    const ctx = pageContext(req, reply);
    if (ctx.actor.userId === null) {
      return reply.redirect(`/log-ind?next=${encodeURIComponent(req.url)}`, 303);
    }
    contexts.set(req, ctx);
  });
  const ctxOf = (req: FastifyRequest) => contexts.get(req) as PageCtx;

  async function renderBody(req: FastifyRequest<IdParams>, reply: FastifyReply, form: NewMatterForm | null) {
    const ctx = ctxOf(req);
    const bodyId = idOf(req.params.id, "Forummet");
    const list = await listBodyMatters(ctx.svc, bodyId);
    const body = await getBody(ctx.svc, bodyId);
    const data = {
      body: { id: body.id, name: body.name },
      list,
      editor: canEditBody(ctx.actor, bodyId),
      form: form ?? {
        values: { procedure: "chair_decision", access: "open", rule: "no_objection" },
        errors: {},
      },
      saved:
        (req.query as Record<string, string>).gemt === "regel"
          ? ctx.t("matters.chairRuleSaved")
          : (req.query as Record<string, string>).gemt === "1"
            ? ctx.t("matters.saved.put")
            : null,
      rule: await chairRuleOf(ctx.svc.db, bodyId),
      canSetRule: canSetChairRule(ctx.actor, bodyId),
    };
    return sendPage(reply, ctx, BodyMattersPage({ ctx, data }), form ? 400 : 200);
  }

  app.get<IdParams>("/arbejdsrum/organer/:id/beslutningssager", hidden, (req, reply) =>
    renderBody(req, reply, null),
  );

  app.post<IdParams>("/arbejdsrum/organer/:id/beslutningssager", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    const bodyId = idOf(req.params.id, "Forummet");
    const f = fields(req.body);
    const written = f.procedure === "written_procedure";
    const deadline = deadlineOf(f);
    const parsed = ZCreateMatter.safeParse({
      bodyId,
      procedure: f.procedure,
      title: f.title ?? "",
      text: f.text ?? "",
      question: f.question ?? "",
      access: f.access || "open",
      linkKind: f.linkKind || null,
      linkId: f.linkKind && f.linkId ? f.linkId : null,
      rule: written ? f.rule || null : null,
      deadline: deadline ?? null,
      ...(written && f.audience ? { audience: f.audience } : {}),
    });
    if (deadline === undefined) {
      const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
      errors.deadline = ctx.t("matters.deadlineInvalid");
      return renderBody(req, reply, { values: f, errors });
    }
    if (!parsed.success) {
      return renderBody(req, reply, { values: f, errors: fieldErrors(parsed.error.issues) });
    }
    let id: number;
    try {
      id = (await createMatter(ctx.svc, parsed.data, { baseUrl: siteUrl(app, req) })).id;
    } catch (err) {
      if (isFormError(err)) {
        return renderBody(req, reply, { values: f, errors: errorsOf(err, "title") });
      }
      throw err;
    }
    return reply.redirect(`${matterPath(id)}?gemt=forelagt`, 303);
  });

  async function renderMatter(
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    errors: FieldErrors | null,
    fileErrors: FieldErrors | null = null,
    status?: number,
  ) {
    const ctx = ctxOf(req);
    const m = await getMatter(ctx.svc, idOf(req.params.id, "Sagen"));
    const q = (req.query as Record<string, string>).gemt;
    const saved =
      q === "forelagt"
        ? ctx.t("matters.saved.put")
        : q === "besluttet"
          ? ctx.t("matters.saved.decided")
          : q === "svaret"
            ? ctx.t("matters.saved.answered")
            : q === "bilag"
              ? ctx.t("matters.saved.attached")
              : null;
    const canAttach = m.status === "open" && canPutMatter(ctx.actor, m.bodyId);
    return sendPage(
      reply,
      ctx,
      MatterPage({
        ctx,
        data: {
          m,
          errors: errors ?? {},
          saved,
          canAttach,
          fileErrors: fileErrors ?? {},
          followUp: isApprovedMatter(m.status) ? { send: canPutMatter(ctx.actor, m.bodyId) } : null,
        },
      }),
      status ?? (errors || fileErrors ? 400 : 200),
    );
  }

  app.post<IdParams>("/arbejdsrum/organer/:id/beslutningssager/regel", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    const bodyId = idOf(req.params.id, "Forummet");
    authorize(
      ctx.actor,
      canSetChairRule(ctx.actor, bodyId),
      "Kun forummets formand eller næstformand kan ændre reglen for formandsbeslutninger.",
    );
    const parsed = ZChairRule.safeParse({ chairRule: fields(req.body).chairRule });
    if (!parsed.success) {
      throw new AppError("validation_failed", "Vælg en af reglerne for formandsbeslutninger.");
    }
    await ctx.svc.db.transaction((tx) =>
      setChairRule({ db: tx, actor: ctx.actor }, bodyId, parsed.data.chairRule),
    );
    return reply.redirect(`/arbejdsrum/organer/${bodyId}/beslutningssager?gemt=regel`, 303);
  });

  app.get<{ Params: { id: string; aid: string } }>(
    "/arbejdsrum/beslutningssager/:id/bilag/:aid",
    hidden,
    async (req, reply) => {
      const ctx = ctxOf(req as unknown as FastifyRequest);
      const file = await readMatterAttachment(
        ctx.svc,
        idOf(req.params.id, "Sagen"),
        idOf(req.params.aid, "Bilaget"),
      );
      return sendDownload(reply, file);
    },
  );

  await app.register(async (files) => {
    await files.register(fastifyMultipart, {
      limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 5 },
    });
    files.post<IdParams>("/arbejdsrum/beslutningssager/:id/bilag", hidden, async (req, reply) => {
      const ctx = ctxOf(req);
      const id = idOf(req.params.id, "Sagen");
      const form = await readMultipartForm(req, ctx.t, ctx.t("matters.notMultipart"));
      const file = form.files.at(-1) ?? null;
      try {
        await ctx.svc.db.transaction((tx) =>
          attachToMatter({ db: tx, actor: ctx.actor }, id, {
            ...(form.fields.title ? { title: form.fields.title } : {}),
            fileName: file?.name ?? "",
            bytes: file?.bytes ?? new Uint8Array(),
            truncated: file?.truncated ?? false,
            maxBytes: app.config.maxUploadBytes,
          }),
        );
      } catch (err) {
        if (err instanceof AppError && ["validation_failed", "payload_too_large"].includes(err.code)) {
          return renderMatter(req, reply, null, errorsOf(err, "file"), err.status);
        }
        throw err;
      }
      return reply.redirect(`${matterPath(id)}?gemt=bilag`, 303);
    });
  });

  app.get<IdParams>("/arbejdsrum/beslutningssager/:id", hidden, (req, reply) =>
    renderMatter(req, reply, null),
  );

  app.post<IdParams>("/arbejdsrum/beslutningssager/:id/beslut", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    const id = idOf(req.params.id, "Sagen");
    const f = fields(req.body);
    const parsed = ZDecideMatter.safeParse({ decision: f.decision, remark: f.remark || null });
    if (!parsed.success) {
      return renderMatter(req, reply, fieldErrors(parsed.error.issues));
    }
    try {
      await decideMatter(ctx.svc, id, parsed.data);
    } catch (err) {
      if (isFormError(err)) {
        return renderMatter(req, reply, errorsOf(err, "decision"));
      }
      throw err;
    }
    return reply.redirect(`${matterPath(id)}?gemt=besluttet`, 303);
  });

  app.post<IdParams>("/arbejdsrum/beslutningssager/:id/svar", hidden, async (req, reply) => {
    const ctx = ctxOf(req);
    const id = idOf(req.params.id, "Sagen");
    const f = fields(req.body);
    const parsed = ZAnswerMatter.safeParse({ answer: f.answer, remark: f.remark || null });
    if (!parsed.success) {
      return renderMatter(req, reply, fieldErrors(parsed.error.issues));
    }
    try {
      await answerMatter(ctx.svc, id, parsed.data);
    } catch (err) {
      if (isFormError(err)) {
        return renderMatter(req, reply, errorsOf(err, "answer"));
      }
      throw err;
    }
    return reply.redirect(`${matterPath(id)}?gemt=svaret`, 303);
  });
}
