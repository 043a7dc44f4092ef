import { createHash } from "node:crypto";
import { STATUS_LABEL_DA } from "../meetings/index.ts";
import type { TAttachmentMeta, TItem } from "../meetings/items.schemas.ts";
import { oparlDateTime } from "./oparl.dates.ts";
import { OPARL_TYPE, type OparlUrls } from "./oparl.urls.ts";

/** Our own fields that OParl lacks travel with this vendor prefix, as the specification allows. */
export const VENDOR = "tvaers";

export type OparlObject = Record<string, unknown> & { id: string; type: string };

const SECTION_ORDER = [
  "summary",
  "presentation",
  "municipalRemarks",
  "economy",
  "process",
  "coordination",
  "approvedBy",
  "previousDecisions",
] as const;

export const OUTCOME_DA: Record<string, string> = {
  approved: "Godkendt",
  approved_with_remarks: "Godkendt med bemærkninger",
  not_approved: "Ikke godkendt",
  noted: "Taget til efterretning",
  discussed: "Drøftet",
  postponed: "Udsat",
};

export const ROLE_DA: Record<string, string> = {
  chair: "Formand",
  vice_chair: "Næstformand",
  member: "Medlem",
  secretary: "Sekretær",
  observer: "Observatør",
  substitute: "Stedfortræder",
};

/** A meeting status's Danish label: the meetings module's labels (from the message catalogue). */
export const STATUS_DA: Record<string, string> = STATUS_LABEL_DA;

export const BODY_KIND_DA: Record<string, string> = {
  political_committee: "Politisk udvalg",
  administrative_steering_group: "Administrativ styregruppe",
  cluster_political: "Sundhedsklynge, politisk niveau",
  cluster_professional: "Sundhedsklynge, fagligt strategisk niveau",
  coordination_forum: "Koordinationsforum",
  follow_group: "Følgegruppe",
  working_group: "Arbejdsgruppe",
  ad_hoc_group: "Ad hoc-gruppe",
  chair_group: "Formandskab",
  municipal_forum: "Kommunalt forum",
  other: "Andet forum",
};

export const PARTY_TYPE_DA: Record<string, string> = {
  region: "Region",
  municipality: "Kommune",
  hospital: "Sygehus",
  psychiatry: "Psykiatri",
  general_practice: "Almen praksis",
  patient_representatives: "Patient- og pårørenderepræsentanter",
  national: "National aktør",
  other: "Anden part",
};

/** A stable key for a free-text meeting place. */
export function locationKey(text: string): string {
  return createHash("sha1").update(text.trim().toLowerCase()).digest("hex").slice(0, 16);
}

export function presentLocation(
  urls: OparlUrls,
  text: string,
  meetingIds: number[],
  times?: { created: Date; modified: Date },
): OparlObject {
  const out: OparlObject = {
    id: urls.location(locationKey(text)),
    type: OPARL_TYPE("Location"),
    description: text,
    meetings: meetingIds.map(urls.meeting),
  };
  if (times) {
    out.created = oparlDateTime(times.created);
    out.modified = oparlDateTime(times.modified);
  }
  return out;
}

/** A file for an attachment the public may see (the caller has checked visibility). */
export function presentFile(
  urls: OparlUrls,
  a: TAttachmentMeta,
  extra: { meetingId: number; sha512: string | null; modified?: Date | undefined },
): OparlObject {
  const key = String(a.id);
  const file: OparlObject = {
    id: urls.file(key),
    type: OPARL_TYPE("File"),
    name: a.title,
    accessUrl: urls.fileAccess(key),
    downloadUrl: urls.fileDownload(key),
    meeting: [urls.meeting(extra.meetingId)],
    agendaItem: [urls.agendaItem(a.itemId)],
    created: oparlDateTime(a.createdAt),
    modified: oparlDateTime(extra.modified ?? a.updatedAt),
  };
  if (a.fileName) {
    file.fileName = a.fileName;
  }
  if (a.mimeType) {
    file.mimeType = a.mimeType;
  }
  if (a.size !== null) {
    file.size = a.size;
  }
  if (extra.sha512) {
    file.sha512Checksum = extra.sha512;
  }
  return file;
}

/**
 * An agenda item as the public sees it. A closed item stays in the list with `public: false`, its
 * number and order and nothing else: the numbering of the minutes stays whole, the content closed.
 */
export function presentAgendaItem(
  urls: OparlUrls,
  item: TItem,
  opts: { files: OparlObject[]; modified?: Date | undefined },
): OparlObject {
  const base: OparlObject = {
    id: urls.agendaItem(item.id),
    type: OPARL_TYPE("AgendaItem"),
    meeting: urls.meeting(item.meetingId),
    number: String(item.number),
    order: item.position,
    public: !item.redacted,
    created: oparlDateTime(item.createdAt),
    modified: oparlDateTime(opts.modified ?? item.updatedAt),
  };
  if (item.redacted) {
    return base;
  }
  const sections = Object.fromEntries(
    SECTION_ORDER.filter((k) => item.sections[k]).map((k) => [k, item.sections[k]]),
  );
  const out: OparlObject = {
    ...base,
    name: item.title,
    web: `${urls.webMeeting(item.meetingId)}#punkt-${item.number}`,
    [`${VENDOR}:kind`]: item.kind,
    [`${VENDOR}:sections`]: sections,
    [`${VENDOR}:recommendations`]: item.recommendations,
    [`${VENDOR}:caseNumbers`]: item.caseNumbers,
  };
  if (item.durationMinutes !== null) {
    out[`${VENDOR}:durationMinutes`] = item.durationMinutes;
  }
  if (item.outcome) {
    out.result = OUTCOME_DA[item.outcome] ?? item.outcome;
    out[`${VENDOR}:outcome`] = item.outcome;
  }
  if (item.decisionText) {
    out.resolutionText = item.decisionText;
  }
  if (opts.files.length > 0) {
    out.auxiliaryFile = opts.files;
  }
  const titlesOnly = item.attachments.filter((a) => !a.hasFile).map((a) => a.title);
  if (titlesOnly.length > 0) {
    out[`${VENDOR}:attachmentTitles`] = titlesOnly;
  }
  return out;
}
