import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { getById, updateVersioned } from "../../db/crud.ts";
import type { Ctx } from "../../server/context.ts";
import { storeFile } from "../files/index.ts";
import { parties } from "../parties/index.ts";
import { authorizeOwner, invalid, notAllowed } from "./agreements.access.ts";
import { getAgreement } from "./agreements.read.ts";
import { moveProblem, splitRemarks } from "./agreements.rules.ts";
import type {
  TCloseHearing,
  TRemarkInput,
  TRemarkUpdate,
  TResponseInput,
  TStartHearing,
} from "./agreements.schemas.ts";
import { decisionOf, loadAgreement, moveTo, versionOf } from "./agreements.service.ts";
import {
  agreementVersions,
  hearingInvitees,
  hearingRemarks,
  hearingResponses,
  hearings,
} from "./agreements.tables.ts";

type HearingRow = typeof hearings.$inferSelect;
type ResponseRow = typeof hearingResponses.$inferSelect;
type RemarkRow = typeof hearingRemarks.$inferSelect;

async function partyName(db: DbOrTx, partyId: number, path: string): Promise<string> {
  const [row] = await db.select({ name: parties.name }).from(parties).where(eq(parties.id, partyId));
  if (!row) {
    throw invalid(path, "Parten findes ikke.");
  }
  return row.name;
}

/** Sends a version into hearing: publishes it, invites the parties, records the decision. */
export async function startHearing({ db, actor }: Ctx, agreementId: number, input: TStartHearing) {
  const a = await loadAgreement(db, agreementId);
  authorizeOwner(actor, a);
  const problem = moveProblem(a.status, "hearing");
  if (problem) {
    throw notAllowed(problem);
  }
  if (input.endsOn < input.startsOn) {
    throw invalid("endsOn", "Høringsfristen ligger før høringens start.");
  }
  const v = await versionOf(db, agreementId, input.versionId);
  if (v.approvedOn) {
    throw invalid("versionId", "Versionen er allerede godkendt; læg en ny version ind til høring.");
  }
  const invitees = new Map<string, number | null>();
  for (const [i, inv] of input.invitees.entries()) {
    const name = inv.partyId ? await partyName(db, inv.partyId, `invitees.${i}.partyId`) : inv.name?.trim();
    if (!name) {
      throw invalid(`invitees.${i}.name`, "Vælg en part eller skriv et navn.");
    }
    invitees.set(name, inv.partyId ?? null);
  }
  const d = await decisionOf(db, { ...input, on: input.on ?? input.startsOn });
  const [h] = await db
    .insert(hearings)
    .values({
      agreementId,
      versionId: v.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      note: input.note ?? "",
    })
    .returning();
  await db
    .insert(hearingInvitees)
    .values([...invitees].map(([name, partyId]) => ({ hearingId: (h as HearingRow).id, name, partyId })));
  await db
    .update(agreementVersions)
    .set({ published: true, updatedAt: new Date() })
    .where(eq(agreementVersions.id, v.id));
  await moveTo(db, a, "hearing", { ...d, note: input.note }, { versionId: v.id });
  return getAgreement({ db, actor }, agreementId);
}

async function loadHearing(db: DbOrTx, id: number) {
  const h = await getById<HearingRow>(db, hearings, id, "Høringen");
  return { h, a: await loadAgreement(db, h.agreementId) };
}

/** Records a response (party, day, text) and its remarks: given, or split from the text. */
export async function addResponse({ db, actor }: Ctx, hearingId: number, input: TResponseInput) {
  const { h, a } = await loadHearing(db, hearingId);
  authorizeOwner(actor, a);
  if (input.receivedOn < h.startsOn) {
    throw invalid("receivedOn", "Svaret er modtaget, før høringen begyndte.");
  }
  const name = input.partyId ? await partyName(db, input.partyId, "partyId") : input.partyName?.trim();
  if (!name) {
    throw invalid("partyName", "Vælg den part, der har svaret, eller skriv navnet.");
  }
  const [r] = await db
    .insert(hearingResponses)
    .values({
      hearingId,
      partyId: input.partyId ?? null,
      partyName: name,
      receivedOn: input.receivedOn,
      text: input.text ?? null,
    })
    .returning();
  const remarks =
    input.remarks ??
    (input.splitText && input.text
      ? splitRemarks(input.text).map((remark) => ({ remark, section: null }))
      : []);
  if (remarks.length > 0) {
    await db.insert(hearingRemarks).values(
      remarks.map((m, position) => ({
        responseId: (r as ResponseRow).id,
        position,
        remark: m.remark,
        section: m.section ?? null,
      })),
    );
  }
  return getAgreement({ db, actor }, a.id);
}

async function loadResponse(db: DbOrTx, id: number) {
  const r = await getById<ResponseRow>(db, hearingResponses, id, "Høringssvaret");
  return { r, ...(await loadHearing(db, r.hearingId)) };
}

export async function uploadResponseContent(
  { db, actor }: Ctx,
  responseId: number,
  input: { bytes: Uint8Array; mimeType: string; fileName?: string | undefined },
) {
  const { r, a } = await loadResponse(db, responseId);
  authorizeOwner(actor, a);
  if (input.bytes.byteLength === 0) {
    throw invalid("body", "Filen er tom.");
  }
  const stored = await storeFile(db, input.bytes);
  await db
    .update(hearingResponses)
    .set({
      sha256: stored.sha256,
      size: stored.size,
      mimeType: input.mimeType,
      fileName: input.fileName ?? `hoeringssvar-${r.id}`,
      updatedAt: new Date(),
    })
    .where(eq(hearingResponses.id, r.id));
  return getAgreement({ db, actor }, a.id);
}

export async function addRemark({ db, actor }: Ctx, responseId: number, input: TRemarkInput) {
  const { r, a } = await loadResponse(db, responseId);
  authorizeOwner(actor, a);
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${hearingRemarks.position}), -1)` })
    .from(hearingRemarks)
    .where(eq(hearingRemarks.responseId, r.id));
  await db.insert(hearingRemarks).values({
    responseId: r.id,
    position: Number(last?.max ?? -1) + 1,
    remark: input.remark,
    section: input.section ?? null,
  });
  return getAgreement({ db, actor }, a.id);
}

/** Records how a remark was handled (a row of the response matrix). */
export async function updateRemark({ db, actor }: Ctx, remarkId: number, input: TRemarkUpdate) {
  const m = await getById<RemarkRow>(db, hearingRemarks, remarkId, "Bemærkningen");
  const { a } = await loadResponse(db, m.responseId);
  authorizeOwner(actor, a);
  const { version, ...values } = input;
  await updateVersioned<RemarkRow>(db, hearingRemarks, remarkId, version, values, "Bemærkningen");
  return getAgreement({ db, actor }, a.id);
}

/** Ends the hearing (the agreement stays in hearing until a decision moves it); may publish the responses. */
export async function closeHearing({ db, actor }: Ctx, hearingId: number, input: TCloseHearing) {
  const { h, a } = await loadHearing(db, hearingId);
  authorizeOwner(actor, a);
  if (input.closedOn < h.startsOn) {
    throw invalid("closedOn", "Høringen kan ikke afsluttes, før den er begyndt.");
  }
  await db
    .update(hearings)
    .set({
      closedOn: h.closedOn ?? input.closedOn,
      responsesPublished: h.responsesPublished || input.publishResponses === true,
      updatedAt: new Date(),
    })
    .where(eq(hearings.id, h.id));
  return getAgreement({ db, actor }, a.id);
}
