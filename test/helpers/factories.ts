import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import {
  attachmentService,
  createItem,
  createMeeting,
  transitionMeeting,
  uploadAttachmentContent,
} from "../../src/modules/meetings/index.ts";
import { absenceService } from "../../src/modules/meetings/item-children.service.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import type { Ctx } from "../../src/server/context.ts";

/** A secret phrase planted in closed material; it must never appear in what outsiders receive. */
export const SECRET = "HEMMELIG-FORHANDLING-7391";

async function userWithToken(
  system: Ctx,
  email: string,
  opts: { personId?: number; isAdmin?: boolean } = {},
) {
  const user = await createUser(system, {
    email,
    name: email.split("@")[0] ?? email,
    password: "korrekt-hest-batteri",
    isAdmin: opts.isAdmin ?? false,
    personId: opts.personId ?? null,
  });
  const actor = { ...PUBLIC_ACTOR, userId: user.id };
  const { token } = await createApiToken({ db: system.db, actor }, { name: "test" });
  return { user, token };
}

/**
 * A small world: two bodies, a secretary, a chair and a member of the first, an outsider, an admin;
 * a held meeting with published minutes holding an open and a closed item, each with attachments.
 */
export async function seedWorld(system: Ctx) {
  const region = await createParty(system, { type: "region", name: "Region Testkyst", region: "Testkyst" });
  const ssu = await createBody(system, {
    name: "Sundhedssamarbejdsudvalget",
    shortName: "SSU",
    kind: "political_committee",
  });
  const other = await createBody(system, { name: "Følgegruppe for rehabilitering", kind: "follow_group" });
  const people = {
    secretary: await createPerson(system, { name: "Sara Sekretær" }),
    chair: await createPerson(system, { name: "Frede Formand" }),
    member: await createPerson(system, { name: "Mette Medlem" }),
    outsider: await createPerson(system, { name: "Ole Udenfor" }),
  };
  await createMembership(system, {
    personId: people.secretary.id,
    bodyId: ssu.id,
    role: "secretary",
    partyId: region.id,
  });
  await createMembership(system, {
    personId: people.chair.id,
    bodyId: ssu.id,
    role: "chair",
    partyId: region.id,
  });
  await createMembership(system, {
    personId: people.member.id,
    bodyId: ssu.id,
    role: "member",
    partyId: region.id,
  });
  await createMembership(system, { personId: people.outsider.id, bodyId: other.id, role: "secretary" });
  const users = {
    admin: await userWithToken(system, "admin@test.dk", { isAdmin: true }),
    secretary: await userWithToken(system, "sekretaer@test.dk", { personId: people.secretary.id }),
    chair: await userWithToken(system, "formand@test.dk", { personId: people.chair.id }),
    member: await userWithToken(system, "medlem@test.dk", { personId: people.member.id }),
    outsider: await userWithToken(system, "udenfor@test.dk", { personId: people.outsider.id }),
  };

  const meeting = await createMeeting(system, {
    bodyId: ssu.id,
    start: new Date("2025-03-06T09:00:00Z"),
    end: new Date("2025-03-06T12:00:00Z"),
    location: "Regionshuset",
  });
  const open = await createItem(system, {
    meetingId: meeting.id,
    title: "Godkendelse af dagsorden",
    sections: { summary: "Dagsordenen forelægges." },
    recommendations: ["Administrationen indstiller, at dagsordenen godkendes."],
    decisionText: "Godkendt.",
    outcome: "approved",
    caseNumbers: ["EMN-2025-00001"],
  });
  const closed = await createItem(system, {
    meetingId: meeting.id,
    title: `Kontraktforhandling ${SECRET}`,
    access: "closed",
    sections: { summary: `Resumé ${SECRET}` },
    recommendations: [`Indstilling ${SECRET}`],
    decisionText: `Beslutning ${SECRET}`,
    outcome: "approved",
    caseNumbers: ["EMN-2025-99999"],
  });
  const openFile = await attachmentService.create(system, { itemId: open.id, title: "Åbent bilag" });
  await uploadAttachmentContent(system, openFile.id, {
    bytes: new TextEncoder().encode("Offentligt indhold"),
    mimeType: "text/plain",
    fileName: "åbent bilag.txt",
    version: openFile.version,
  });
  const closedOnOpen = await attachmentService.create(system, {
    itemId: open.id,
    title: `Lukket bilag ${SECRET}`,
    access: "closed",
  });
  await uploadAttachmentContent(system, closedOnOpen.id, {
    bytes: new TextEncoder().encode(`Fortroligt ${SECRET}`),
    mimeType: "text/plain",
    version: closedOnOpen.version,
  });
  const onClosed = await attachmentService.create(system, {
    itemId: closed.id,
    title: `Bilag til lukket ${SECRET}`,
  });
  await absenceService.create(system, { itemId: closed.id, personId: people.member.id });

  let status = meeting;
  for (const to of [
    "agenda_published",
    "held",
    "minutes_draft",
    "minutes_approved",
    "minutes_published",
  ] as const) {
    status = await transitionMeeting(system, meeting.id, { to, version: status.version });
  }
  return {
    region,
    ssu,
    other,
    people,
    users,
    meeting: status,
    items: { open, closed },
    attachments: { open: openFile, closedOnOpen, onClosed },
  };
}

export type World = Awaited<ReturnType<typeof seedWorld>>;
