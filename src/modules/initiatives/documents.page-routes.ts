/**
 * The secretariat's document forms on an initiative's page: add a link, upload a file (multipart, its
 * CSRF field read with the parts), remove one; and the public download of a file. The forms show the
 * page again with 400 (413 for a file above the limit) and Danish errors; nothing is written then.
 */
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { sendDownload } from "../../server/download.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { ZVersion } from "../../server/schemas.ts";
import { readMultipartForm } from "../../web/multipart.ts";
import { pageContext } from "../../web/page.ts";
import { type FormState, optInt, runForm } from "../../web/secretariat-forms.tsx";
import { authorize } from "../auth/index.ts";
import { ZDocumentLinkInput } from "./documents.schemas.ts";
import { addFileDocument, addLinkDocument, readDocumentFile, removeDocument } from "./documents.service.ts";
import { type InitiativeParam, initiativeIdOf, renderInitiative } from "./initiative.render.ts";
import { getInitiative, mayEdit } from "./initiatives.service.ts";
import { initiativePath } from "./initiatives.urls.ts";

const hidden = { schema: { hide: true } };
type DocParam = { Params: { param: string; documentId: string } };

function documentIdOf(req: FastifyRequest<DocParam>): number {
  const id = Number(req.params.documentId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
    throw notFound("Dokumentet");
  }
  return id;
}

export async function documentPageRoutes(app: FastifyInstance) {
  const done = (req: FastifyRequest<InitiativeParam>, what: string) => async () =>
    `${initiativePath(await getInitiative({ db: app.database.db, actor: req.actor }, initiativeIdOf(req)))}?gemt=${what}#dokumenter`;

  app.get<DocParam>("/indsatser/:param/dokumenter/:documentId", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    return sendDownload(
      reply,
      await readDocumentFile(ctx.svc, initiativeIdOf(req), documentIdOf(req)),
      "no-cache",
    );
  });

  app.post<InitiativeParam>("/indsatser/:param/dokumenter/link", hidden, async (req, reply) =>
    runForm(req, reply, {
      form: "doclink",
      fallback: "url",
      schema: ZDocumentLinkInput,
      input: (v) => ({ title: v.title ?? "", url: v.url ?? "" }),
      change: (svc, input) => addLinkDocument(svc, initiativeIdOf(req), input),
      render: (state, code) => renderInitiative(req, reply, { docs: state }, code),
      done: done(req, "dokument"),
    }),
  );

  app.post<DocParam>("/indsatser/:param/dokumenter/:documentId/slet", hidden, async (req, reply) =>
    runForm(req, reply, {
      form: "docdel",
      fallback: "list",
      schema: z.strictObject({ version: ZVersion }),
      input: (v) => ({ version: optInt(v.version) }),
      change: (svc, input) => removeDocument(svc, initiativeIdOf(req), documentIdOf(req), input.version),
      render: (state, code) => renderInitiative(req, reply, { docs: state }, code),
      done: done(req, "fjernet"),
    }),
  );

  await app.register(async (files) => {
    await files.register(fastifyMultipart, {
      limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 10 },
    });
    files.post<InitiativeParam>("/indsatser/:param/dokumenter/fil", hidden, async (req, reply) => {
      const ctx = pageContext(req, reply);
      const id = initiativeIdOf(req);
      const initiative = await getInitiative(ctx.svc, id);
      authorize(
        ctx.actor,
        mayEdit(ctx, initiative.ownerBodyId),
        "Kun det ejende forums sekretariat kan ændre indsatsens dokumenter.",
      );
      const form = await readMultipartForm(req, ctx.t, ctx.t("initiatives.docs.notMultipart"));
      const values = form.fields;
      const file = form.files.at(-1) ?? null;
      try {
        await app.database.db.transaction((tx) =>
          addFileDocument({ db: tx, actor: ctx.actor }, id, {
            title: values.title,
            fileName: file?.name ?? "",
            bytes: file?.bytes ?? new Uint8Array(),
            truncated: file?.truncated ?? false,
            maxBytes: app.config.maxUploadBytes,
          }),
        );
      } catch (e) {
        if (!(e instanceof AppError) || (e.code !== "validation_failed" && e.code !== "payload_too_large")) {
          throw e;
        }
        const errors: Record<string, string> = {};
        for (const f of e.fields ?? [{ path: "file", message: e.message }]) {
          errors[`docfile-${f.path}`] = f.message;
        }
        const state: FormState = {
          form: "docfile",
          values,
          errors,
          message: ctx.t("initiatives.docs.failed"),
        };
        return renderInitiative(req, reply, { docs: state }, e.status);
      }
      return reply.redirect(`${initiativePath(initiative)}?gemt=dokument#dokumenter`, 303);
    });
  });
}
