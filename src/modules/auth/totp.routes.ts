import type { FastifyInstance } from "fastify";
import { AppError } from "../../server/errors.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { TotpPage, TotpStatusPage } from "./totp.pages.tsx";
import { confirmTotpEnrolment, hasTotp, startTotpEnrolment } from "./totp.service.ts";

const hidden = { schema: { hide: true } };

/** /konto/totrin: a logged-in user turns on TOTP (the key shown, the first code confirms it). */
export async function totpPageRoutes(app: FastifyInstance) {
  const requireUser = (userId: number | null) => {
    if (userId === null) {
      throw new AppError("unauthenticated", "Du skal være logget ind for at gøre dette.");
    }
    return userId;
  };

  app.get("/konto/totrin", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const userId = requireUser(ctx.actor.userId);
    if (await hasTotp(app.database.db, userId)) {
      return sendPage(reply, ctx, TotpStatusPage({ ctx }));
    }
    const enrol = { ...(await startTotpEnrolment(app.database.db, userId)), required: false };
    return sendPage(reply, ctx, TotpPage({ ctx, form: { action: "/konto/totrin", enrol } }));
  });

  app.post("/konto/totrin", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const userId = requireUser(ctx.actor.userId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const code = typeof body.code === "string" ? body.code.slice(0, 20) : "";
    if (code && (await confirmTotpEnrolment(app.database.db, userId, code))) {
      return reply.redirect("/konto/totrin", 303);
    }
    if (await hasTotp(app.database.db, userId)) {
      return sendPage(reply, ctx, TotpStatusPage({ ctx }));
    }
    const enrol = { ...(await startTotpEnrolment(app.database.db, userId)), required: false };
    const error = ctx.t(code ? "totp.wrong" : "totp.codeRequired");
    return sendPage(
      reply,
      ctx,
      TotpPage({ ctx, form: { action: "/konto/totrin", enrol, error } }),
      code ? 401 : 400,
    );
  });
}
