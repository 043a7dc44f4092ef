import {
  approveAgreement,
  createAgreement,
  moveAgreement,
  startHearing,
} from "../../src/modules/agreements/index.ts";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { createItem, createMeeting } from "../../src/modules/meetings/index.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { referenceAreas, referenceMemberships } from "../../src/modules/reference/index.ts";
import type { Ctx } from "../../src/server/context.ts";
import { seedWorld } from "../helpers/factories.ts";

export const PASSWORD = "korrekt-hest-batteri";
const DAY = 86_400_000;
export const dayFromNow = (offset: number) =>
  new Date(Date.now() + offset * DAY).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });

/**
 * The small world plus two municipalities (Havby in cluster K-HAV, Skovby outside it), a representative
 * of Havby in the SSU with a login, an agreement in force owned by the SSU, another in hearing, and a
 * planned SSU meeting with an item a snapshot can go on.
 */
export async function seedImplementationWorld(system: Ctx) {
  const w = await seedWorld(system);
  const havby = await createParty(system, {
    type: "municipality",
    name: "Havby Kommune",
    region: "Testkyst",
    municipalityCode: "901",
  });
  const skovby = await createParty(system, {
    type: "municipality",
    name: "Skovby Kommune",
    region: "Testkyst",
    municipalityCode: "902",
  });
  const plo = await createParty(system, {
    type: "general_practice",
    name: "PLO-Testkyst",
    region: "Testkyst",
  });
  const rep = await createPerson(system, { name: "Rikke Repræsentant" });
  await createMembership(system, { personId: rep.id, bodyId: w.ssu.id, role: "member", partyId: havby.id });
  const skovRep = await createPerson(system, { name: "Svend Skovby" });
  await createMembership(system, {
    personId: skovRep.id,
    bodyId: w.ssu.id,
    role: "member",
    partyId: skovby.id,
  });
  const ploRep = await createPerson(system, { name: "Pia Praksis" });
  await createMembership(system, { personId: ploRep.id, bodyId: w.ssu.id, role: "member", partyId: plo.id });
  const repUser = await createUser(system, {
    email: "havby@test.dk",
    name: "Rikke Repræsentant",
    password: PASSWORD,
    personId: rep.id,
  });
  const repToken = (
    await createApiToken({ db: system.db, actor: { ...PUBLIC_ACTOR, userId: repUser.id } }, { name: "t" })
  ).token;

  const [cluster] = await system.db
    .insert(referenceAreas)
    .values({ kind: "cluster", code: "K-HAV", name: "Sundhedsklynge Havby", source: "csv" })
    .returning();
  const [mun] = await system.db
    .insert(referenceAreas)
    .values({ kind: "municipality", code: "901", name: "Havby", source: "csv" })
    .returning();
  await system.db
    .insert(referenceMemberships)
    .values({ areaId: mun?.id as number, parentId: cluster?.id as number, source: "csv" });

  const inForce = await createAgreement(system, {
    title: "Samarbejdsaftale om udskrivning",
    kind: "cooperation_agreement",
    theme: "Udskrivning",
    ownerBodyId: w.ssu.id,
    firstVersion: { label: "Høringsudkast", text: "# Udskrivning" },
  });
  await startHearing(system, inForce.id, {
    startsOn: "2025-01-06",
    endsOn: "2025-02-06",
    invitees: [{ name: "Havby Kommune" }],
    on: "2025-01-06",
  });
  await approveAgreement(system, inForce.id, { bodyId: w.ssu.id, on: "2025-03-06" });
  await moveAgreement(system, inForce.id, { to: "implementation", on: "2025-03-07" });
  const inHearing = await createAgreement(system, {
    title: "Forløbsprogram for KOL",
    kind: "care_programme",
    theme: "KOL",
    ownerBodyId: w.ssu.id,
    firstVersion: { label: "Udkast" },
  });
  await startHearing(system, inHearing.id, {
    startsOn: dayFromNow(-5),
    endsOn: dayFromNow(25),
    invitees: [{ name: "Havby Kommune" }],
    on: dayFromNow(-5),
  });

  const meeting = await createMeeting(system, {
    bodyId: w.ssu.id,
    start: new Date(Date.now() + 20 * DAY),
    end: new Date(Date.now() + 20 * DAY + 3 * 3_600_000),
    location: "Regionshuset",
  });
  const item = await createItem(system, { meetingId: meeting.id, title: "Status for implementering" });
  return { ...w, havby, skovby, plo, repToken, inForce, inHearing, item };
}

export type ImplWorld = Awaited<ReturnType<typeof seedImplementationWorld>>;

/** A CSV of the one writer (semicolons, quotes doubled, BOM) read back into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ";") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && s[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}
