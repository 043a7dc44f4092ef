import { z } from "zod";
import { ZId, ZName, ZRowMeta, ZText } from "../../server/schemas.ts";

/**
 * Why an address cannot be a document's link, in Danish; null when it can. Accepted: an absolute
 * http(s) address with a host and no user name or password, or a page of Tværs itself ("/indsatser/kort").
 * Anything else (javascript:, data:, file:, "//host", spaces, control characters) is refused. Pure.
 */
export function linkProblem(value: string): string | null {
  if (value === "") {
    return "Skal udfyldes.";
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(value)) {
    return "Adressen må ikke indeholde mellemrum, omvendte skråstreger eller styretegn.";
  }
  if (value.startsWith("/")) {
    return value.startsWith("//") ? "Skriv adressen med https:// foran." : null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Skriv en hel adresse, der begynder med https:// eller http:// (eller en side i Tværs, der begynder med /).";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return "Kun adresser, der begynder med https:// eller http://, kan bruges.";
  }
  if (!url.hostname) {
    return "Adressen mangler et værtsnavn.";
  }
  if (url.username || url.password) {
    return "Adressen må ikke indeholde brugernavn eller adgangskode.";
  }
  return null;
}

export const ZDocumentUrl = z
  .string()
  .trim()
  .max(2000, "Højst 2000 tegn.")
  .superRefine((value, ctx) => {
    const problem = linkProblem(value);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
    }
  })
  .describe("https:// eller http://, eller en side i Tværs (/…)");

export const ZDocumentLinkInput = z.strictObject({
  title: ZName,
  url: ZDocumentUrl,
});

export const ZDocumentFileQuery = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, "Skal udfyldes.")
    .max(255, "Højst 255 tegn.")
    .describe("filens navn med endelse (pdf, docx, xlsx, odt, txt, png, jpg); endelsen bestemmer typen"),
  title: ZText(300).optional().describe("standard: filens navn uden endelse"),
});

export const ZDocumentParams = z.strictObject({ id: ZId, documentId: ZId });

export const ZInitiativeDocument = z.object({
  ...ZRowMeta,
  initiativeId: z.number().int(),
  title: z.string(),
  kind: z.enum(["link", "file"]).describe("et link eller en fil lagt op i Tværs"),
  url: z.string().nullable().describe("linkets adresse; null for en fil"),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  size: z.number().int().nullable().describe("bytes"),
  sha256: z.string().nullable(),
  contentUrl: z.string().nullable().describe("hvor filen hentes (API); null for et link"),
});

export type TInitiativeDocument = z.infer<typeof ZInitiativeDocument>;
export type TDocumentLinkInput = z.infer<typeof ZDocumentLinkInput>;
