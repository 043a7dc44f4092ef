/**
 * Acadre's publication package: `XML_<agenda>.xml` (committee, meeting, agenda and its produced
 * agendas, each with a `filesfolder`) and, in that folder, the produced agenda's own XML
 * (`<xmlFusionID>.XML`: agenda → committee → meeting → agendaitemparents → agendaitem with its
 * bullets and enclosures) beside the enclosure files. Every record is `<table name="…"><fields>
 * <field name="…">value</field>` (the item file) or `<field key="value">` (the outer file).
 */
import type { ImportItem, ImportResult } from "./import.schemas.ts";
import { type Access, htmlText, isoStart, itemFromFields, type PackageAttachment } from "./package-items.ts";
import { descendants, kids, type XmlNode } from "./package-xml.ts";

/** The tables named so among the node's children. */
const tables = (node: XmlNode | undefined, name: string) =>
  kids(node, "table").filter((t) => t.attrs.name === name);

/**
 * A record's fields. The item file writes `<field name="k">v</field>`, the outer file `<field k="v"/>`;
 * a record with any text is of the first kind.
 */
export function fieldsOf(table: XmlNode | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const fields = kids(table, "fields").flatMap((f) => kids(f, "field"));
  const named = fields.some((f) => f.text.trim() !== "");
  for (const f of fields) {
    if (named) {
      if (f.attrs.name !== undefined && !out.has(f.attrs.name)) {
        out.set(f.attrs.name, f.text.trim());
      }
      continue;
    }
    for (const [k, v] of Object.entries(f.attrs)) {
      if (!out.has(k)) {
        out.set(k, v);
      }
    }
  }
  return out;
}

/** The produced agenda the package publishes: its XML file and files folder (minutes before agenda). */
export function producedAgendaOf(outer: XmlNode): { xml: string; folder: string; minutes: boolean } | null {
  const produced = tables(outer, "producedAgenda")[0];
  const records = kids(produced, "fields").map((f) => fieldsOf({ ...produced, children: [f] } as XmlNode));
  const usable = records.filter((r) => r.get("filesfolder") && r.get("xmlFusionID"));
  const chosen = usable.find((r) => r.get("type") === "2") ?? usable[usable.length - 1];
  if (!chosen) {
    return null;
  }
  return {
    xml: `${chosen.get("filesfolder")}/${chosen.get("xmlFusionID")}.xml`,
    folder: chosen.get("filesfolder") as string,
    minutes: chosen.get("type") === "2",
  };
}

/** Acadre access: 1 (Åben) is open; any other value, or an access name other than "Åben", closed. */
function accessOf(fields: Map<string, string>): Access {
  const name = fields.get("accessname");
  if (name) {
    return /^åben/i.test(name) ? "open" : "closed";
  }
  return fields.get("access") === "1" ? "open" : "closed";
}

/** Reads an Acadre item XML (with its files folder) into the dry-run result. */
export function readAcadre(inner: XmlNode, folder: string, minutes: boolean, source: string): ImportResult {
  const agenda = tables(inner, "agenda")[0];
  const committee = fieldsOf(tables(agenda, "committee")[0]);
  const meeting = fieldsOf(
    tables(agenda, "meeting")[0] ?? tables(tables(agenda, "committee")[0], "meeting")[0],
  );
  const start = isoStart(meeting.get("date") ?? "");
  const agendaName = fieldsOf(agenda).get("name") ?? "";
  const items: ImportItem[] = [];
  const warnings: string[] = [];
  for (const parent of descendants(inner, "table").filter((t) => t.attrs.name === "agendaitemparents")) {
    const sort = Number(fieldsOf(parent).get("sort"));
    for (const itemTable of tables(parent, "agendaitem")) {
      const f = fieldsOf(itemTable);
      const bullets = tables(itemTable, "bullet")
        .map(fieldsOf)
        .sort((a, b) => Number(a.get("bulletsortorder")) - Number(b.get("bulletsortorder")));
      const attachments: PackageAttachment[] = tables(itemTable, "enclosure")
        .map(fieldsOf)
        .sort((a, b) => Number(a.get("sort")) - Number(b.get("sort")))
        .map((e) => ({
          title: e.get("name") ?? e.get("filename") ?? "Bilag",
          access: accessOf(e),
          file: e.get("filename") ? `${folder}/${e.get("filename")}` : null,
        }));
      if (!Number.isInteger(sort)) {
        warnings.push(
          `Punktet "${(f.get("name") ?? "").slice(0, 80)}" har intet nummer og er sprunget over.`,
        );
        continue;
      }
      items.push(
        itemFromFields({
          number: sort,
          title: f.get("name") ?? "",
          access: accessOf(f),
          caseNumbers: f.get("caseno") ? [f.get("caseno") as string] : [],
          fields: bullets.map((b) => ({
            heading: b.get("bulletname") ?? "",
            text: htmlText(b.get("bulletcontent") ?? ""),
          })),
          meetingDate: start,
          attachments,
        }),
      );
    }
  }
  items.sort((a, b) => a.number - b.number);
  return {
    source,
    format: "package",
    kind: minutes || /referat/i.test(agendaName) ? "minutes" : "agenda",
    body: committee.get("name") ?? null,
    start,
    location: meeting.get("location") || null,
    caseNumbers: [],
    items,
    warnings,
  };
}
