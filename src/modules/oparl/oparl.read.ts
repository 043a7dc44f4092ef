import { and, desc, eq, getTableColumns } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { bodies } from "../bodies/index.ts";
import { attachments, meetings, presentAttachment } from "../meetings/index.ts";
import { parties } from "../parties/index.ts";
import { memberships, persons } from "../people/index.ts";
import { documentIdOf, readDocumentFile } from "./oparl.documents.ts";
import { fileRows } from "./oparl.lists.ts";
import { meetingModified, organizationModified, personModified } from "./oparl.modified.ts";
import { readConsultation, readPaper } from "./oparl.papers.ts";
import { type OparlObject, presentFile } from "./oparl.present.ts";
import {
  deletedObject,
  itemObjects,
  meetingObject,
  membershipObject,
  organizationObject,
  partyObject,
  personObject,
} from "./oparl.service.ts";
import { deletedObjects } from "./oparl.tables.ts";
import type { OparlUrls } from "./oparl.urls.ts";

export type OparlList =
  | "organization"
  | "person"
  | "membership"
  | "meeting"
  | "agendaitem"
  | "file"
  | "paper"
  | "consultation";

const TABLE: Record<OparlList, { table: string; type: string }> = {
  organization: { table: "bodies", type: "Organization" },
  person: { table: "persons", type: "Person" },
  membership: { table: "memberships", type: "Membership" },
  meeting: { table: "meetings", type: "Meeting" },
  agendaitem: { table: "agenda_items", type: "AgendaItem" },
  file: { table: "attachments", type: "File" },
  paper: { table: "cases", type: "Paper" },
  consultation: { table: "consultations", type: "Consultation" },
};

const numericId = (id: string) => (/^\d{1,10}$/.test(id) ? Number(id) : null);

/** One object as the public sees it; undefined when it does not exist or is not public. */
export async function readObject(db: DbOrTx, urls: OparlUrls, kind: OparlList, rawId: string) {
  const party = kind === "organization" ? /^party-(\d{1,10})$/.exec(rawId) : null;
  if (party) {
    const [row] = await db
      .select()
      .from(parties)
      .where(eq(parties.id, Number(party[1])));
    return row ? partyObject(urls, row) : undefined;
  }
  if (kind === "file" && documentIdOf(rawId) !== null) {
    return readDocumentFile(db, urls, documentIdOf(rawId) as number);
  }
  const id = numericId(rawId);
  if (id === null) {
    return undefined;
  }
  const readers: Record<OparlList, () => Promise<OparlObject | undefined>> = {
    organization: async () => {
      const [row] = await db
        .select({ ...getTableColumns(bodies), modifiedAt: organizationModified() })
        .from(bodies)
        .where(eq(bodies.id, id));
      return row ? organizationObject(db, urls, row) : undefined;
    },
    person: async () => {
      const [row] = await db
        .select({ ...getTableColumns(persons), modifiedAt: personModified() })
        .from(persons)
        .where(eq(persons.id, id));
      return row ? personObject(db, urls, row) : undefined;
    },
    membership: async () => {
      const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
      return row ? membershipObject(urls, row) : undefined;
    },
    meeting: async () => {
      const [row] = await db
        .select({ ...getTableColumns(meetings), modifiedAt: meetingModified() })
        .from(meetings)
        .where(eq(meetings.id, id));
      return row ? meetingObject(db, urls, row) : undefined;
    },
    agendaitem: async () => (await itemObjects(db, urls, [id]))[0],
    paper: () => readPaper(db, urls, id),
    consultation: () => readConsultation(db, urls, id),
    file: async () => {
      const [row] = await fileRows(db, [eq(attachments.id, id)], 1);
      return row
        ? presentFile(urls, presentAttachment(row.attachment), {
            meetingId: row.meetingId,
            sha512: row.sha512,
            modified: row.modified,
          })
        : undefined;
    },
  };
  return readers[kind]();
}

/** The tombstone of a deleted object, as OParl asks for ids that once existed. */
export async function deletedObjectAt(db: DbOrTx, urls: OparlUrls, kind: OparlList, rawId: string) {
  const id = numericId(rawId);
  if (id === null) {
    return undefined;
  }
  const { table, type } = TABLE[kind];
  const [row] = await db
    .select()
    .from(deletedObjects)
    .where(and(eq(deletedObjects.tableName, table), eq(deletedObjects.rowId, id)))
    .orderBy(desc(deletedObjects.deletedAt))
    .limit(1);
  const idOf: Record<OparlList, (n: number) => string> = {
    organization: urls.organization,
    person: urls.person,
    membership: urls.membership,
    meeting: urls.meeting,
    agendaitem: urls.agendaItem,
    file: (n) => urls.file(String(n)),
    paper: urls.paper,
    consultation: urls.consultation,
  };
  return row ? deletedObject(idOf[kind](id), type, row.deletedAt, row.createdAt) : undefined;
}
