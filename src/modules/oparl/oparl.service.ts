import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { getById } from "../../db/crud.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { storedFiles } from "../files/index.ts";
import {
  agendaItems,
  attachments,
  attendance,
  meetings,
  presentItemsByIds,
  STATUS_LABEL_DA,
} from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { memberships, type persons } from "../people/index.ts";
import { oparlDateTime } from "./oparl.dates.ts";
import { meetingDocumentFields } from "./oparl.documents.ts";
import { agendaItemModified, fileModified } from "./oparl.modified.ts";
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
type BodyRow = WithModified<typeof bodies.$inferSelect>;
type MeetingRow = WithModified<typeof meetings.$inferSelect>;
type PersonRow = WithModified<typeof persons.$inferSelect>;
type MembershipRow = typeof memberships.$inferSelect;
type PartyRow = typeof parties.$inferSelect;

export interface Region {
  slug: string;
  name: string;
  /** the region text on bodies and parties; null for bodies without one */
  region: string | null;
}

/** A deleted object keeps id, type and created (spec 2-08); modified is when it went. */
export function deletedObject(id: string, type: string, at: Date, created: Date | null): OparlObject {
  const out: OparlObject = { id, type: OPARL_TYPE(type) };
  if (created) {
    out.created = oparlDateTime(created);
  }
  out.modified = oparlDateTime(at);
  out.deleted = true;
  return out;
}

/** Rows as the lists read them: with the time embedded objects last changed (oparl.modified.ts). */
type WithModified<T> = T & { modifiedAt?: Date };

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

interface RegionTimes {
  /** years of the region's first and last meeting (this year when there are none) */
  from: number;
  to: number;
  /** the region's meetings: first created, last changed (null without meetings) */
  meetingsCreated: Date | null;
  meetingsModified: Date | null;
  /** the region's bodies and parties: first created, last changed */
  created: Date | null;
  modified: Date | null;
}

const maxDate = (...ds: Array<Date | null>) =>
  ds.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
const minDate = (...ds: Array<Date | null>) =>
  ds.reduce<Date | null>((a, b) => (b && (!a || b < a) ? b : a), null);

async function regionTimes(db: DbOrTx, region: Region): Promise<RegionTimes> {
  const [[m], [b], [p]] = await Promise.all([
    db
      .select({
        from: sql<number>`min(extract(year from ${meetings.start}))::int`,
        to: sql<number>`max(extract(year from ${meetings.start}))::int`,
        created: sql<Date | null>`min(${meetings.createdAt})`.mapWith(meetings.createdAt),
        modified: sql<Date | null>`max(${meetings.updatedAt})`.mapWith(meetings.updatedAt),
      })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(regionIs(bodies.region, region.region)),
    db
      .select({
        created: sql<Date | null>`min(${bodies.createdAt})`.mapWith(bodies.createdAt),
        modified: sql<Date | null>`max(${bodies.updatedAt})`.mapWith(bodies.updatedAt),
      })
      .from(bodies)
      .where(regionIs(bodies.region, region.region)),
    db
      .select({
        created: sql<Date | null>`min(${parties.createdAt})`.mapWith(parties.createdAt),
        modified: sql<Date | null>`max(${parties.updatedAt})`.mapWith(parties.updatedAt),
      })
      .from(parties)
      .where(regionIs(parties.region, region.region)),
  ]);
  const now = new Date().getFullYear();
  return {
    from: m?.from ? Number(m.from) : now,
    to: m?.to ? Number(m.to) : now,
    meetingsCreated: m?.created ?? null,
    meetingsModified: m?.modified ?? null,
    created: minDate(b?.created ?? null, p?.created ?? null),
    modified: maxDate(b?.modified ?? null, p?.modified ?? null),
  };
}

/**
 * Danish regional council terms run four years from 1 January after the November election. Terms are
 * derived from the region's meetings, so they carry the meetings' first creation and last change.
 */
export async function legislativeTerms(db: DbOrTx, urls: OparlUrls, region: Region, given?: RegionTimes) {
  const times = given ?? (await regionTimes(db, region));
  const first = times.from - ((((times.from - 2022) % 4) + 4) % 4);
  const created = times.meetingsCreated ?? times.created;
  const modified = times.meetingsModified ?? times.modified;
  const terms: OparlObject[] = [];
  for (let start = first; start <= times.to; start += 4) {
    const term: OparlObject = {
      id: urls.legislativeTerm(region.slug, start),
      type: OPARL_TYPE("LegislativeTerm"),
      body: urls.body(region.slug),
      name: `Valgperiode ${start}–${start + 3}`,
      startDate: `${start}-01-01`,
      endDate: `${start + 3}-12-31`,
    };
    if (created && modified) {
      term.created = oparlDateTime(created);
      term.modified = oparlDateTime(modified);
    }
    terms.push(term);
  }
  return terms;
}

/** A region as an OParl Body; its times are those of its bodies, parties and meetings. */
export async function regionObject(
  db: DbOrTx,
  urls: OparlUrls,
  region: Region,
  info: { license: string; contactEmail: string | undefined },
): Promise<OparlObject> {
  const list = (name: string) => urls.regionList(region.slug, name);
  const times = await regionTimes(db, region);
  const out: OparlObject = {
    id: urls.body(region.slug),
    type: OPARL_TYPE("Body"),
    system: urls.system(),
    name: region.name,
    license: info.license,
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
    legislativeTerm: await legislativeTerms(db, urls, region, times),
    web: urls.site,
  };
  if (info.contactEmail) {
    out.contactEmail = info.contactEmail;
  }
  const created = minDate(times.created, times.meetingsCreated);
  const modified = maxDate(times.modified, times.meetingsModified);
  if (created && modified) {
    out.created = oparlDateTime(created);
    out.modified = oparlDateTime(modified);
  }
  return out;
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
    created: oparlDateTime(body.createdAt),
    modified: oparlDateTime(body.modifiedAt ?? body.updatedAt),
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
  // A closed body ends on its last day (a reorganisation); otherwise its mandate's end, if any.
  if (body.validTo ?? body.mandateTo) {
    org.endDate = body.validTo ?? body.mandateTo;
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
    created: oparlDateTime(party.createdAt),
    modified: oparlDateTime(party.updatedAt),
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
    created: oparlDateTime(m.createdAt),
    modified: oparlDateTime(m.updatedAt),
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
    created: oparlDateTime(p.createdAt),
    modified: oparlDateTime(p.modifiedAt ?? p.updatedAt),
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
export async function itemObjects(db: DbOrTx, urls: OparlUrls, ids: number[]) {
  const items = await presentItemsByIds({ db, actor: PUBLIC }, ids);
  const shas = items
    .flatMap((i) => i.attachments.map((a) => a.sha256))
    .filter((s): s is string => s !== null);
  const fileIds = items.flatMap((i) => i.attachments.map((a) => a.id));
  const [sha512Rows, itemTimes, fileTimes] = await Promise.all([
    shas.length > 0
      ? db
          .select({ sha256: storedFiles.sha256, sha512: storedFiles.sha512 })
          .from(storedFiles)
          .where(inArray(storedFiles.sha256, shas))
      : [],
    ids.length > 0
      ? db
          .select({ id: agendaItems.id, modified: agendaItemModified() })
          .from(agendaItems)
          .where(inArray(agendaItems.id, ids))
      : [],
    fileIds.length > 0
      ? db
          .select({ id: attachments.id, modified: fileModified() })
          .from(attachments)
          .innerJoin(agendaItems, eq(agendaItems.id, attachments.itemId))
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .where(inArray(attachments.id, fileIds))
      : [],
  ]);
  const sha512 = new Map(sha512Rows.map((r) => [r.sha256, r.sha512]));
  const itemModified = new Map(itemTimes.map((r) => [r.id, r.modified]));
  const fileModifiedAt = new Map(fileTimes.map((r) => [r.id, r.modified]));
  return items.map((item) =>
    presentAgendaItem(urls, item, {
      modified: itemModified.get(item.id),
      files: item.attachments
        .filter((a) => a.hasFile)
        .map((a) =>
          presentFile(urls, a, {
            meetingId: item.meetingId,
            sha512: sha512.get(a.sha256 ?? "") ?? null,
            modified: fileModifiedAt.get(a.id),
          }),
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
  const [items, documents] = await Promise.all([
    itemObjects(db, urls, itemIds),
    meetingDocumentFields(db, urls, m.id),
  ]);
  const body = await getById<BodyRow>(db, bodies, m.bodyId, "Forummet");
  const out: OparlObject = {
    id: urls.meeting(m.id),
    type: OPARL_TYPE("Meeting"),
    name: m.title ?? `${body.shortName ?? body.name}, møde ${oparlDateTime(m.start).slice(0, 10)}`,
    meetingState: STATUS_LABEL_DA[m.status],
    cancelled: m.cancelled,
    start: oparlDateTime(m.start),
    organization: [urls.organization(m.bodyId)],
    agendaItem: items,
    ...documents,
    web: urls.webMeeting(m.id),
    created: oparlDateTime(m.createdAt),
    modified: oparlDateTime(m.modifiedAt ?? m.updatedAt),
    [`${VENDOR}:status`]: m.status,
    [`${VENDOR}:kind`]: m.kind,
  };
  if (m.end) {
    out.end = oparlDateTime(m.end);
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
