import { memberships } from "./demo.data.memberships.ts";
import type { Access, DemoAttachment, DemoAttendance, DemoItem, Outcome } from "./demo.types.ts";

/** Helpers shared by the meeting files: standard items, decisions, attendance and attachments. */

export type Decision = { text: string; outcome: Outcome };

type Defaulted = "access" | "caseNumbers" | "recommendations" | "absentPersonKeys" | "attachments";
export type ItemDraft = Omit<DemoItem, "number" | Defaulted> & Partial<Pick<DemoItem, Defaulted>>;

/** Numbers the items 1..n and fills in empty defaults. */
export function numbered(drafts: ItemDraft[]): DemoItem[] {
  return drafts.map((d, i) => ({
    access: "open",
    caseNumbers: [],
    recommendations: [],
    absentPersonKeys: [],
    attachments: [],
    ...d,
    number: i + 1,
  }));
}

export const approved = (text = "Godkendt."): Decision => ({ text, outcome: "approved" });
export const withRemarks = (text: string): Decision => ({ text, outcome: "approved_with_remarks" });
export const notApproved = (text: string): Decision => ({ text, outcome: "not_approved" });
export const noted = (text = "Taget til efterretning."): Decision => ({ text, outcome: "noted" });
export const discussed = (text: string): Decision => ({ text, outcome: "discussed" });
export const postponed = (text: string): Decision => ({ text, outcome: "postponed" });

/** An attachment; `.md` files become Markdown, everything else plain text. */
export function attachment(
  title: string,
  fileName: string,
  content: string,
  access: Access = "open",
): DemoAttachment {
  return {
    title,
    fileName,
    access,
    content,
    mimeType: fileName.endsWith(".md") ? "text/markdown" : "text/plain",
  };
}

/** Bullet list of "at"-clauses for an Indstilling block. */
export function indstilling(lead: string, ats: string[]): string {
  return `${lead}\n\n${ats.map((a) => `- at ${a}`).join("\n")}`;
}

const maybe = (decision?: Decision) => (decision ? { decision } : {});

export function agendaApproval(decision?: Decision): ItemDraft {
  return {
    title: "Godkendelse af dagsorden",
    kind: "standard",
    durationMinutes: 5,
    sections: {},
    ...maybe(decision),
  };
}

export function minutesApproval(
  previousMeeting: string,
  decision?: Decision,
  caseNumber?: string,
): ItemDraft {
  return {
    title: "Godkendelse af referat",
    kind: "standard",
    durationMinutes: 5,
    caseNumbers: caseNumber ? [caseNumber] : [],
    sections: {
      summary: `Referatet fra mødet ${previousMeeting} er udsendt til medlemmerne. Sekretariatet har ikke modtaget bemærkninger inden fristen.`,
    },
    recommendations: ["Sekretariatet indstiller, at referatet godkendes."],
    ...maybe(decision),
  };
}

export function writtenOrientations(
  points: string[],
  decision?: Decision,
  attachments: DemoAttachment[] = [],
): ItemDraft {
  return {
    title: "Skriftlige orienteringer",
    kind: "orientation",
    durationMinutes: 5,
    sections: {
      summary:
        "Punktet samler orienteringer, som ikke gennemgås på mødet, men som medlemmerne kan stille spørgsmål til.",
      presentation: points.map((p) => `- ${p}`).join("\n"),
    },
    recommendations: ["Sekretariatet indstiller, at orienteringerne tages til efterretning."],
    attachments,
    ...maybe(decision),
  };
}

export function announcements(points: string[], decision?: Decision): ItemDraft {
  return {
    title: "Meddelelser",
    kind: "orientation",
    durationMinutes: 10,
    sections: { presentation: points.map((p) => `- ${p}`).join("\n") },
    ...maybe(decision),
  };
}

export function nextMeetingCases(cases: string[], decision?: Decision): ItemDraft {
  return {
    title: "Sager til næste møde",
    kind: "standard",
    durationMinutes: 5,
    sections: {
      summary: "Sekretariatet har samlet de sager, der forventes at komme på dagsordenen til næste møde.",
      presentation: cases.map((c) => `- ${c}`).join("\n"),
    },
    recommendations: ["Sekretariatet indstiller, at listen over sager til næste møde godkendes."],
    ...maybe(decision),
  };
}

export function miscellaneous(decision?: Decision): ItemDraft {
  return { title: "Eventuelt", kind: "standard", durationMinutes: 5, sections: {}, ...maybe(decision) };
}

/** Persons from `fromItem` (1-based, inclusive) on, e.g. a member who left the meeting early. */
export function leftFrom<T extends ItemDraft>(drafts: T[], fromItem: number, personKeys: string[]): T[] {
  return drafts.map((d, i) =>
    i + 1 >= fromItem ? { ...d, absentPersonKeys: [...(d.absentPersonKeys ?? []), ...personKeys] } : d,
  );
}

export interface AttendanceOptions {
  afbud?: string[];
  absent?: string[];
  /** [substitute, member stood in for] */
  substitutes?: [string, string][];
  guests?: { personKey: string; items: number[]; note?: string }[];
  notes?: Record<string, string>;
}

/** Attendance for a held meeting, built from the body's active memberships (substitutes only when used). */
export function attendance(bodyKey: string, date: string, opts: AttendanceOptions = {}): DemoAttendance[] {
  const seen = new Set<string>();
  const result: DemoAttendance[] = [];
  const replaced = new Map((opts.substitutes ?? []).map(([sub, member]) => [member, sub]));
  for (const ms of memberships) {
    if (ms.bodyKey !== bodyKey || ms.role === "substitute" || ms.from > date || (ms.to && ms.to < date)) {
      continue;
    }
    if (seen.has(ms.personKey)) {
      continue;
    }
    seen.add(ms.personKey);
    const note = opts.notes?.[ms.personKey];
    let status: DemoAttendance["status"] = "present";
    if (opts.absent?.includes(ms.personKey)) {
      status = "absent";
    } else if (opts.afbud?.includes(ms.personKey) || replaced.has(ms.personKey)) {
      status = "afbud";
    }
    result.push(note ? { personKey: ms.personKey, status, note } : { personKey: ms.personKey, status });
  }
  for (const [sub, member] of opts.substitutes ?? []) {
    result.push({ personKey: sub, status: "substitute", substituteForKey: member });
  }
  for (const g of opts.guests ?? []) {
    result.push(
      g.note
        ? { personKey: g.personKey, status: "guest", guestItems: g.items, note: g.note }
        : { personKey: g.personKey, status: "guest", guestItems: g.items },
    );
  }
  return result;
}
