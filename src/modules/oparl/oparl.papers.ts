import { and, asc, eq, getTableColumns, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { bodies } from "../bodies/index.ts";
import { caseNumbers, cases, consultations, ROLE_LABEL_DA, resolveItems } from "../cases/index.ts";
import { canSeeItem, visibilityOf } from "../meetings/index.ts";
import { oparlDateTime } from "./oparl.dates.ts";
import { paperModified } from "./oparl.modified.ts";
import { type OparlObject, VENDOR } from "./oparl.present.ts";
import { type ListQuery, regionIs, timeConditions } from "./oparl.query.ts";
import type { Region } from "./oparl.service.ts";
import { OPARL_TYPE, type OparlUrls, SHARED_REGION_SLUG, slugify } from "./oparl.urls.ts";

type CaseRow = typeof cases.$inferSelect & { modifiedAt?: Date };
type ConsultationRow = typeof consultations.$inferSelect;

/** Only open cases are published: a case made from closed material stays unknown to the public. */
const publicCase = eq(cases.access, "open");

const bodiesOfRegion = (region: Region) =>
  sql`(select ${bodies.id} from ${bodies} where ${regionIs(bodies.region, region.region)})`;

/** A case is in a region when its deciding body or any stop of it is. */
function caseInRegion(region: Region): SQL {
  return or(
    inArray(cases.decidingBodyId, bodiesOfRegion(region)),
    inArray(
      cases.id,
      sql`(select ${consultations.caseId} from ${consultations} where ${inArray(consultations.bodyId, bodiesOfRegion(region))})`,
    ),
  ) as SQL;
}

/**
 * Consultations as the public sees them: the link to the agenda item and meeting only where the
 * public may see that item, so a case cannot reveal what a closed item was about.
 */
async function consultationObjects(
  db: DbOrTx,
  urls: OparlUrls,
  rows: ConsultationRow[],
  decidingBody: Map<number, number | null>,
) {
  const resolved = await resolveItems(db, rows);
  return rows.map((c) => {
    const hit = resolved.get(c.id);
    const sees = hit !== undefined && canSeeItem(visibilityOf(PUBLIC_ACTOR, hit.meeting), hit.item.access);
    const out: OparlObject = {
      id: urls.consultation(c.id),
      type: OPARL_TYPE("Consultation"),
      paper: urls.paper(c.caseId),
      organization: [urls.organization(c.bodyId)],
      authoritative: c.role === "decision" || decidingBody.get(c.caseId) === c.bodyId,
      role: ROLE_LABEL_DA[c.role],
      created: oparlDateTime(c.createdAt),
      modified: oparlDateTime(c.updatedAt),
      [`${VENDOR}:meetingDate`]: c.meetingDate,
      [`${VENDOR}:itemNumber`]: c.itemNumber,
    };
    if (sees && hit) {
      out.agendaItem = urls.agendaItem(hit.item.id);
      out.meeting = urls.meeting(hit.meeting.id);
    }
    return out;
  });
}

export async function consultationsOf(db: DbOrTx, urls: OparlUrls, rows: ConsultationRow[]) {
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const deciding =
    caseIds.length > 0
      ? await db
          .select({ id: cases.id, decidingBodyId: cases.decidingBodyId })
          .from(cases)
          .where(inArray(cases.id, caseIds))
      : [];
  return consultationObjects(db, urls, rows, new Map(deciding.map((d) => [d.id, d.decidingBodyId])));
}

/** A public case as an OParl Paper, its consultations embedded. */
export async function paperObjects(db: DbOrTx, urls: OparlUrls, rows: CaseRow[]): Promise<OparlObject[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) {
    return [];
  }
  const [numbers, stops, bodyRows] = await Promise.all([
    db.select().from(caseNumbers).where(inArray(caseNumbers.caseId, ids)).orderBy(asc(caseNumbers.id)),
    db
      .select()
      .from(consultations)
      .where(inArray(consultations.caseId, ids))
      .orderBy(asc(consultations.meetingDate), asc(consultations.id)),
    db.select({ id: bodies.id, region: bodies.region }).from(bodies),
  ]);
  const regionOf = new Map(bodyRows.map((b) => [b.id, b.region]));
  const embedded = await consultationObjects(
    db,
    urls,
    stops,
    new Map(rows.map((r) => [r.id, r.decidingBodyId])),
  );
  return rows.map((row) => {
    const own = stops.filter((s) => s.caseId === row.id);
    const homeBody = row.decidingBodyId ?? own[0]?.bodyId ?? null;
    const region = homeBody === null ? null : (regionOf.get(homeBody) ?? null);
    const out: OparlObject = {
      id: urls.paper(row.id),
      type: OPARL_TYPE("Paper"),
      body: urls.body(region === null ? SHARED_REGION_SLUG : slugify(region)),
      name: row.title,
      paperType: "Sag",
      consultation: embedded.filter((c) => c.paper === urls.paper(row.id)),
      created: oparlDateTime(row.createdAt),
      modified: oparlDateTime(row.modifiedAt ?? row.updatedAt),
      [`${VENDOR}:caseNumbers`]: numbers
        .filter((n) => n.caseId === row.id)
        .map((n) => ({ system: n.system, number: n.number })),
    };
    const reference = numbers.find((n) => n.caseId === row.id)?.number;
    if (reference) {
      out.reference = reference;
    }
    if (own[0]) {
      out.date = own[0].meetingDate;
    }
    if (row.decidingBodyId !== null) {
      out.underDirectionOf = [urls.organization(row.decidingBodyId)];
    }
    if (row.theme) {
      out.keyword = [row.theme];
    }
    return out;
  });
}

export async function listPaperRows(db: DbOrTx, region: Region, q: ListQuery) {
  return db
    .select({ ...getTableColumns(cases), modifiedAt: paperModified() })
    .from(cases)
    .where(
      and(
        publicCase,
        gt(cases.id, q.after),
        caseInRegion(region),
        ...timeConditions(q, cases.createdAt, paperModified()),
      ),
    )
    .orderBy(asc(cases.id))
    .limit(q.limit + 1);
}

/** Consultations of public cases, in a region or at one body. */
export async function listConsultationRows(
  db: DbOrTx,
  scope: { region: Region } | { bodyId: number },
  q: ListQuery,
) {
  const where =
    "bodyId" in scope
      ? eq(consultations.bodyId, scope.bodyId)
      : inArray(consultations.bodyId, bodiesOfRegion(scope.region));
  return db
    .select({ c: consultations })
    .from(consultations)
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(
      and(
        publicCase,
        gt(consultations.id, q.after),
        where,
        ...timeConditions(q, consultations.createdAt, consultations.updatedAt),
      ),
    )
    .orderBy(asc(consultations.id))
    .limit(q.limit + 1)
    .then((rows) => rows.map((r) => r.c));
}

export async function readPaper(db: DbOrTx, urls: OparlUrls, id: number) {
  const rows = await db
    .select({ ...getTableColumns(cases), modifiedAt: paperModified() })
    .from(cases)
    .where(and(eq(cases.id, id), publicCase));
  return (await paperObjects(db, urls, rows))[0];
}

export async function readConsultation(db: DbOrTx, urls: OparlUrls, id: number) {
  const rows = await db
    .select({ c: consultations })
    .from(consultations)
    .innerJoin(cases, eq(cases.id, consultations.caseId))
    .where(and(eq(consultations.id, id), publicCase));
  return (
    await consultationsOf(
      db,
      urls,
      rows.map((r) => r.c),
    )
  )[0];
}
