import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../server/errors.ts";
import { type FieldErrors, formString } from "../../web/form-fields.tsx";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import {
  confirmEmailChange,
  EMAIL_CONFIRM_PATH,
  findEmailChange,
  getOwnPerson,
  requestEmailChange,
  updateOwnPerson,
} from "./email-change.service.ts";
import { EmailConfirmPage, OWN_DATA_PATH, OwnDataPage } from "./own-data.pages.tsx";
import { mailSender, siteOrigin } from "./people.routes.ts";
import { ZPersonFields } from "./people.schemas.ts";

const hidden = { schema: { hide: true } };
const ZOwnForm = z.object({
  name: ZPersonFields.name,
  title: ZPersonFields.title,
  version: z.coerce.number().int(),
});
const ZEmailForm = z.object({
  email: z.email("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.").max(320),
});

const fieldErrors = (err: unknown): FieldErrors | null => {
  if (err instanceof z.ZodError) {
    return Object.fromEntries(err.issues.map((i) => [String(i.path[0] ?? "name"), i.message]));
  }
  if (err instanceof AppError && ["validation_failed", "version_conflict", "conflict"].includes(err.code)) {
    return err.fields?.length
      ? Object.fromEntries(err.fields.map((f) => [f.path.split(".")[0] ?? "name", f.message]))
      : { email: err.message };
  }
  return null;
};

/** /mine-oplysninger: a person sees and corrects their own data; a new e-mail address is confirmed by mail. */
export async function ownDataPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  function loggedIn(req: FastifyRequest, reply: FastifyReply): PageCtx | null {
    const ctx = pageContext(req, reply);
    if (ctx.actor.userId === null) {
      reply.redirect(`/log-ind?next=${encodeURIComponent(OWN_DATA_PATH)}`, 303);
      return null;
    }
    return ctx;
  }
  async function render(
    reply: FastifyReply,
    ctx: PageCtx,
    form: { values?: Record<string, string>; errors?: FieldErrors; notice?: string | null } = {},
    code = 200,
  ) {
    const person = await getOwnPerson(ctx.svc);
    const view = {
      user: { name: ctx.actor.name },
      person,
      values: form.values ?? {},
      errors: form.errors ?? {},
      notice: form.notice ?? null,
    };
    return sendPage(reply, ctx, OwnDataPage({ ctx, view }), code);
  }

  app.get(OWN_DATA_PATH, hidden, async (req, reply) => {
    const ctx = loggedIn(req, reply);
    return ctx ? render(reply, ctx) : reply;
  });

  app.post(OWN_DATA_PATH, hidden, async (req, reply) => {
    const ctx = loggedIn(req, reply);
    if (!ctx) {
      return reply;
    }
    const values = { name: formString(req.body, "name"), title: formString(req.body, "title") };
    try {
      const input = ZOwnForm.parse({
        ...values,
        title: values.title || null,
        version: formString(req.body, "version"),
      });
      await db().transaction((tx) => updateOwnPerson({ db: tx, actor: ctx.actor }, input));
      return render(reply, ctx, { notice: ctx.t("sec.own.saved") });
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) {
        throw err;
      }
      return render(reply, ctx, { values, errors }, 400);
    }
  });

  app.post(`${OWN_DATA_PATH}/e-mail`, hidden, async (req, reply) => {
    const ctx = loggedIn(req, reply);
    if (!ctx) {
      return reply;
    }
    const values = { email: formString(req.body, "email").trim() };
    try {
      const { email } = ZEmailForm.parse(values);
      const person = await getOwnPerson(ctx.svc);
      if (!person) {
        throw new AppError("not_found", "Din bruger er ikke knyttet til en person.");
      }
      const origin = siteOrigin(app, req);
      const mailer = () => mailSender(app);
      await db().transaction((tx) =>
        requestEmailChange({ db: tx, actor: ctx.actor }, person.id, { email, origin, mailer }),
      );
      return render(reply, ctx, { notice: ctx.t("sec.own.emailSent", { email }) });
    } catch (err) {
      const errors = fieldErrors(err);
      if (!errors) {
        throw err;
      }
      return render(reply, ctx, { values, errors }, 400);
    }
  });

  app.get<{ Params: { token: string } }>(`${EMAIL_CONFIRM_PATH}:token`, hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const change = await findEmailChange(ctx.svc, req.params.token);
    return sendPage(reply, ctx, EmailConfirmPage({ ctx, change, done: false }), change ? 200 : 404);
  });

  app.post<{ Params: { token: string } }>(`${EMAIL_CONFIRM_PATH}:token`, hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const change = await findEmailChange(ctx.svc, req.params.token);
    if (!change) {
      return sendPage(reply, ctx, EmailConfirmPage({ ctx, change: null, done: false }), 404);
    }
    await db().transaction((tx) => confirmEmailChange({ db: tx, actor: ctx.actor }, req.params.token));
    return sendPage(reply, ctx, EmailConfirmPage({ ctx, change, done: true }));
  });
}
