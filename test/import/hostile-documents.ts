/** Hostile documents generated at test time: a ZIP bomb disguised as Word, a PDF with thousands of pages. */
import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A DOCX whose word/document.xml inflates to `megabytes` MB of white space (see `zipBomb`). About
 * 1 KB per inflated MB, so a 1.5 GB bomb is 1.5 MB on the wire.
 */
export function zipBombDocx(megabytes: number, opts: { declaredBytes?: number } = {}): Uint8Array {
  return zipBomb("word/document.xml", megabytes, opts);
}

/**
 * A ZIP of one entry that inflates to `megabytes` MB of white space: one megabyte deflated once and
 * repeated (each copy ends on a byte boundary by a sync flush), closed by an empty final block. It
 * declares its true size unless `declaredBytes` makes it lie.
 */
export function zipBomb(
  entryName: string,
  megabytes: number,
  opts: { declaredBytes?: number } = {},
): Uint8Array {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => chunk), final]);
  const name = Buffer.from(entryName);
  // A bomb may also lie: a small declared size must not let it inflate past the cap.
  const declared = opts.declaredBytes ?? Math.min(0xffffffff, megabytes * 1024 * 1024);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(Buffer.alloc(0)), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}

/** A valid PDF of `pages` pages sharing one small content stream with a line of text. */
export function manyPagePdf(pages: number): Uint8Array {
  const objects: string[] = [];
  const kids: string[] = [];
  const firstPage = 5;
  for (let i = 0; i < pages; i++) {
    kids.push(`${firstPage + i} 0 R`);
  }
  const content = "BT /F1 12 Tf 72 720 Td (Punkt 1: Side med tekst) Tj ET";
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Count ${pages} /Kids [${kids.join(" ")}] >>`);
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  for (let i = 0; i < pages; i++) {
    objects.push(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>",
    );
  }
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) {
    out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
