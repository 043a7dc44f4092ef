/** Every error code the API can answer with, and its HTTP status. Keep docs/errors.md in step. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  invalid_query: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  second_factor_required: 401,
  invalid_second_factor: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  has_dependents: 409,
  invalid_transition: 409,
  minutes_locked: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** dotted path of the field, e.g. "items.0.title" */
  path: string;
  message: string;
}

/** The one error type of the application: a code, a Danish message and optional field errors. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = fields;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} findes ikke.`);
export const forbidden = (message = "Du har ikke adgang til at gøre dette.") =>
  new AppError("forbidden", message);
export const versionConflict = () =>
  new AppError(
    "version_conflict",
    "Data er ændret af en anden, siden du hentede dem. Hent den nyeste version og prøv igen.",
  );
