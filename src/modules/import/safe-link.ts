/**
 * Where a document's local file link may lead: only to a regular file inside the folder the
 * document was imported from (its own folder, or the folder named on the command line).
 * Absolute paths, `..` leaving the folder, symlinks pointing out of it and special files
 * (devices, sockets, FIFOs, /proc and /sys) are refused, each with a Danish reason.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";

export type RefusalReason = "absolute" | "outside" | "symlink_outside" | "special_file" | "missing";

export interface RefusedLink {
  href: string;
  reason: RefusalReason;
  /** why, in Danish, for the import report */
  message: string;
}

const MESSAGES: Record<RefusalReason, { da: string; en: string }> = {
  absolute: { da: "absolut sti – kun filer i dokumentets egen mappe må hentes", en: "absolute path" },
  outside: { da: "stien fører ud af dokumentets mappe (..)", en: "the path leaves the document's folder" },
  symlink_outside: {
    da: "symbolsk link der peger ud af dokumentets mappe",
    en: "a symbolic link pointing out of the folder",
  },
  special_file: {
    da: "ikke en almindelig fil (enhed, sokkel, FIFO eller systemfil)",
    en: "not a regular file (device, socket, FIFO or system file)",
  },
  missing: { da: "filen findes ikke", en: "the file does not exist" },
};

/** The message of a refusal in the user's language. */
export function refusalMessage(reason: RefusalReason, lang: "da" | "en" = "da"): string {
  return MESSAGES[reason][lang];
}

const SYSTEM_TREES = ["/proc", "/sys", "/dev"];

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function underSystemTree(target: string): boolean {
  return SYSTEM_TREES.some((tree) => target === tree || target.startsWith(`${tree}/`));
}

/**
 * Resolves a link (already URL-decoded) relative to the document's folder, inside `root`.
 * Returns the real path of a regular file, or the reason it is refused.
 */
export async function resolveLocalLink(
  root: string,
  documentDir: string,
  link: string,
): Promise<{ file: string } | { refused: RefusalReason }> {
  if (path.isAbsolute(link) || /^[a-z]:[\\/]/i.test(link) || link.startsWith("\\\\")) {
    return { refused: "absolute" };
  }
  const rootReal = await realpath(root).catch(() => path.resolve(root));
  const dirReal = await realpath(documentDir).catch(() => path.resolve(documentDir));
  const lexical = path.resolve(dirReal, link.replace(/\\/g, "/"));
  if (!inside(rootReal, lexical) || underSystemTree(lexical)) {
    return { refused: "outside" };
  }
  const real = await realpath(lexical).catch(() => null);
  if (real === null) {
    return { refused: "missing" };
  }
  if (!inside(rootReal, real)) {
    return { refused: "symlink_outside" };
  }
  const info = await stat(real).catch(() => null);
  if (info === null) {
    return { refused: "missing" };
  }
  if (!info.isFile() || underSystemTree(real)) {
    return { refused: "special_file" };
  }
  return { file: real };
}

/** Whether a file found by walking a folder is a regular file that really lies inside `root`. */
export async function isSafeFileInside(root: string, file: string): Promise<boolean> {
  const rootReal = await realpath(root).catch(() => null);
  const real = await realpath(file).catch(() => null);
  if (rootReal === null || real === null || !inside(rootReal, real) || underSystemTree(real)) {
    return false;
  }
  const info = await stat(real).catch(() => null);
  return info?.isFile() === true;
}
