import { and, asc, eq, exists, getTableColumns, gt, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { storedFiles } from "../files/index.ts";
import {
  agendaItems,
  attachments,
  meetings,
  presentAttachment,
  visibleMeetingsWhere,
} from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { memberships, persons } from "../people/index.ts";
import {
  agendaItemModified,
  fileModified,
  meetingModified,
  organizationModified,
  personModified,
} from "./oparl.modified.ts";
import { consultationsOf, listConsultationRows, listPaperRows, paperObjects } from "./oparl.papers.ts";
import { locationKey, type OparlObject, presentFile, presentLocation } from "./oparl.present.ts";
import {
  type ListQuery,
  matchesTimes,
  mergePage,
  regionIs,
  timeConditions,
  tombstones,
} from "./oparl.query.ts";
import {
  deletedObject,
  itemObjects,
  meetingObject,
  membershipObject,
  organizationObject,
  partyObject,
  personObject,
  type Region,
} from "./oparl.service.ts";
import type { OparlUrls } from "./oparl.urls.ts";

export interface Page {
  data: OparlObject[];
  /** cursor of the next page, or null on the last */
  next: string | null;
}

const cursorOf = (n: number | null) => (n === null ? null : String(n));

/** The public can see an agenda once it is published: meetings in any later status. */
/** OParl is public: the meetings whose agenda the public may see (the shared rule, meetings/visibility.ts). */
const agendaPublic = visibleMeetingsWhere(PUBLIC_ACTOR) as SQL;

async function pageOf<T extends { id: number }>(
  db: DbOrTx,
  q: ListQuery,
  table: string,
  type: string,
  idOf: (id: string) => string,
  live: T[],
  present: (rows: T[]) => Promise<OparlObject[]>,
): Promise<Page> {
  const { entries, next } = mergePage(live, await tombstones(db, table, q), q.limit);
  const liveRows = entries.flatMap((e) => ("live" in e ? [e.live] : []));
  const presented = new Map((await present(liveRows)).map((o, i) => [liveRows[i]?.id ?? -1, o]));
  const data = entries.map((e) =>
    "live" in e
      ? (presented.get(e.live.id) as OparlObject)
      : deletedObject(idOf(String(e.dead.id)), type, e.dead.deletedAt, e.dead.createdAt),
  );
  return { data, next: cursorOf(next) };
}

/** Bodies of the region, then the parties of the region; the cursor says which part we are in. */
export async function listOrganizations(
  db: DbOrTx,
  urls: OparlUrls,
  region: Region,
  q: ListQuery,
  cursor: string,
) {
  const inParties = cursor.startsWith("p");
  const data: OparlObject[] = [];
  let next: string | null = null;
  if (!inParties) {
    const rows = await db
      .select({ ...getTableColumns(bodies), modifiedAt: organizationModified() })
      .from(bodies)
      .where(
        and(
          regionIs(bodies.region, region.region),
          gt(bodies.id, q.after),
          ...timeConditions(q, bodies.createdAt, organizationModified()),
        ),
      )
      .orderBy(asc(bodies.id))
      .limit(q.limit + 1);
    const page = await pageOf(
      db,
      q,
      "bodies",
      "Organization",
      (id) => urls.organization(Number(id)),
      rows,
      (r) => Promise.all(r.map((b) => organizationObject(db, urls, b))),
    );
    data.push(...page.data);
    if (page.next !== null) {
      return { data, next: page.next };
    }
  }
  const room = q.limit - data.length;
  if (room <= 0) {
    return { data, next: "p0" };
  }
  const after = inParties ? Number(cursor.slice(1)) || 0 : 0;
  const rows = await db
    .select()
    .from(parties)
    .where(
      and(
        regionIs(parties.region, region.region),
        gt(parties.id, after),
        ...timeConditions(q, parties.createdAt, parties.updatedAt),
      ),
    )
    .orderBy(asc(parties.id))
    .limit(room + 1);
  data.push(...rows.slice(0, room).map((p) => partyObject(urls, p)));
  if (rows.length > room) {
    next = `p${rows[room - 1]?.id}`;
  }
  return { data, next };
}

const inRegionBody = (region: Region, bodyId: typeof memberships.bodyId | typeof meetings.bodyId) =>
  inArray(bodyId, sql`(select ${bodies.id} from ${bodies} where ${regionIs(bodies.region, region.region)})`);

export async function listPersons(db: DbOrTx, urls: OparlUrls, region: Region, q: ListQuery): Promise<Page> {
  const rows = await db
    .select({ ...getTableColumns(persons), modifiedAt: personModified() })
    .from(persons)
    .where(
      and(
        gt(persons.id, q.after),
        exists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(and(eq(memberships.personId, persons.id), inRegionBody(region, memberships.bodyId))),
        ),
        ...timeConditions(q, persons.createdAt, personModified()),
      ),
    )
    .orderBy(asc(persons.id))
    .limit(q.limit + 1);
  return pageOf(
    db,
    q,
    "persons",
    "Person",
    (id) => urls.person(Number(id)),
    rows,
    (r) => Promise.all(r.map((p) => personObject(db, urls, p))),
  );
}

export async function listMemberships(
  db: DbOrTx,
  urls: OparlUrls,
  region: Region,
  q: ListQuery,
): Promise<Page> {
  const rows = await db
    .select()
    .from(memberships)
    .where(
      and(
        gt(memberships.id, q.after),
        inRegionBody(region, memberships.bodyId),
        ...timeConditions(q, memberships.createdAt, memberships.updatedAt),
      ),
    )
    .orderBy(asc(memberships.id))
    .limit(q.limit + 1);
  return pageOf(
    db,
    q,
    "memberships",
    "Membership",
    (id) => urls.membership(Number(id)),
    rows,
    async (r) => r.map((m) => membershipObject(urls, m)),
  );
}

/** Meetings of a region, or of one body when `bodyId` is given. */
export async function listMeetings(
  db: DbOrTx,
  urls: OparlUrls,
  scope: { region: Region } | { bodyId: number },
  q: ListQuery,
): Promise<Page> {
  const where: SQL | undefined =
    "bodyId" in scope ? eq(meetings.bodyId, scope.bodyId) : inRegionBody(scope.region, meetings.bodyId);
  const rows = await db
    .select({ ...getTableColumns(meetings), modifiedAt: meetingModified() })
    .from(meetings)
    .where(and(gt(meetings.id, q.after), where, ...timeConditions(q, meetings.createdAt, meetingModified())))
    .orderBy(asc(meetings.id))
    .limit(q.limit + 1);
  return pageOf(
    db,
    q,
    "meetings",
    "Meeting",
    (id) => urls.meeting(Number(id)),
    rows,
    (r) => Promise.all(r.map((m) => meetingObject(db, urls, m))),
  );
}

export async function listAgendaItems(
  db: DbOrTx,
  urls: OparlUrls,
  region: Region,
  q: ListQuery,
): Promise<Page> {
  const rows = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(
      and(
        gt(agendaItems.id, q.after),
        agendaPublic,
        inRegionBody(region, meetings.bodyId),
        ...timeConditions(q, agendaItems.createdAt, agendaItemModified()),
      ),
    )
    .orderBy(asc(agendaItems.id))
    .limit(q.limit + 1);
  return pageOf(
    db,
    q,
    "agenda_items",
    "AgendaItem",
    (id) => urls.agendaItem(Number(id)),
    rows,
    (r) =>
      itemObjects(
        db,
        urls,
        r.map((x) => x.id),
      ),
  );
}

/** Attachments with a file on open items of published agendas, themselves open. */
export function publicFileConditions(): SQL[] {
  return [
    agendaPublic,
    eq(agendaItems.access, "open"),
    eq(attachments.access, "open"),
    isNotNull(attachments.sha256),
  ];
}

export async function fileRows(db: DbOrTx, where: (SQL | undefined)[], limit: number) {
  return db
    .select({
      attachment: attachments,
      meetingId: meetings.id,
      sha512: storedFiles.sha512,
      modified: fileModified(),
    })
    .from(attachments)
    .innerJoin(agendaItems, eq(agendaItems.id, attachments.itemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(storedFiles, eq(storedFiles.sha256, attachments.sha256))
    .where(and(...publicFileConditions(), ...where))
    .orderBy(asc(attachments.id))
    .limit(limit);
}

export async function listFiles(db: DbOrTx, urls: OparlUrls, region: Region, q: ListQuery): Promise<Page> {
  const rows = await fileRows(
    db,
    [
      gt(attachments.id, q.after),
      inRegionBody(region, meetings.bodyId),
      ...timeConditions(q, attachments.createdAt, fileModified()),
    ],
    q.limit + 1,
  );
  const live = rows.map((r) => ({ ...r, id: r.attachment.id }));
  return pageOf(db, q, "attachments", "File", urls.file, live, async (r) =>
    r.map((x) =>
      presentFile(urls, presentAttachment(x.attachment), {
        meetingId: x.meetingId,
        sha512: x.sha512,
        modified: x.modified,
      }),
    ),
  );
}

type PlaceRow = { id: number; location: string | null; createdAt: Date; updatedAt: Date };

/** Meeting places by their text, each with its meetings (derived objects: created and modified from them). */
function placesOf(urls: OparlUrls, rows: PlaceRow[]) {
  const byText = new Map<string, PlaceRow[]>();
  for (const r of rows) {
    const text = (r.location as string).trim();
    byText.set(text, [...(byText.get(text) ?? []), r]);
  }
  return [...byText].map(([text, at]) => {
    const created = new Date(Math.min(...at.map((r) => r.createdAt.getTime())));
    const modified = new Date(Math.max(...at.map((r) => r.updatedAt.getTime())));
    const object = presentLocation(
      urls,
      text,
      at.map((r) => r.id),
      { created, modified },
    );
    return { object, created, modified };
  });
}

const placeColumns = {
  id: meetings.id,
  location: meetings.location,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
};

/** Distinct meeting places of the region (derived objects: no paging state beyond a key). */
export async function listLocations(
  db: DbOrTx,
  urls: OparlUrls,
  region: Region,
  q: ListQuery,
): Promise<Page> {
  const rows = await db
    .select(placeColumns)
    .from(meetings)
    .where(and(isNotNull(meetings.location), inRegionBody(region, meetings.bodyId)))
    .orderBy(asc(meetings.id));
  const places = placesOf(urls, rows).filter((p) => matchesTimes(q, p.created, p.modified));
  return { data: places.map((p) => p.object), next: null };
}

/** One location by its key, with every meeting held there. */
export async function findLocation(
  db: DbOrTx,
  urls: OparlUrls,
  key: string,
): Promise<OparlObject | undefined> {
  const rows = await db
    .select(placeColumns)
    .from(meetings)
    .where(isNotNull(meetings.location))
    .orderBy(asc(meetings.id));
  const hits = rows.filter((r) => locationKey(r.location as string) === key);
  return placesOf(urls, hits)[0]?.object;
}

export async function listPapers(db: DbOrTx, urls: OparlUrls, region: Region, q: ListQuery): Promise<Page> {
  const rows = await listPaperRows(db, region, q);
  return pageOf(
    db,
    q,
    "cases",
    "Paper",
    (id) => urls.paper(Number(id)),
    rows,
    (r) => paperObjects(db, urls, r),
  );
}

export async function listConsultations(
  db: DbOrTx,
  urls: OparlUrls,
  scope: { region: Region } | { bodyId: number },
  q: ListQuery,
): Promise<Page> {
  const rows = await listConsultationRows(db, scope, q);
  return pageOf(
    db,
    q,
    "consultations",
    "Consultation",
    (id) => urls.consultation(Number(id)),
    rows,
    (r) => consultationsOf(db, urls, r),
  );
}
