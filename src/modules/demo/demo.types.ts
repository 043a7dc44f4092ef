/**
 * The shape of the demo data set. The data itself (demo.data*.ts) is plain, fictional,
 * Danish content; demo.service.ts loads it through the same services the API uses.
 * Dates are written relative to the reference day DEMO_REFERENCE_DATE and shifted by whole
 * weeks at load time, so the demo always has past and coming meetings and weekdays stay right.
 */
export const DEMO_REFERENCE_DATE = "2026-11-23";

export type PartyType =
  | "region"
  | "municipality"
  | "hospital"
  | "psychiatry"
  | "general_practice"
  | "patient_representatives"
  | "national"
  | "other";

export type BodyKind =
  | "political_committee"
  | "administrative_steering_group"
  | "cluster_political"
  | "cluster_professional"
  | "coordination_forum"
  | "follow_group"
  | "working_group"
  | "ad_hoc_group"
  | "chair_group"
  | "municipal_forum"
  | "health_council"
  | "regional_council"
  | "regional_committee"
  | "other";

export type MembershipRole = "chair" | "vice_chair" | "member" | "secretary" | "observer" | "substitute";
export type MeetingKind = "ordinary" | "extraordinary" | "virtual" | "theme" | "seminar";
export type MeetingStatus =
  | "planned"
  | "agenda_published"
  | "held"
  | "minutes_draft"
  | "minutes_approved"
  | "minutes_published";
export type ItemKind = "decision" | "discussion" | "orientation" | "standard";
export type Outcome =
  | "approved"
  | "approved_with_remarks"
  | "not_approved"
  | "noted"
  | "discussed"
  | "postponed";
export type Access = "open" | "closed";
export type AttendanceStatus = "present" | "afbud" | "absent" | "substitute" | "guest";

/** Canonical section keys (../shared/import/FORMAT.md), without `decision`, which has its own field. */
export type SectionKey =
  | "summary"
  | "presentation"
  | "economy"
  | "coordination"
  | "approvedBy"
  | "municipalRemarks"
  | "process"
  | "previousDecisions";

export interface DemoParty {
  key: string;
  type: PartyType;
  name: string;
  region: string;
  /** Official three-digit municipality code, municipalities only. */
  municipalityCode?: string;
}

export interface DemoBody {
  key: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  region: string;
  cluster?: string;
  /** key of the body this one reports to */
  reportsTo?: string;
  mandate?: { purpose: string; from: string; to?: string; status: "active" | "standby" | "closed" };
  /** first day of the body (a fixed date, not shifted: e.g. the reform's 2027-01-01) */
  validFrom?: string;
}

export interface DemoPerson {
  key: string;
  name: string;
  /** job title, e.g. "Kommunaldirektør" */
  title?: string;
  email?: string;
}

export interface DemoMembership {
  personKey: string;
  bodyKey: string;
  partyKey: string;
  role: MembershipRole;
  from: string; // YYYY-MM-DD
  to?: string;
}

export interface DemoAttendance {
  personKey: string;
  status: AttendanceStatus;
  /** with status "substitute": the member this person stands in for */
  substituteForKey?: string;
  /** with status "guest": the item numbers the guest attends */
  guestItems?: number[];
  note?: string;
}

export interface DemoAttachment {
  title: string;
  fileName: string;
  access: Access;
  /** text content; the loader stores it as a file of the given mime type */
  content: string;
  mimeType: "text/plain" | "text/markdown";
}

export interface DemoItem {
  number: number;
  title: string;
  access: Access;
  durationMinutes?: number;
  kind: ItemKind;
  caseNumbers: string[];
  /** Markdown per section */
  sections: Partial<Record<SectionKey, string>>;
  /** each Indstilling block in order, Markdown */
  recommendations: string[];
  decision?: { text: string; outcome: Outcome };
  /** person keys absent for this item */
  absentPersonKeys: string[];
  attachments: DemoAttachment[];
}

export interface DemoMeeting {
  key: string;
  bodyKey: string;
  /** local Danish time, "YYYY-MM-DDTHH:mm" */
  start: string;
  end: string;
  location: string;
  kind: MeetingKind;
  status: MeetingStatus;
  cancelled?: boolean;
  attendance: DemoAttendance[];
  items: DemoItem[];
}

export interface DemoUser {
  email: string;
  password: string;
  name: string;
  personKey?: string;
  isAdmin?: boolean;
}

export interface DemoData {
  parties: DemoParty[];
  bodies: DemoBody[];
  persons: DemoPerson[];
  memberships: DemoMembership[];
  meetings: DemoMeeting[];
  users: DemoUser[];
}
