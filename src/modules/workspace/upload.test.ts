import { describe, expect, it } from "vitest";
import { checkUpload } from "./upload.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("checkUpload", () => {
  const max = 1024;
  it("accepts each allowed type by extension and first bytes, and stores the extension's type", () => {
    expect(checkUpload("a.pdf", bytes("%PDF-1.7 ..."), false, max)).toEqual({
      ok: true,
      mimeType: "application/pdf",
    });
    expect(checkUpload("b.DOCX", bytes([0x50, 0x4b, 3, 4], "....word/document.xml"), false, max).ok).toBe(
      true,
    );
    expect(checkUpload("c.xlsx", bytes([0x50, 0x4b, 3, 4], "....xl/workbook.xml"), false, max).ok).toBe(true);
    expect(
      checkUpload(
        "d.odt",
        bytes([0x50, 0x4b, 3, 4], "mimetypeapplication/vnd.oasis.opendocument.text"),
        false,
        max,
      ).ok,
    ).toBe(true);
    expect(checkUpload("e.txt", new Uint8Array(Buffer.from("Referat – æøå", "utf8")), false, max).ok).toBe(
      true,
    );
    expect(checkUpload("f.png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), false, max).ok).toBe(
      true,
    );
    expect(checkUpload("g.jpeg", bytes([0xff, 0xd8, 0xff, 0xe0]), false, max)).toEqual({
      ok: true,
      mimeType: "image/jpeg",
    });
  });

  it("refuses other types, renamed files, empty and too large files, in Danish", () => {
    expect(checkUpload("x.exe", bytes("MZ"), false, max)).toEqual({
      ok: false,
      error: "Filtypen er ikke tilladt. Brug PDF, DOCX, XLSX, ODT, TXT, PNG eller JPEG.",
    });
    expect(checkUpload("x.pdf", bytes("MZ program"), false, max)).toMatchObject({
      ok: false,
      error: expect.stringContaining("ikke en gyldig PDF"),
    });
    expect(checkUpload("x.docx", bytes([0x50, 0x4b, 3, 4], "xl/"), false, max).ok).toBe(false);
    expect(checkUpload("x.txt", bytes([0x41, 0, 0x42]), false, max).ok).toBe(false);
    expect(checkUpload("x.txt", bytes([0xc3, 0x28]), false, max).ok).toBe(false);
    expect(checkUpload("x.pdf", new Uint8Array(), false, max)).toEqual({ ok: false, error: "Filen er tom." });
    expect(checkUpload("x.pdf", bytes("%PDF"), true, 2 * 1024 * 1024)).toEqual({
      ok: false,
      error: "Filen er for stor. Den største tilladte størrelse er 2 MB.",
    });
    expect(checkUpload("", bytes("%PDF"), false, max)).toEqual({ ok: false, error: "Vælg en fil." });
  });
});
