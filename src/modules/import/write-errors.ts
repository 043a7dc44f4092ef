import { AppError, type ErrorCode } from "../../server/errors.ts";

/** Why a parsed document cannot be written, in Danish and English, with the API code it answers with. */
export const WRITE_ERRORS = {
  no_meeting_date: {
    status: "validation_failed",
    path: "result.start",
    da: "Dokumentet har ingen mødedato, så mødet kan hverken findes eller oprettes – angiv datoen",
    en: "The document has no meeting date, so the meeting can be neither found nor created – give the date",
  },
  no_body: {
    status: "validation_failed",
    path: "bodyId",
    da: "Dokumentet nævner ikke, hvilket forum mødet hører til – angiv forummet (--body)",
    en: "The document does not say which body the meeting belongs to – give the body (--body)",
  },
  unknown_body: {
    status: "forbidden",
    path: "bodyId",
    da: "Forummet findes ikke, og kun en administrator kan oprette det",
    en: "The body does not exist, and only an administrator can create it",
  },
  body_not_found: {
    status: "not_found",
    path: "bodyId",
    da: "Forummet findes ikke",
    en: "The body does not exist",
  },
  memo_without_items: {
    status: "validation_failed",
    path: "result.kind",
    da: "Et notat uden punkter hører ikke til et møde og kan ikke skrives i databasen",
    en: "A memo without items belongs to no meeting and cannot be written to the database",
  },
  minutes_in_future: {
    status: "validation_failed",
    path: "result.start",
    da: "Referatet er dateret i fremtiden – tjek mødedatoen",
    en: "The minutes are dated in the future – check the meeting date",
  },
} as const satisfies Record<string, { status: ErrorCode; path: string; da: string; en: string }>;

export type WriteErrorCode = keyof typeof WRITE_ERRORS;

/** An AppError (Danish, for the API) that also knows its English text and importer code (for the CLI). */
export class ImportWriteError extends AppError {
  readonly importCode: WriteErrorCode;
  readonly messageEn: string;

  constructor(code: WriteErrorCode, detail?: string) {
    const spec = WRITE_ERRORS[code];
    const suffix = detail ? ` (${detail})` : "";
    super(spec.status, `${spec.da}${suffix}`, [{ path: spec.path, message: `${spec.da}${suffix}` }]);
    this.importCode = code;
    this.messageEn = `${spec.en}${suffix}`;
  }
}
