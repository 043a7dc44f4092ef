import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { AppError } from "../../server/errors.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { createMailer, type MailMessage } from "../mail/index.ts";
import { confirmEmailChange, requestEmailChange } from "./email-change.service.ts";
import {
  ZMembership,
  ZMembershipFields,
  ZMembershipFilter,
  ZPerson,
  ZPersonFields,
  ZPersonFilter,
} from "./people.schemas.ts";
import { membershipService, personService } from "./people.service.ts";

/** Sends mails through the configured SMTP server; 409 when the installation has none. */
export async function mailSender(app: FastifyInstance) {
  const mailer = await createMailer(app.config, { timeoutMs: 10_000 });
  if (!mailer) {
    throw new AppError(
      "conflict",
      "Der er ingen e-mailserver sat op, så en ny adresse kan ikke bekræftes. En administrator kan ændre den direkte.",
    );
  }
  return {
    send: (m: MailMessage) => mailer.send(m),
    close: () => mailer.close(),
  };
}

/** The site's origin for links in mails. */
export const siteOrigin = (app: FastifyInstance, req: FastifyRequest) =>
  app.config.publicUrl ?? `${req.protocol}://${req.host}`;

export async function peopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerCrud(app, {
    path: "/persons",
    tag: "Personer",
    noun: "person",
    row: ZPerson,
    create: ZPersonFields,
    update: ZPersonFields,
    filter: ZPersonFilter,
    service: personService,
  });
  registerCrud(app, {
    path: "/memberships",
    tag: "Medlemskaber",
    noun: "medlemskab",
    row: ZMembership,
    create: ZMembershipFields,
    update: ZMembershipFields,
    filter: ZMembershipFilter,
    service: membershipService,
  });

  r.post("/persons/:id/email", {
    schema: {
      tags: ["Personer"],
      summary:
        "Bed om en ny e-mailadresse: den træder i kraft, når linket i mailen til den nye adresse bekræftes",
      params: ZIdParams,
      body: z.strictObject({ email: z.email("Ugyldig e-mailadresse.").max(320) }),
      response: { 202: z.object({ expiresAt: z.string() }), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const origin = siteOrigin(app, req);
      const mailer = () => mailSender(app);
      const result = await app.database.db.transaction((tx) =>
        requestEmailChange({ db: tx, actor: req.actor }, req.params.id, { ...req.body, origin, mailer }),
      );
      return reply.code(202).send(result);
    },
  });

  r.post("/email-confirmations", {
    schema: {
      tags: ["Personer"],
      summary: "Bekræft en ny e-mailadresse med linkets nøgle (fra mailen)",
      body: z.strictObject({ token: z.string().min(20).max(200) }),
      response: { 200: ZPerson, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      app.database.db.transaction((tx) => confirmEmailChange({ db: tx, actor: req.actor }, req.body.token)),
  });
}
