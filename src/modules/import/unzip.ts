/**
 * A ZIP reader that cannot be bombed: an archive whose declared sizes already pass the budget is
 * refused without inflating anything; otherwise each entry is inflated by zlib off the event loop
 * with `maxOutputLength` set to what is left of the budget, so inflation stops as soon as the total
 * passes the cap (a small declared size is never trusted). Entry names that could leave the archive (absolute,
 * `..`, drive letters, backslashes) are refused, for publication packages as for Word files.
 */
import { promisify } from "node:util";
import { crc32, inflateRaw } from "node:zlib";
import { ImportError } from "./import.errors.ts";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** what the archive says the entry inflates to: a refusal may rest on it, a permission never */
  declaredSize: number;
  offset: number;
}

const inflateRawAsync = promisify(inflateRaw);

const MB = 1024 * 1024;

/** Whether an entry name stays inside its archive. */
export function isSafeEntryName(name: string): boolean {
  if (name === "" || name.includes("\\") || name.includes("\0") || name.startsWith("/")) {
    return false;
  }
  if (/^[a-z]:/i.test(name)) {
    return false;
  }
  return !name.split("/").some((part) => part === "..");
}

/** The entries of the central directory; throws `docx_invalid` (or `zip_invalid`) when there is none. */
export function listZip(
  bytes: Uint8Array,
  invalid: "docx_invalid" | "package_invalid" = "docx_invalid",
): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) {
    throw new ImportError(invalid, "ZIP uden indholdsfortegnelse");
  }
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) {
      throw new ImportError(invalid, "beskadiget ZIP");
    }
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const declaredSize = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const offset = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    entries.push({ name, method, compressedSize, declaredSize, offset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Budget of inflated bytes shared by the entries of one archive. */
export class InflateBudget {
  used = 0;
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }
}

/** Refuses, before anything is inflated, entries whose declared sizes alone pass the budget. */
export function checkDeclaredSizes(entries: ZipEntry[], budget: InflateBudget): void {
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > budget.maxBytes - budget.used) {
    throw tooLarge(budget.maxBytes);
  }
}

/**
 * Inflates one entry within the budget, in zlib's thread pool so the server keeps answering; throws
 * `limit_inflated_size` the moment the cap is passed.
 */
export async function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  invalid: "docx_invalid" | "package_invalid" = "docx_invalid",
): Promise<Uint8Array> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) {
    throw new ImportError(invalid, "beskadiget ZIP");
  }
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + entry.compressedSize));
  const left = budget.maxBytes - budget.used;
  let out: Uint8Array;
  if (entry.method === 0) {
    if (data.length > left) {
      throw tooLarge(budget.maxBytes);
    }
    out = new Uint8Array(data);
  } else if (entry.method === 8) {
    try {
      out = await inflateRawAsync(data, { maxOutputLength: Math.max(1, left + 1) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw tooLarge(budget.maxBytes);
      }
      throw new ImportError(invalid, "beskadiget ZIP-indgang", { cause: err });
    }
    if (out.length > left) {
      throw tooLarge(budget.maxBytes);
    }
  } else {
    throw new ImportError(invalid, `ukendt komprimering ${entry.method}`);
  }
  budget.used += out.length;
  return out;
}

function tooLarge(max: number): ImportError {
  return new ImportError("limit_inflated_size", `grænsen er ${Math.round(max / MB)} MB`);
}

/** A stored (uncompressed) ZIP of the given entries, for a library that reads ZIPs itself. */
export function storedZip(files: Array<[string, Uint8Array]>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    parts.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}
