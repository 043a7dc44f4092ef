import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { getById } from "../../db/crud.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { storedFiles } from "../files/index.ts";
import { agendaItems, attendance, meetings, presentItemsByIds, STATUS_LABEL_DA } from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { memberships, type persons } from "../people/index.ts";
import {
  BODY_KIND_DA,
  type OparlObject,
  PARTY_TYPE_DA,
  presentAgendaItem,
  presentFile,
  presentLocation,
  ROLE_DA,
  VENDOR,
} from "./oparl.present.ts";
import { regionIs } from "./oparl.query.ts";
import { OPARL_TYPE, type OparlUrls, SHARED_REGION_SLUG, slugify } from "./oparl.urls.ts";

/** OParl is a public interface: everything here is read as the public reads it. */
const PUBLIC = PUBLIC_ACTOR;
type BodyRow = typeof bodies.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;
type PersonRow = typeof persons.$inferSelect;
type MembershipRow = typeof memberships.$inferSelect;
type PartyRow = typeof parties.$inferSelect;

export interface Region {
  slug: string;
  name: string;
  /** the region text on bodies and parties; null for bodies without one */
  region: string | null;
}

export const deletedObject = (id: string, type: string, at: Date): OparlObject => ({
  id,
  type: OPARL_TYPE(type),
  deleted: true,
  modified: at.toISOString(),
});

/** The OParl bodies: one per region named on our bodies, plus one for bodies without a region. */
export async function listRegions(db: DbOrTx): Promise<Region[]> {
  const rows = await db
    .selectDistinct({ region: bodies.region })
    .from(bodies)
    .union(db.selectDistinct({ region: parties.region }).from(parties));
  return rows
    .map((r) => r.region)
    .sort((a, b) => (a ?? "").localeCompare(b ?? "", "da"))
    .map((region) =>
      region === null
        ? { slug: SHARED_REGION_SLUG, name: "Fælles fora", region: null }
        : { slug: slugify(region), name: region, region },
    );
}

export async function findRegion(db: DbOrTx, slug: string): Promise<Region | undefined> {
  return (await listRegions(db)).find((r) => r.slug === slug);
}

/** Danish regional council terms run four years from 1 January after the November election. */
export function legislativeTerms(urls: OparlUrls, region: Region, years: { from: number; to: number }) {
  const first = years.from - ((((years.from - 2022) % 4) + 4) % 4);
  const terms: OparlObject[] = [];
  for (let start = first; start <= years.to; start += 4) {
    terms.push({
      id: urls.legislativeTerm(region.slug, start),
      type: OPARL_TYPE("LegislativeTerm"),
      body: urls.body(region.slug),
      name: `Valgperiode ${start}–${start + 3}`,
      startDate: `${start}-01-01`,
      endDate: `${start + 3}-12-31`,
    });
  }
  return terms;
}

export async function meetingYears(db: DbOrTx, region: Region) {
  const [row] = await db
    .select({
      from: sql<number>`coalesce(min(extract(year from ${meetings.start})), extract(year from now()))::int`,
      to: sql<number>`coalesce(max(extract(year from ${meetings.start})), extract(year from now()))::int`,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(regionIs(bodies.region, region.region));
  const now = new Date().getFullYear();
  return { from: Number(row?.from ?? now), to: Number(row?.to ?? now) };
}

export async function regionObject(db: DbOrTx, urls: OparlUrls, region: Region): Promise<OparlObject> {
  const list = (name: string) => urls.regionList(region.slug, name);
  return {
    id: urls.body(region.slug),
    type: OPARL_TYPE("Body"),
    system: urls.system(),
    name: region.name,
    classification: region.region === null ? "Fælles fora" : "Region",
    organization: list("organization"),
    person: list("person"),
    meeting: list("meeting"),
    paper: list("paper"),
    agendaItem: list("agendaitem"),
    consultation: list("consultation"),
    file: list("file"),
    locationList: list("location"),
    legislativeTermList: list("legislativeterm"),
    membership: list("membership"),
    legislativeTerm: legislativeTerms(urls, region, await meetingYears(db, region)),
    web: urls.site,
  };
}

export async function organizationObject(db: DbOrTx, urls: OparlUrls, body: BodyRow): Promise<OparlObject> {
  const members = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.bodyId, body.id))
    .orderBy(asc(memberships.id));
  const org: OparlObject = {
    id: urls.organization(body.id),
    type: OPARL_TYPE("Organization"),
    body: urls.body(body.region === null ? SHARED_REGION_SLUG : slugify(body.region)),
    name: body.name,
    membership: members.map((m) => urls.membership(m.id)),
    meeting: urls.organizationMeetings(body.id),
    consultation: urls.organizationConsultations(body.id),
    organizationType: "Gremium",
    classification: BODY_KIND_DA[body.kind] ?? body.kind,
    web: urls.webBody(body.id),
    created: body.createdAt.toISOString(),
    modified: body.updatedAt.toISOString(),
    [`${VENDOR}:kind`]: body.kind,
    [`${VENDOR}:mandateStatus`]: body.mandateStatus,
  };
  if (body.shortName) {
    org.shortName = body.shortName;
  }
  if (body.reportsToId !== null) {
    org.subOrganizationOf = urls.organization(body.reportsToId);
  }
  if (body.mandateFrom) {
    org.startDate = body.mandateFrom;
  }
  if (body.mandateTo) {
    org.endDate = body.mandateTo;
  }
  if (body.mandatePurpose) {
    org[`${VENDOR}:mandatePurpose`] = body.mandatePurpose;
  }
  if (body.cluster) {
    org[`${VENDOR}:cluster`] = body.cluster;
  }
  return org;
}

export function partyObject(urls: OparlUrls, party: PartyRow): OparlObject {
  const org: OparlObject = {
    id: urls.party(party.id),
    type: OPARL_TYPE("Organization"),
    body: urls.body(party.region === null ? SHARED_REGION_SLUG : slugify(party.region)),
    name: party.name,
    organizationType: "Sonstiges",
    classification: PARTY_TYPE_DA[party.type] ?? party.type,
    created: party.createdAt.toISOString(),
    modified: party.updatedAt.toISOString(),
    [`${VENDOR}:partyType`]: party.type,
  };
  if (party.municipalityCode) {
    org[`${VENDOR}:municipalityCode`] = party.municipalityCode;
  }
  return org;
}

export function membershipObject(urls: OparlUrls, m: MembershipRow): OparlObject {
  const out: OparlObject = {
    id: urls.membership(m.id),
    type: OPARL_TYPE("Membership"),
    person: urls.person(m.personId),
    organization: urls.organization(m.bodyId),
    role: ROLE_DA[m.role] ?? m.role,
    votingRight: m.role === "chair" || m.role === "vice_chair" || m.role === "member",
    created: m.createdAt.toISOString(),
    modified: m.updatedAt.toISOString(),
  };
  if (m.from) {
    out.startDate = m.from;
  }
  if (m.to) {
    out.endDate = m.to;
  }
  if (m.partyId !== null) {
    out.onBehalfOf = urls.party(m.partyId);
  }
  return out;
}

export async function personObject(db: DbOrTx, urls: OparlUrls, p: PersonRow): Promise<OparlObject> {
  const rows = await db
    .select()
    .from(memberships)
    .where(eq(memberships.personId, p.id))
    .orderBy(asc(memberships.id));
  const firstBody = rows[0] ? await getById<BodyRow>(db, bodies, rows[0].bodyId, "Forummet") : undefined;
  const parts = p.name.trim().split(/\s+/);
  const out: OparlObject = {
    id: urls.person(p.id),
    type: OPARL_TYPE("Person"),
    name: p.name,
    familyName: parts.length > 1 ? (parts.at(-1) as string) : p.name,
    givenName: parts.length > 1 ? parts.slice(0, -1).join(" ") : "",
    membership: rows.map((m) => membershipObject(urls, m)),
    web: urls.webPerson(p.id),
    created: p.createdAt.toISOString(),
    modified: p.updatedAt.toISOString(),
  };
  if (firstBody) {
    out.body = urls.body(firstBody.region === null ? SHARED_REGION_SLUG : slugify(firstBody.region));
  }
  if (p.title) {
    out.title = [p.title];
  }
  return out;
}

/** Agenda items as the public sees them, with their public files embedded. */
export async function itemObjects(db: DbOrTx, urls: OparlUrls, ids: number[], starts: Map<number, string>) {
  const items = await presentItemsByIds({ db, actor: PUBLIC }, ids);
  const shas = items
    .flatMap((i) => i.attachments.map((a) => a.sha256))
    .filter((s): s is string => s !== null);
  const sha512 = new Map(
    shas.length > 0
      ? (
          await db
            .select({ sha256: storedFiles.sha256, sha512: storedFiles.sha512 })
            .from(storedFiles)
            .where(inArray(storedFiles.sha256, shas))
        ).map((r) => [r.sha256, r.sha512])
      : [],
  );
  return items.map((item) =>
    presentAgendaItem(urls, item, {
      start: starts.get(item.meetingId) ?? null,
      files: item.attachments
        .filter((a) => a.hasFile)
        .map((a) =>
          presentFile(urls, a, { meetingId: item.meetingId, sha512: sha512.get(a.sha256 ?? "") ?? null }),
        ),
    }),
  );
}

export async function meetingObject(db: DbOrTx, urls: OparlUrls, m: MeetingRow): Promise<OparlObject> {
  const itemIds = (
    await db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, m.id))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id))
  ).map((r) => r.id);
  const items = await itemObjects(db, urls, itemIds, new Map([[m.id, m.start.toISOString()]]));
  const body = await getById<BodyRow>(db, bodies, m.bodyId, "Forummet");
  const out: OparlObject = {
    id: urls.meeting(m.id),
    type: OPARL_TYPE("Meeting"),
    name: m.title ?? `${body.shortName ?? body.name}, møde ${m.start.toISOString().slice(0, 10)}`,
    meetingState: STATUS_LABEL_DA[m.status],
    cancelled: m.cancelled,
    start: m.start.toISOString(),
    organization: [urls.organization(m.bodyId)],
    agendaItem: items,
    web: urls.webMeeting(m.id),
    created: m.createdAt.toISOString(),
    modified: m.updatedAt.toISOString(),
    [`${VENDOR}:status`]: m.status,
    [`${VENDOR}:kind`]: m.kind,
  };
  if (m.end) {
    out.end = m.end.toISOString();
  }
  if (m.location) {
    out.location = presentLocation(urls, m.location, [m.id]);
  }
  if (m.status === "minutes_published") {
    const present = await db
      .select({ personId: attendance.personId })
      .from(attendance)
      .where(and(eq(attendance.meetingId, m.id), inArray(attendance.status, ["present", "substitute"])))
      .orderBy(asc(attendance.personId));
    out.participant = present.map((p) => urls.person(p.personId));
  }
  return out;
}
