/**
 * eDoc's publication package: `eDocAgendaPublishing.xml` (Meeting → MeetingAgendaTypes →
 * MeetingAgendaType per access, "Åben dagsorden"/"Lukket dagsorden" → MeetingAgendaItem with the
 * item's Document, its Attachments and the item's FullText) beside the PDFs it names. The item text
 * is the manifest's FullText, split at its labels; no PDF is read. See docs/import-packages.md.
 */
import type { ImportItem, ImportResult } from "./import.schemas.ts";
import { sectionOfLabel } from "./lexicon.ts";
import {
  type Access,
  isoStart,
  itemFromFields,
  type PackageAttachment,
  type PackageField,
} from "./package-items.ts";
import { kid, kids, textOf, type XmlNode } from "./package-xml.ts";
import { treatmentOf } from "./treatment.ts";

const PUBLISH = "skal publiceres";
/** eDoc's per-item absence line; the names (if any) follow it. */
const ABSENT = /^følgende deltog ikke i behandlingen af punktet$/i;

/** "Lukket dagsorden" and an item or attachment that is not to be published are closed. */
function accessOf(agendaType: string, publishingType: string): Access {
  if (/lukket/i.test(agendaType)) {
    return "closed";
  }
  return publishingType === "" || publishingType.toLowerCase() === PUBLISH ? "open" : "closed";
}

/** An item's FullText split at its label lines (Sammendrag, Indstilling, "<udvalg>s beslutning den …"). */
export function fieldsOfFullText(text: string): {
  caseNumbers: string[];
  fields: PackageField[];
  absent: string[];
} {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\f/g, "\n").split("\n");
  const caseNumbers: string[] = [];
  const fields: PackageField[] = [];
  const absent: string[] = [];
  let current: PackageField | null = null;
  let absentOpen = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    const caseNo = /^sag(?:s)?nr\.?\s*:?\s*([\w./-]+)/i.exec(line);
    if (caseNo && !current) {
      caseNumbers.push(caseNo[1] as string);
      continue;
    }
    const label = line.replace(/:$/, "");
    if (
      line !== "" &&
      line.length <= 160 &&
      (treatmentOf(line) || sectionOfLabel(label) || ABSENT.test(label))
    ) {
      absentOpen = ABSENT.test(label) || sectionOfLabel(label) === "absent";
      current = { heading: line, text: "" };
      fields.push(current);
      continue;
    }
    if (absentOpen && line !== "") {
      absent.push(line);
      continue;
    }
    if (current) {
      current.text += `${raw.trim()}\n`;
    }
  }
  for (const f of fields) {
    f.text = f.text.replace(/\n{3,}/g, "\n\n").trim();
  }
  return { caseNumbers, fields, absent };
}

function attachmentsOf(doc: XmlNode | undefined, agendaType: string): PackageAttachment[] {
  return kids(kid(doc, "Attachments"), "Attachment").map((a) => {
    const mayPublish = a.attrs.MaaPubliceres;
    const closedByFlag = mayPublish !== undefined && !/^(true|1|ja)$/i.test(mayPublish);
    const access = closedByFlag ? "closed" : accessOf(agendaType, textOf(a, "PublishingType"));
    const file = textOf(a, "PDFDocument");
    return { title: textOf(a, "Title") || textOf(a, "NeutralTitle") || file, access, file: file || null };
  });
}

/** Reads an eDoc manifest into the dry-run result. */
export function readEdoc(
  root: XmlNode,
  source: string,
  locate: (text: string) => string | null,
): ImportResult {
  const start = isoStart(textOf(root, "MeetingDate"));
  const state = textOf(root, "MeetingState");
  const items: ImportItem[] = [];
  const warnings: string[] = [];
  let location: string | null = null;
  for (const type of kids(kid(root, "MeetingAgendaTypes"), "MeetingAgendaType")) {
    const agendaType = textOf(type, "AgendaType");
    const fullText = textOf(type, "FullText");
    if (location === null && fullText !== "") {
      try {
        location = locate(fullText);
      } catch {
        warnings.push("Mødestedet kunne ikke læses af manifestets tekst.");
      }
    }
    for (const entry of kids(kid(type, "MeetingAgendaItems"), "MeetingAgendaItem")) {
      const doc = kid(entry, "Document");
      const number = Number(textOf(entry, "AgendaItemNumber"));
      if (!Number.isInteger(number) || number < 0) {
        warnings.push(
          `Et punkt uden gyldigt nummer er sprunget over ("${textOf(doc, "Title").slice(0, 80)}").`,
        );
        continue;
      }
      const parsed = fieldsOfFullText(kid(entry, "FullText")?.text ?? "");
      const item = itemFromFields({
        number,
        title: textOf(doc, "Title") || textOf(doc, "NeutralTitle"),
        access: accessOf(agendaType, textOf(doc, "PublishingType")),
        caseNumbers: parsed.caseNumbers,
        fields: parsed.fields,
        meetingDate: start,
        attachments: attachmentsOf(doc, agendaType),
      });
      items.push({ ...item, absent: parsed.absent });
    }
  }
  items.sort((a, b) => a.number - b.number);
  return {
    source,
    format: "package",
    kind: /referat/i.test(state) ? "minutes" : "agenda",
    body: textOf(root, "Committee") || null,
    start,
    location,
    caseNumbers: [],
    items,
    warnings,
  };
}
