import type { FastifyRequest } from "fastify";
import { AppError } from "../server/errors.ts";
import { csrfValid } from "./csrf.ts";
import type { Translate } from "./i18n.ts";

export interface UploadedFile {
  /** the file name the browser sent ("" when no file was chosen) */
  name: string;
  bytes: Uint8Array;
  /** true when the file was cut at the upload limit */
  truncated: boolean;
}

/**
 * Reads a multipart page form (a file upload) whole and checks its CSRF field before the caller
 * acts on anything: 415 when the form is not multipart, 403 when the field does not match the cookie.
 * Fields are not cut; the caller's checks say when one is too long.
 */
export async function readMultipartForm(
  req: FastifyRequest,
  t: Translate,
  notMultipart: string,
): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!req.isMultipart()) {
    throw new AppError("unsupported_media_type", notMultipart);
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  for await (const part of req.parts()) {
    if (part.type === "file") {
      const bytes = new Uint8Array(await part.toBuffer().catch(() => Buffer.alloc(0)));
      files.push({ name: part.filename ?? "", bytes, truncated: part.file.truncated });
    } else if (typeof part.value === "string") {
      fields[part.fieldname] = part.value;
    }
  }
  if (!csrfValid(req, fields._csrf)) {
    throw new AppError("forbidden", t("error.csrf"));
  }
  delete fields._csrf;
  return { fields, files };
}
