import { createHash } from "node:crypto";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { oidcIdentities } from "../../src/modules/auth/oidc.tables.ts";
import { runDocumentJobs } from "../../src/modules/documents/index.ts";
import { loadDemoIndicators } from "../../src/modules/indicators/index.ts";
import { publicSubscriptions } from "../../src/modules/notifications/index.ts";
import { getOwnProfile, renewCalendarToken } from "../../src/modules/notifications/profiles.service.ts";
import { requestSubscription } from "../../src/modules/notifications/subscriptions.service.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { emailChanges } from "../../src/modules/people/people.tables.ts";
import { searchSubscriptions } from "../../src/modules/search/index.ts";
import { requestSearchSubscription } from "../../src/modules/search/public-alerts.service.ts";
import { ensureClientBundle } from "../../src/server/client-bundle.ts";
import type { TestApp } from "../helpers/app.ts";
import { SECRET, seedWorld } from "../helpers/factories.ts";
import { MINUTES_TEXT, multipart } from "./requests.ts";

/** The readers of the authorization matrix and the canary; "other…" belong to another body only. */
export const ROLES = [
  "anonymous",
  "outsider",
  "otherMember",
  "otherSecretary",
  "member",
  "chair",
  "secretary",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

async function userToken(t: TestApp, email: string, personId: number | null) {
  const user = await createUser(t.system, { email, name: email, password: "korrekt-hest-batteri", personId });
  const { token } = await createApiToken(
    { db: t.system.db, actor: { ...PUBLIC_ACTOR, userId: user.id } },
    { name: "t" },
  );
  return { user, token };
}

/**
 * seedWorld (an SSU with a secretary, a chair and a member; another body; published minutes with an
 * open and a closed item) plus, through the API, one of everything else that belongs to the SSU: a
 * draft meeting with an item, attachment, absence and attendance; a case with a consultation; an
 * action; a fund with a grant; an initiative with two documents (an uploaded file, and a link to a closed
 * attachment); a working group with a mandate; an agreement with a
 * hearing, a response and a remark; a saved search, a pending import and a spare token of the member.
 */
export async function seedSecurityWorld(t: TestApp) {
  const w = await seedWorld(t.system);
  const otherPerson = await createPerson(t.system, { name: "Anne Andetsteds" });
  await createMembership(t.system, { personId: otherPerson.id, bodyId: w.other.id, role: "member" });
  const outsider = await userToken(t, "ingen@test.dk", null);
  const otherMember = await userToken(t, "andet@test.dk", otherPerson.id);
  const spare = await userToken(t, "reserve@test.dk", null);
  const tokens: Record<Role, string | undefined> = {
    anonymous: undefined,
    outsider: outsider.token,
    otherMember: otherMember.token,
    otherSecretary: w.users.outsider.token,
    member: w.users.member.token,
    chair: w.users.chair.token,
    secretary: w.users.secretary.token,
    admin: w.users.admin.token,
  };
  const admin = w.users.admin.token;
  const call = async (method: string, url: string, payload?: unknown, token = admin) => {
    const res = await t.request({ method: method as "POST", url, payload: payload as object, token });
    if (res.statusCode >= 300) {
      throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    }
    return res.json();
  };

  const draft = await call("POST", "/api/v1/meetings", { bodyId: w.ssu.id, start: "2026-09-10T10:00" });
  const draftItem = await call("POST", `/api/v1/meetings/${draft.id}/items`, {
    title: "Punkt på udkast",
    sections: { summary: "Udkast til drøftelse." },
  });
  const draftFile = await call("POST", `/api/v1/items/${draftItem.id}/attachments`, {
    title: "Bilag på udkast",
  });
  const absence = await call("POST", `/api/v1/items/${draftItem.id}/absences`, {
    personId: w.people.chair.id,
  });
  const attendance = await call("POST", `/api/v1/meetings/${draft.id}/attendance`, {
    personId: w.people.member.id,
    status: "present",
  });
  const kase = await call("POST", "/api/v1/cases", { title: "Sag om udskrivning", decidingBodyId: w.ssu.id });
  const consultation = await call("POST", `/api/v1/cases/${kase.id}/consultations`, {
    itemId: w.items.open.id,
    role: "discussion",
  });
  // A note next to a closed item follows the item: members only (issue 18.5).
  const closedConsultation = await call("POST", `/api/v1/cases/${kase.id}/consultations`, {
    itemId: w.items.closed.id,
    role: "discussion",
    note: `Notat om forhandlingen ${SECRET}`,
  });
  const action = await call("POST", "/api/v1/actions", { bodyId: w.ssu.id, text: "Indhent data" });
  const fund = await call("POST", "/api/v1/funds", { bodyId: w.ssu.id, name: "Pulje til test" });
  await call("PUT", `/api/v1/funds/${fund.id}/parties`, {
    version: fund.version,
    parties: [{ partyId: w.region.id, inKey: true }],
  });
  const grant = await call("POST", `/api/v1/funds/${fund.id}/grants`, {
    title: "Bevilling til test",
    parts: [{ partyId: w.region.id, amountOre: "100000" }],
  });
  const initiative = await call("POST", "/api/v1/initiatives", {
    title: "Kom Trygt Hjem",
    agreement: "Sundhedsaftalen",
    focusArea: "Forløb",
    scope: "pilot",
    ownerBodyId: w.ssu.id,
    targetGroup: "Ældre",
    theme: "Udskrivning",
  });
  // A public document that links to closed material (the link must not open it) and an uploaded file.
  await call("POST", `/api/v1/initiatives/${initiative.id}/documents`, {
    title: "Bilag om udskrivning",
    url: `/api/v1/attachments/${w.attachments.closedOnOpen.id}/content`,
  });
  const upload = await t.request({
    method: "POST",
    url: `/api/v1/initiatives/${initiative.id}/documents/file?fileName=projektbeskrivelse.txt`,
    payload: "Projektbeskrivelse af Kom Trygt Hjem.",
    headers: { "content-type": "text/plain" },
    token: admin,
  });
  if (upload.statusCode !== 201) {
    throw new Error(`initiative document: ${upload.statusCode} ${upload.body}`);
  }
  const initiativeDocument = upload.json();
  const group = await call("POST", "/api/v1/groups", {
    name: "Arbejdsgruppe om udskrivning",
    kind: "ad_hoc_group",
    reportsToId: w.ssu.id,
    approverBodyId: w.ssu.id,
    purpose: "Gruppen beskriver en fælles model for udskrivning af ældre patienter.",
    periodFrom: "2025-03-06",
    periodTo: "2026-12-31",
    composition: [{ seats: 2, party: "Kommunerne", competence: "Sygeplejerske", flexible: false }],
    deliverables: [{ title: "Statusnotat", dueOn: "2026-06-30" }],
    itemId: w.items.open.id,
    approved: true,
  });
  const mandateDraft = await call("POST", `/api/v1/bodies/${group.bodyId}/mandate/versions`, {
    purpose: `Revideret formål ${SECRET}`,
    periodFrom: "2025-03-06",
    periodTo: "2027-12-31",
    composition: [{ seats: 2, party: "Kommunerne", competence: "Sygeplejerske", flexible: false }],
    deliverables: [{ title: "Statusnotat", dueOn: "2027-06-30" }],
    changeNote: "Forlænget",
    on: "2025-04-01",
  });
  const agreement = await call("POST", "/api/v1/agreements", {
    title: "Samarbejdsaftale om udskrivning",
    kind: "cooperation_agreement",
    theme: "Ældre og akut",
    ownerBodyId: w.ssu.id,
    firstVersion: { label: "Udkast", text: "# Aftalen\n\nUdkast." },
  });
  const withHearing = await call("POST", `/api/v1/agreements/${agreement.id}/hearings`, {
    startsOn: "2025-03-10",
    endsOn: "2025-05-01",
    invitees: [{ partyId: w.region.id }],
  });
  const hearing = withHearing.hearings[0];
  await call("POST", `/api/v1/hearings/${hearing.id}/responses`, {
    partyId: w.region.id,
    receivedOn: "2025-04-20",
    text: "Vi savner en tydelig tovholder.",
    splitText: true,
  });
  const ratification = await call("POST", `/api/v1/agreements/${agreement.id}/ratification`, {
    kind: "municipal_council",
    name: "Testkyst Kommunalbestyrelse",
    deadline: "2027-06-30",
  });
  const ratificationStep = ratification.steps[0].id as number;
  const full = await call("GET", `/api/v1/agreements/${agreement.id}`);
  for (const url of [
    `/api/v1/ratification-steps/${ratificationStep}/content?fileName=godkendelse.txt`,
    `/api/v1/agreement-versions/${full.versions[0].id}/content?fileName=aftale.txt`,
    `/api/v1/hearing-responses/${full.hearings[0].responses[0].id}/content?fileName=svar.txt`,
  ]) {
    const put = await t.request({
      method: "PUT",
      url,
      payload: "Et dokument.",
      headers: { "content-type": "text/plain" },
      token: admin,
    });
    if (put.statusCode !== 200) {
      throw new Error(`${url}: ${put.statusCode} ${put.body}`);
    }
  }
  const response = full.hearings[0].responses[0];
  const saved = await call(
    "POST",
    "/api/v1/saved-searches",
    { name: "Aftaler", query: "aftale" },
    tokens.member,
  );
  const spareToken = await call("POST", "/api/v1/tokens", { name: "reserve" }, tokens.member);
  const sparePerson = await createPerson(t.system, { name: "Rasmus Reserve" });
  const spareMembership = await createMembership(t.system, { personId: sparePerson.id, bodyId: w.ssu.id });
  const pending = await t.request({
    method: "POST",
    url: `/api/v1/imports?bodyId=${w.ssu.id}`,
    ...multipart("referat.txt", MINUTES_TEXT),
    token: tokens.secretary,
  });
  if (pending.statusCode !== 201) {
    throw new Error(`import: ${pending.statusCode} ${pending.body}`);
  }
  // A meeting published through the API, so that its documents are frozen (publication hooks run).
  const pub = await call("POST", "/api/v1/meetings", { bodyId: w.ssu.id, start: "2025-04-03T10:00" });
  await call("POST", `/api/v1/meetings/${pub.id}/items`, { title: "Åbent punkt", decisionText: "Godkendt." });
  await call("POST", `/api/v1/meetings/${pub.id}/items`, {
    title: `Lukket punkt ${SECRET}`,
    access: "closed",
    sections: { summary: `Resumé ${SECRET}` },
    decisionText: `Beslutning ${SECRET}`,
  });
  let version = pub.version;
  for (const to of ["agenda_published", "held", "minutes_draft", "minutes_approved", "minutes_published"]) {
    // The chair approves: the admin drafted, and nobody approves their own draft (issue 18.3).
    const by = to === "minutes_approved" ? w.users.chair.token : admin;
    version = (await call("POST", `/api/v1/meetings/${pub.id}/transition`, { to, version }, by)).version;
  }
  // The documents are frozen by a background job after the commit: run it now.
  await runDocumentJobs(t.system.db);
  const documents = await call("GET", `/api/v1/meetings/${pub.id}/documents`);
  // Indicators: the demo's fictional ones (public), and a snapshot on the published open item.
  await loadDemoIndicators(t.system);
  const snapshot = await call("POST", `/api/v1/items/${w.items.open.id}/indicator-snapshots`, {
    indicatorCodes: ["demo-genindlaeggelser"],
    areas: [{ kind: "region", code: "demo-vestkyst" }],
    fromPeriod: "2022",
    toPeriod: "2026",
  });
  // Secret-token links: the member's calendar and unsubscribe tokens, a public subscription's token.
  const memberCtx = { db: t.system.db, actor: { ...PUBLIC_ACTOR, userId: w.users.member.user.id } };
  const calendarToken = await renewCalendarToken(memberCtx);
  const unsubscribeToken = (await getOwnProfile(memberCtx)).unsubscribeToken;
  await requestSubscription(
    t.system.db,
    { email: "abonnent@test.dk", bodyId: w.ssu.id, locale: "da" },
    "http://localhost",
  );
  const [subscription] = await t.system.db.select().from(publicSubscriptions);
  await requestSearchSubscription(
    t.system.db,
    { email: "soeger@test.dk", query: "genoptræning", filters: {}, locale: "da" },
    "http://localhost",
  );
  const [searchSubscription] = await t.system.db.select().from(searchSubscriptions);
  // A pending e-mail change (as the mailed link would carry it: only the token's SHA-256 is stored).
  const emailToken = "sikkerhedstest-e-mail-noegle-0123456789";
  await t.system.db.insert(emailChanges).values({
    personId: sparePerson.id,
    email: "ny-adresse@test.dk",
    tokenHash: createHash("sha256").update(emailToken).digest("hex"),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  // Two first logins through a provider, waiting for an admin or a secretariat.
  const pendingIdentities = await t.system.db
    .insert(oidcIdentities)
    .values(
      ["a", "b"].map((x) => ({ provider: "rv", issuer: "https://rv.test", subject: x, name: `Ny ${x}` })),
    )
    .returning({ id: oidcIdentities.id });
  // A reorganisation not yet in force (so it can be undone): a spare party closes in 2030.
  const closing = await createParty(t.system, { type: "region", name: "Region Reserve", region: "Reserve" });
  const reorgInput = {
    kind: "close",
    title: "Region Reserve nedlægges",
    effectiveDate: "2030-01-01",
    links: [{ predecessor: { kind: "party", id: closing.id }, successors: [] }],
  };
  const preview = await call("POST", "/api/v1/reorganisations/preview", reorgInput);
  const reorganisation = await call("POST", "/api/v1/reorganisations", {
    ...reorgInput,
    previewDigest: preview.digest,
  });
  // An obligation fanned out from the closed item to the working group (issue 22): its text is closed
  // material, for the SSU's and the group's members only; no reader of the canary belongs to the group.
  const obligation = await call("POST", `/api/v1/items/${w.items.closed.id}/obligations`, {
    text: `Forpligtelse ${SECRET}`,
    deadline: "2027-01-01",
    returns: "answer",
    addressees: { bodyIds: [group.bodyId] },
  });
  // Its report, and the group's answer with a file (the admin answers for the group): closed bytes too.
  const putText = async (url: string, text: string) => {
    const res = await t.request({
      method: "PUT",
      url,
      payload: text,
      headers: { "content-type": "text/plain" },
      token: admin,
    });
    if (res.statusCode !== 200) {
      throw new Error(`PUT ${url}: ${res.statusCode} ${res.body}`);
    }
    return res.json();
  };
  await putText(`/api/v1/obligations/${obligation.id}/report?fileName=rapport.txt`, `Rapport ${SECRET}`);
  const answered = await putText(
    `/api/v1/obligations/${obligation.id}/answers/file?bodyId=${group.bodyId}&fileName=svar.txt`,
    `Svar ${SECRET}`,
  );
  // A closed chair decision put to the SSU's chair (issue 21): its text is closed material, for the SSU's
  // members only.
  const matter = await call("POST", "/api/v1/matters", {
    bodyId: w.ssu.id,
    procedure: "chair_decision",
    title: `Formandssag ${SECRET}`,
    text: `Sagsfremstilling ${SECRET}`,
    question: `Det indstilles, at ${SECRET} godkendes.`,
    access: "closed",
  });
  const matterFile = await t.request({
    method: "POST",
    url: `/api/v1/matters/${matter.id}/attachments?fileName=notat.txt`,
    payload: `Notat ${SECRET}`,
    headers: { "content-type": "text/plain" },
    token: admin,
  });
  if (matterFile.statusCode !== 201) {
    throw new Error(`POST matter attachment: ${matterFile.statusCode} ${matterFile.body}`);
  }
  const oparlBodies = await call("GET", "/oparl/v1.1/body");
  const bundle = await ensureClientBundle();
  const entry = [...bundle.entries.values()][0];
  return {
    w,
    tokens,
    spareUser: spare.user,
    sparePerson: sparePerson.id,
    spareMembership: spareMembership.id,
    pendingImport: pending.json().id as number,
    documentId: (documents[0]?.id ?? documents.items?.[0]?.id) as number,
    publishedViaApi: pub.id as number,
    script: `/static/js/${bundle.hash}/${entry?.file ?? ""}`,
    oparlBody: String(oparlBodies.data[0].id).split("/").at(-1) as string,
    indicator: "demo-genindlaeggelser",
    area: { kind: "region", code: "demo-vestkyst" },
    snapshot: snapshot.id as number,
    calendarToken,
    emailToken,
    unsubscribeToken: unsubscribeToken as string,
    subscriptionToken: subscription?.token as string,
    searchSubscriptionToken: searchSubscription?.token as string,
    pendingIdentities: pendingIdentities.map((p) => p.id),
    reorganisation: reorganisation.id as number,
    obligation: obligation.id as number,
    obligationAddressee: answered.addressees[0].id as number,
    matter: matter.id as number,
    matterAttachment: matterFile.json().id as number,
    ratificationStep,
    ids: {
      draftMeeting: draft,
      draftItem,
      draftFile,
      absence,
      attendance,
      case: kase,
      consultation,
      closedConsultation,
      action,
      fund,
      grant,
      initiative,
      initiativeDocument,
      group: group.bodyId as number,
      mandateVersion: mandateDraft.versions.find((v: { approvedOn: string | null }) => !v.approvedOn),
      agreement: full,
      agreementVersion: full.versions[0],
      hearing,
      response,
      remark: response.remarks[0],
      saved,
      spareToken,
    },
  };
}

export type SecurityWorld = Awaited<ReturnType<typeof seedSecurityWorld>>;
