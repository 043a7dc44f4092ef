import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { getById, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, canEditPerson } from "../auth/policy.ts";
import type { MailMessage } from "../mail/index.ts";
import { actorPersonId, personBodyIds, presentPerson } from "./people.service.ts";
import { emailChanges, persons } from "./people.tables.ts";

/** How long the link in the confirmation mail works. */
export const EMAIL_CHANGE_HOURS = 48;
/** The page a confirmation link opens (the token follows). */
export const EMAIL_CONFIRM_PATH = "/mine-oplysninger/e-mail/";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * Asks for a person's e-mail address to change to `email`: the person themselves, or a secretary of a
 * body they are a member of. Nothing changes until the link mailed to the new address is opened and
 * confirmed; the old address is told. The mails are sent inside the transaction: a mail that cannot
 * be sent leaves no pending change. The mailer is made only after the rights are checked.
 */
export async function requestEmailChange(
  ctx: Ctx,
  personId: number,
  input: { email: string; origin: string; mailer: () => Promise<MailSender> },
): Promise<{ expiresAt: string }> {
  const { db, actor } = ctx;
  const person = await getById<typeof persons.$inferSelect>(db, persons, personId, "Personen");
  const own = (await actorPersonId(db, actor)) === personId;
  authorize(
    actor,
    own || canEditPerson(actor, await personBodyIds(db, personId)),
    "Kun personen selv eller sekretariatet i et forum, personen er medlem af, kan ændre e-mailadressen.",
  );
  if (person.email?.toLowerCase() === input.email.toLowerCase()) {
    const message = "Det er allerede personens e-mailadresse.";
    throw new AppError("validation_failed", message, [{ path: "email", message }]);
  }
  const mail = await input.mailer();
  try {
    return await recordAndSend(ctx, person, { ...input, send: mail.send });
  } finally {
    mail.close();
  }
}

/** Sends mails; the route makes one from the settings (SMTP). */
export interface MailSender {
  send(m: MailMessage): Promise<void>;
  close(): void;
}

async function recordAndSend(
  { db }: Ctx,
  person: typeof persons.$inferSelect,
  input: { email: string; origin: string; send: (m: MailMessage) => Promise<void> },
) {
  const personId = person.id;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + EMAIL_CHANGE_HOURS * 3600_000);
  await db.delete(emailChanges).where(eq(emailChanges.personId, personId));
  await db.insert(emailChanges).values({ personId, email: input.email, tokenHash: sha256(token), expiresAt });
  const link = `${input.origin}${EMAIL_CONFIRM_PATH}${token}`;
  await input.send({
    to: input.email,
    subject: "Bekræft din nye e-mailadresse i Tværs",
    text: [
      `Hej ${person.name}`,
      "",
      "Nogen har bedt om, at denne adresse bliver din e-mailadresse i Tværs.",
      `Åbn linket for at bekræfte det (det virker i ${EMAIL_CHANGE_HOURS} timer):`,
      link,
      "",
      "Har du ikke bedt om det, så gør ingenting: adressen bliver ikke ændret.",
    ].join("\n"),
  });
  if (person.email) {
    await input.send({
      to: person.email,
      subject: "Din e-mailadresse i Tværs er ved at blive ændret",
      text: [
        `Hej ${person.name}`,
        "",
        `Der er bedt om at ændre din e-mailadresse i Tværs til ${input.email}.`,
        "Ændringen sker først, når den nye adresse har bekræftet den. Kender du ikke til det, så kontakt sekretariatet.",
      ].join("\n"),
    });
  }
  return { expiresAt: expiresAt.toISOString() };
}

/** The pending change behind a link's token, or null when it is unknown or expired. */
export async function findEmailChange(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select({ personId: emailChanges.personId, email: emailChanges.email, name: persons.name })
    .from(emailChanges)
    .innerJoin(persons, eq(persons.id, emailChanges.personId))
    .where(and(eq(emailChanges.tokenHash, sha256(token)), gt(emailChanges.expiresAt, new Date())));
  return row ?? null;
}

/** Confirms a change from the link's token (the token is the authority: whoever holds the mail). */
export async function confirmEmailChange(ctx: Ctx, token: string) {
  const change = await findEmailChange(ctx, token);
  if (!change) {
    const message = "Linket er ukendt eller udløbet. Bed om en ny ændring af e-mailadressen.";
    throw new AppError("validation_failed", message, [{ path: "token", message }]);
  }
  const [row] = await ctx.db
    .update(persons)
    .set({ email: change.email, updatedAt: new Date(), version: sql`${persons.version} + 1` })
    .where(eq(persons.id, change.personId))
    .returning();
  await ctx.db.delete(emailChanges).where(eq(emailChanges.personId, change.personId));
  return presentPerson(row as typeof persons.$inferSelect, ctx.actor);
}

/** The logged-in user's own person, e-mail included, with a pending change of address if any. */
export async function getOwnPerson(ctx: Ctx) {
  const personId = await actorPersonId(ctx.db, ctx.actor);
  if (personId === null) {
    return null;
  }
  const person = await getById<typeof persons.$inferSelect>(ctx.db, persons, personId, "Personen");
  const [pending] = await ctx.db
    .select({ email: emailChanges.email, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(and(eq(emailChanges.personId, personId), gt(emailChanges.expiresAt, new Date())));
  return {
    id: person.id,
    name: person.name,
    title: person.title,
    email: person.email,
    version: person.version,
    pendingEmail: pending?.email ?? null,
  };
}

/** A person corrects their own name and title (the e-mail changes through requestEmailChange). */
export async function updateOwnPerson(
  ctx: Ctx,
  input: { name: string; title?: string | null | undefined; version: number },
) {
  const personId = await actorPersonId(ctx.db, ctx.actor);
  if (personId === null) {
    throw new AppError("not_found", "Din bruger er ikke knyttet til en person.");
  }
  const { version, ...values } = input;
  return presentPerson(
    await updateVersioned<typeof persons.$inferSelect>(
      ctx.db,
      persons,
      personId,
      version,
      values,
      "Personen",
    ),
    ctx.actor,
  );
}
