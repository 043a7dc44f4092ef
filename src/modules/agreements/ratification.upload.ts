/**
 * The page form that uploads an approval's document (multipart; its CSRF field is read with the parts).
 * A refused upload shows the agreement page again with the error at the file field; nothing is written.
 */
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../server/errors.ts";
import { readMultipartForm } from "../../web/multipart.ts";
import { pageContext } from "../../web/page.ts";
import type { FormState } from "../../web/secretariat-forms.tsx";
import { assertUploadFits } from "../files/index.ts";
import { assertMayEditStep, uploadRatificationDocument } from "./ratification.service.ts";

type Param = { Params: { param: string; stepId: string } };

export async function ratificationUploadRoute(
  app: FastifyInstance,
  render: (
    req: FastifyRequest<Param>,
    reply: FastifyReply,
    state: FormState | null,
    code?: number,
  ) => unknown,
  done: (req: FastifyRequest<Param>) => () => Promise<string>,
) {
  await app.register(async (files) => {
    await files.register(fastifyMultipart, {
      limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 5 },
    });
    files.post<Param>(
      "/aftaler/:param/godkendelser/:stepId/dokument",
      { schema: { hide: true } },
      async (req, reply) => {
        const ctx = pageContext(req, reply);
        const stepId = Number(req.params.stepId) || 0;
        const form = `ratfile${stepId}`;
        // The rights first, as the initiative documents' upload does: a refused caller's file is never read.
        await assertMayEditStep({ db: app.database.db, actor: ctx.actor }, stepId);
        const parts = await readMultipartForm(req, ctx.t, ctx.t("rat.form.notMultipart"));
        const file = parts.files.at(-1);
        try {
          if (!file || file.bytes.byteLength === 0) {
            throw new AppError("validation_failed", ctx.t("rat.form.noFile"), [
              { path: "file", message: ctx.t("rat.form.noFile") },
            ]);
          }
          if (file.truncated) {
            throw new AppError("payload_too_large", "Filen er for stor.", [
              { path: "file", message: "Filen er for stor." },
            ]);
          }
          const fits = assertUploadFits(file.bytes, "application/octet-stream", file.name);
          await app.database.db.transaction((tx) =>
            uploadRatificationDocument({ db: tx, actor: ctx.actor }, stepId, {
              bytes: file.bytes,
              mimeType: fits.mimeType,
              fileName: fits.fileName,
            }),
          );
        } catch (e) {
          if (!(e instanceof AppError) || e.code === "internal" || e.code === "not_found") {
            throw e;
          }
          const message = e.fields?.[0]?.message ?? e.message;
          const state: FormState = {
            form,
            values: {},
            errors: { [`${form}-file`]: message },
            message: ctx.t("rat.form.failed"),
          };
          return render(req, reply, state, e.status);
        }
        return reply.redirect(await done(req)(), 303);
      },
    );
  });
}
