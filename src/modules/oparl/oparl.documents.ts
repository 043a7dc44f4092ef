import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { listMeetingDocuments, publishedDocuments } from "../documents/index.ts";
import { oparlDateTime } from "./oparl.dates.ts";
import type { OparlObject } from "./oparl.present.ts";
import { OPARL_TYPE, type OparlUrls } from "./oparl.urls.ts";

/**
 * A meeting's published agenda and minutes as OParl files: the frozen public editions only, read
 * through the documents module (which decides what the public may see of them).
 */
type Published = Awaited<ReturnType<typeof listMeetingDocuments>>[number];

const DOCUMENT_PREFIX = "document-";
const MIME: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};
const NAME_DA: Record<string, string> = { agenda: "Dagsorden", minutes: "Referat" };
const FILE_DA: Record<string, string> = { agenda: "dagsorden", minutes: "referat" };

/** The id of a published document in a file key such as "document-12"; null for other keys. */
export function documentIdOf(key: string): number | null {
  const m = /^document-(\d{1,10})$/.exec(key);
  return m ? Number(m[1]) : null;
}

function documentFile(urls: OparlUrls, d: Published): OparlObject {
  const key = `${DOCUMENT_PREFIX}${d.id}`;
  return {
    id: urls.file(key),
    type: OPARL_TYPE("File"),
    name: `${NAME_DA[d.kind]} (offentlig udgave, version ${d.number}, ${d.format.toUpperCase()})`,
    fileName: `${FILE_DA[d.kind]}-${d.meetingId}-v${d.number}.${d.format}`,
    mimeType: MIME[d.format],
    size: d.size,
    accessUrl: urls.fileAccess(key),
    downloadUrl: urls.fileDownload(key),
    meeting: [urls.meeting(d.meetingId)],
    created: oparlDateTime(d.createdAt),
    modified: oparlDateTime(d.createdAt),
  };
}

/** The public editions the public may read, newest version first. */
async function publicEditions(db: DbOrTx, meetingId: number): Promise<Published[]> {
  const all = await listMeetingDocuments({ db, actor: PUBLIC_ACTOR }, meetingId);
  return all.filter((d) => d.edition === "public");
}

/**
 * `invitation` (the agenda as PDF), `resultsProtocol` (the minutes as PDF) and `auxiliaryFile` (the
 * Word versions), each the latest published version; fields without a document are left out.
 */
export async function meetingDocumentFields(db: DbOrTx, urls: OparlUrls, meetingId: number) {
  const latest = new Map<string, Published>();
  for (const d of await publicEditions(db, meetingId)) {
    const key = `${d.kind}.${d.format}`;
    if (!latest.has(key)) {
      latest.set(key, d);
    }
  }
  const fields: Record<string, unknown> = {};
  const agenda = latest.get("agenda.pdf");
  const minutes = latest.get("minutes.pdf");
  if (agenda) {
    fields.invitation = documentFile(urls, agenda);
  }
  if (minutes) {
    fields.resultsProtocol = documentFile(urls, minutes);
  }
  const word = ["agenda.docx", "minutes.docx"].flatMap((k) => {
    const d = latest.get(k);
    return d ? [documentFile(urls, d)] : [];
  });
  if (word.length > 0) {
    fields.auxiliaryFile = word;
  }
  return fields;
}

/** One published document as an OParl file, if the public may read it. */
export async function readDocumentFile(db: DbOrTx, urls: OparlUrls, id: number) {
  const [row] = await db
    .select({ meetingId: publishedDocuments.meetingId })
    .from(publishedDocuments)
    .where(eq(publishedDocuments.id, id));
  if (!row) {
    return undefined;
  }
  const doc = (await publicEditions(db, row.meetingId)).find((d) => d.id === id);
  return doc ? documentFile(urls, doc) : undefined;
}
