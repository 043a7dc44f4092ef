/** Stable error codes of the importer, each with a Danish and an English message a user can act on. */
export const IMPORT_ERRORS = {
  empty_file: { da: "Filen er tom", en: "The file is empty" },
  file_too_large: {
    da: "Filen er for stor til at blive importeret",
    en: "The file is too large to import",
  },
  file_not_found: { da: "Filen findes ikke", en: "The file does not exist" },
  read_error: { da: "Filen kunne ikke læses", en: "The file could not be read" },
  unsupported_format: {
    da: "Filformatet genkendes ikke – brug PDF, Word (DOCX), HTML, Markdown eller tekst",
    en: "The file format is not recognised – use PDF, Word (DOCX), HTML, Markdown or text",
  },
  pdf_invalid: {
    da: "PDF'en er beskadiget eller ufuldstændig og kan ikke læses",
    en: "The PDF is damaged or incomplete and cannot be read",
  },
  pdf_encrypted: {
    da: "PDF'en er beskyttet med adgangskode – gem en udgave uden kryptering",
    en: "The PDF is password protected – save a copy without encryption",
  },
  pdf_no_text_layer: {
    da: "PDF'en har intet tekstlag – den er sandsynligvis scannet",
    en: "The PDF has no text layer – it is probably scanned",
  },
  docx_invalid: {
    da: "Filen ligner et Word-dokument, men er det ikke (ZIP uden word/document.xml eller beskadiget)",
    en: "The file looks like a Word document but is not one (ZIP without word/document.xml, or damaged)",
  },
  no_text: { da: "Dokumentet indeholder ingen tekst", en: "The document contains no text" },
  not_minutes: {
    da: "Dokumentet ligner ikke en dagsorden, et referat eller et notat",
    en: "The document does not look like an agenda, minutes or a memo",
  },
  timeout: {
    da: "Importen tog for lang tid og blev afbrudt (tidsgrænse)",
    en: "The import took too long and was stopped (time limit)",
  },
  limit_inflated_size: {
    da: "Dokumentet fylder for meget, når det pakkes ud, og blev afvist (grænse for udpakket størrelse)",
    en: "The document is too large when unpacked and was refused (limit on unpacked size)",
  },
  limit_pdf_pages: {
    da: "PDF'en har for mange sider og blev afvist (sidegrænse)",
    en: "The PDF has too many pages and was refused (page limit)",
  },
  package_invalid: {
    da: "Publiceringspakken kan ikke læses (ZIP eller XML-manifest mangler eller er beskadiget)",
    en: "The publication package cannot be read (ZIP or XML manifest missing or damaged)",
  },
  limit_memory: {
    da: "Dokumentet krævede for meget hukommelse at læse og blev afvist (hukommelsesgrænse)",
    en: "Reading the document needed too much memory and it was refused (memory limit)",
  },
} as const;

export type ImportErrorCode = keyof typeof IMPORT_ERRORS;

/** The one error type the importer throws; `code` is stable, the messages are for people. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly messageDa: string;
  readonly messageEn: string;
  /** what the message says in brackets (a limit, a count), kept to rebuild the error across threads */
  readonly detail: string | undefined;

  constructor(code: ImportErrorCode, detail?: string, options?: { cause?: unknown }) {
    const texts = IMPORT_ERRORS[code];
    const suffix = detail ? ` (${detail})` : "";
    super(`${texts.en}${suffix}`, options);
    this.name = "ImportError";
    this.code = code;
    this.detail = detail;
    this.messageDa = `${texts.da}${suffix}`;
    this.messageEn = `${texts.en}${suffix}`;
  }
}

/** The message of any error in the user's language; unknown errors get a generic text. */
export function importErrorMessage(err: unknown, lang: "da" | "en"): string {
  if (err instanceof ImportError) {
    return lang === "da" ? err.messageDa : err.messageEn;
  }
  return lang === "da" ? IMPORT_ERRORS.read_error.da : IMPORT_ERRORS.read_error.en;
}
