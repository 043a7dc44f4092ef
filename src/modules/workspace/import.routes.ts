/** The import screen: upload documents, review each parse beside its text, correct, confirm or discard. */
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { readMultipartForm } from "../../web/multipart.ts";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { isAnySecretary } from "../auth/index.ts";
import {
  confirmPendingImport,
  createPendingImport,
  deletePendingImport,
  extractPlainText,
  getPendingImport,
  type ImportResult,
  listPendingImports,
} from "../import/index.ts";
import { ImportsPage, ReviewPage } from "./import.pages.tsx";
import { formFields, hidden, one, wsCtx } from "./workspace.http.ts";
import { myBodies } from "./workspace.service.ts";
import { wsImport, wsImports, wsMinutes } from "./workspace.urls.ts";

/**
 * The source text of recent uploads, kept in this process for the review screen (a day, at most 50);
 * after a restart the review still works, without the text beside it.
 */
const SOURCE_TEXTS = new Map<string, { text: string | null; until: number }>();
function rememberSource(id: string, text: string | null) {
  const now = Date.now();
  for (const [key, v] of SOURCE_TEXTS) {
    if (v.until < now || SOURCE_TEXTS.size >= 50) {
      SOURCE_TEXTS.delete(key);
    }
  }
  SOURCE_TEXTS.set(id, { text: text === null ? null : text.slice(0, 300_000), until: now + 24 * 3600_000 });
}

type ReviewParams = { Params: { id: string } };

export async function importPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;
  await app.register(fastifyMultipart, {
    limits: { fileSize: app.config.maxUploadBytes, files: 20, fields: 10 },
  });

  function requireSecretary(ctx: PageCtx) {
    if (!isAnySecretary(ctx.actor)) {
      throw new AppError("forbidden", ctx.t("ws.import.forbidden"));
    }
  }

  async function renderList(reply: FastifyReply, ctx: PageCtx, errors: FieldErrors, code = 200) {
    const [pending, bodies] = await Promise.all([listPendingImports(ctx.svc), myBodies(ctx.svc)]);
    return sendPage(
      reply,
      ctx,
      ImportsPage({ ctx, pending, bodies, errors, maxUploadBytes: app.config.maxUploadBytes }),
      code,
    );
  }

  app.get("/arbejdsrum/import", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    requireSecretary(ctx);
    return renderList(reply, ctx, {});
  });

  app.post("/arbejdsrum/import", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    requireSecretary(ctx);
    const form = await readMultipartForm(req, ctx.t, ctx.t("ws.att.notMultipart"));
    const fields = form.fields;
    const files = form.files.filter((f) => f.name !== "");
    if (files.length === 0) {
      return renderList(reply, ctx, { files: ctx.t("ws.import.noFiles") }, 400);
    }
    const bodyId = /^\d+$/.test(fields.bodyId ?? "") ? Number(fields.bodyId) : undefined;
    const problems: string[] = [];
    const created: string[] = [];
    for (const file of files) {
      if (file.truncated) {
        problems.push(`${file.name}: ${ctx.t("ws.import.tooLarge")}`);
        continue;
      }
      try {
        const pending = await db().transaction((tx) =>
          createPendingImport(
            { db: tx, actor: ctx.actor },
            { bytes: file.bytes, fileName: file.name, bodyId, maxBytes: app.config.maxUploadBytes },
          ),
        );
        rememberSource(pending.id, await extractPlainText(file.bytes).catch(() => null));
        created.push(pending.id);
      } catch (err) {
        if (err instanceof AppError && err.status < 500) {
          problems.push(`${file.name}: ${err.message}`);
        } else {
          throw err;
        }
      }
    }
    if (problems.length > 0) {
      return renderList(reply, ctx, { files: problems.join(" ") }, 400);
    }
    return reply.redirect(created.length === 1 ? wsImport(created[0] as string) : wsImports, 303);
  });

  async function renderReview(
    req: FastifyRequest<ReviewParams>,
    reply: FastifyReply,
    ctx: PageCtx,
    values: Record<string, string>,
    errors: FieldErrors,
    code = 200,
  ) {
    const pending = await getPendingImport(ctx.svc, req.params.id);
    const data = {
      id: pending.id,
      fileName: pending.fileName,
      result: pending.result,
      confidence: pending.confidence,
      body: pending.body,
      meetingId: pending.meetingId,
      duplicate: pending.duplicateOf !== null,
      sourceText: SOURCE_TEXTS.get(pending.id)?.text ?? null,
      bodies: await myBodies(ctx.svc),
      values,
      errors,
    };
    return sendPage(reply, ctx, ReviewPage({ ctx, data }), code);
  }

  app.get<ReviewParams>("/arbejdsrum/import/:id", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    return renderReview(req, reply, ctx, {}, {});
  });

  app.post<ReviewParams>("/arbejdsrum/import/:id", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const f = formFields(req.body);
    if (one(f, "handling") === "kasser") {
      await deletePendingImport(ctx.svc, req.params.id);
      SOURCE_TEXTS.delete(req.params.id);
      return reply.redirect(wsImports, 303);
    }
    const pending = await getPendingImport(ctx.svc, req.params.id);
    const values: Record<string, string> = {};
    for (const key of Object.keys(f)) {
      if (key !== "_csrf") {
        values[key] = one(f, key);
      }
    }
    const errors: FieldErrors = {};
    const start = values.start ?? "";
    if (start && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(start)) {
      errors.start = ctx.t("ws.import.startError");
    }
    const kind = ["minutes", "agenda", "memo"].includes(values.kind ?? "")
      ? (values.kind as ImportResult["kind"])
      : pending.result.kind;
    const items = pending.result.items.map((item, i) => {
      const title = values[`item.${i}.title`] ?? item.title;
      if (!title.trim()) {
        errors[`item-${i}-title`] = ctx.t("ws.import.titleError", { n: item.number });
      }
      const decision = (values[`item.${i}.decision`] ?? item.sections.decision ?? "").trim();
      const sections = { ...item.sections };
      if (decision) {
        sections.decision = decision;
      } else {
        delete sections.decision;
      }
      return {
        ...item,
        title: title.trim(),
        access: values[`item.${i}.access`] === "closed" ? ("closed" as const) : ("open" as const),
        sections,
      };
    });
    const bodyId = /^\d+$/.test(values.bodyId ?? "") ? Number(values.bodyId) : undefined;
    if (Object.keys(errors).length > 0) {
      return renderReview(req, reply, ctx, values, errors, 400);
    }
    const result: ImportResult = {
      ...pending.result,
      kind,
      start: start || null,
      location: values.location || null,
      items,
    };
    try {
      const outcome = await confirmPendingImport(db(), ctx.actor, req.params.id, { result, bodyId });
      SOURCE_TEXTS.delete(req.params.id);
      return reply.redirect(`${wsMinutes(outcome.meetingId)}?gemt=gemt`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.code !== "not_found") {
        return renderReview(req, reply, ctx, values, { bodyId: err.message }, 400);
      }
      throw err;
    }
  });
}
