/**
 * The addressees' answers (issue 22.1): done with text, a link or a file, not relevant, more time; and the
 * answer files and the report read back by whoever may see them.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { authorize } from "../auth/index.ts";
import { readFile, storeFile } from "../files/index.ts";
import { canSeeAddressee, mayAnswerFor, type Reader, readerOf } from "./obligations.access.ts";
import type { TAnswer, TObligation } from "./obligations.schemas.ts";
import {
  type CheckedFile,
  getObligation,
  invalid,
  loadObligation,
  type ObligationRow,
  WHAT,
} from "./obligations.service.ts";
import { obligationAddressees } from "./obligations.tables.ts";

type AddresseeRow = typeof obligationAddressees.$inferSelect;

function answerErrors(input: TAnswer, hasFile: boolean) {
  if (input.state === "done" && !input.answerText && !input.link && !hasFile) {
    return { path: "answerText", message: "Skriv et svar, angiv et link eller vedhæft en fil." };
  }
  if (input.state === "not_relevant" && !input.reason) {
    return { path: "reason", message: "Skriv hvorfor forpligtelsen ikke er relevant." };
  }
  if (input.state === "more_time" && !input.newDeadline) {
    return { path: "newDeadline", message: "Angiv den nye dato." };
  }
  return null;
}

/** The addressee row a body or party answers as, if the reader may see it (else 404). */
async function addresseeFor(
  ctx: Ctx,
  obligation: ObligationRow,
  who: { bodyId?: number | null; partyId?: number | null },
): Promise<{ reader: Reader; addressee: AddresseeRow }> {
  const bodyId = who.bodyId ?? null;
  const partyId = who.partyId ?? null;
  if ((bodyId === null) === (partyId === null)) {
    throw invalid("bodyId", "Angiv enten det forum eller den part, der svarer.");
  }
  const [addressee] = await ctx.db
    .select()
    .from(obligationAddressees)
    .where(
      and(
        eq(obligationAddressees.obligationId, obligation.id),
        bodyId !== null
          ? eq(obligationAddressees.bodyId, bodyId)
          : eq(obligationAddressees.partyId, partyId as number),
      ),
    );
  const reader = await readerOf(ctx);
  if (!addressee || !canSeeAddressee(reader, obligation, addressee)) {
    throw notFound(WHAT);
  }
  authorize(
    ctx.actor,
    mayAnswerFor(reader, addressee),
    "Kun sekretariatet for det forum, forpligtelsen er sendt til, eller partens repræsentanter kan svare.",
  );
  return { reader, addressee };
}

/**
 * An addressee answers: done (text, link and/or a file), not relevant (with a reason) or more time (a
 * later date). A body's secretariat, or a party's representatives (`mayAnswerFor`). A file kept from an
 * earlier answer stays unless a new one comes.
 */
export async function answerObligation(
  ctx: Ctx,
  id: number,
  input: TAnswer,
  file: CheckedFile | null = null,
): Promise<TObligation> {
  const obligation = await loadObligation(ctx, id);
  const { addressee } = await addresseeFor(ctx, obligation, input);
  const problem = answerErrors(input, file !== null || addressee.sha256 !== null);
  if (problem) {
    throw new AppError("validation_failed", problem.message, [problem]);
  }
  if (input.state === "more_time" && input.newDeadline && input.newDeadline <= obligation.deadline) {
    throw invalid("newDeadline", "Den nye dato skal ligge efter fristen.");
  }
  const stored = file ? await storeFile(ctx.db, file.bytes) : null;
  await ctx.db
    .update(obligationAddressees)
    .set({
      state: input.state,
      answerText: input.answerText ?? null,
      link: input.link ?? null,
      reason: input.state === "not_relevant" ? (input.reason ?? null) : null,
      newDeadline: input.state === "more_time" ? (input.newDeadline ?? null) : null,
      ...(file && stored
        ? { sha256: stored.sha256, fileName: file.fileName, mimeType: file.mimeType, size: stored.size }
        : {}),
      answeredAt: new Date(),
      answeredBy: ctx.actor.userId,
      updatedAt: new Date(),
      version: sql`${obligationAddressees.version} + 1`,
    })
    .where(eq(obligationAddressees.id, addressee.id));
  return getObligation(ctx, id);
}

/** Keeps an uploaded file as the addressee's answer: done with a file (the API's file upload). */
export async function answerObligationWithFile(
  ctx: Ctx,
  id: number,
  who: { bodyId?: number | null; partyId?: number | null },
  file: CheckedFile,
): Promise<TObligation> {
  const obligation = await loadObligation(ctx, id);
  const { addressee } = await addresseeFor(ctx, obligation, who);
  return answerObligation(
    ctx,
    id,
    {
      bodyId: addressee.bodyId,
      partyId: addressee.partyId,
      state: "done",
      answerText: addressee.state === "done" ? addressee.answerText : null,
      link: addressee.state === "done" ? addressee.link : null,
    },
    file,
  );
}

/** The bytes of an answer's file, for whoever may see that addressee's row. */
export async function readAnswerFile(ctx: Ctx, id: number, addresseeId: number) {
  const obligation = await loadObligation(ctx, id);
  const [a] = await ctx.db
    .select()
    .from(obligationAddressees)
    .where(and(eq(obligationAddressees.id, addresseeId), eq(obligationAddressees.obligationId, id)));
  if (!a?.sha256 || !canSeeAddressee(await readerOf(ctx), obligation, a)) {
    throw new AppError("not_found", "Svaret har ingen fil.");
  }
  return fileBytes(ctx, a.sha256, a.fileName, a.mimeType, `svar-${a.id}`);
}

/** The bytes of the report sent along with an obligation, for whoever may see the obligation. */
export async function readObligationReport(ctx: Ctx, id: number) {
  const o = await loadObligation(ctx, id);
  if (!o.reportSha256) {
    throw new AppError("not_found", "Forpligtelsen har ingen rapport.");
  }
  return fileBytes(ctx, o.reportSha256, o.reportFileName, o.reportMimeType, `rapport-${o.id}`);
}

async function fileBytes(ctx: Ctx, sha: string, name: string | null, mime: string | null, fallback: string) {
  const bytes = await readFile(ctx.db, sha);
  if (!bytes) {
    throw new AppError("not_found", "Filen findes ikke længere.");
  }
  return { bytes, fileName: name ?? fallback, mimeType: mime ?? "application/octet-stream" };
}
