/**
 * Loaded before anything else (`node --import tsx --import ./src/cli/preload.ts`, bin/tvaers.js and
 * the test setup): works around a slow path in Node 24's ES module resolution.
 *
 * Node 24 decides the format of every resolved `.js` file by reading its package scope, and in doing
 * so re-parses that package.json's whole `exports` field — once per file. drizzle-orm's package.json is
 * 179 KB, so importing `drizzle-orm/pg-core` alone costs 830 ms on Node 24.22 against 87 ms on Node 20
 * (measured; docs/decisions/011-start-up.md). The hook below answers the two questions Node would
 * otherwise re-ask, from a cache, and leaves everything else to Node:
 * - a relative `.js`/`.mjs` import from inside node_modules whose package says `"type": "module"`;
 * - a bare specifier imported from the project's own files (they share one node_modules), memoised.
 */
import { readFileSync, statSync } from "node:fs";
import * as nodeModule from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type ResolveResult = { url: string; format?: string | null; shortCircuit?: boolean };
type Resolve = (
  specifier: string,
  context: { parentURL?: string; conditions?: readonly string[] },
  next: (specifier: string, context: object) => ResolveResult,
) => ResolveResult;

const typeByDir = new Map<string, boolean>();

/** True when the nearest package.json above `dir` says "type": "module". */
function isModuleScope(dir: string): boolean {
  const known = typeByDir.get(dir);
  if (known !== undefined) {
    return known;
  }
  let isModule: boolean;
  try {
    isModule =
      (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { type?: string }).type ===
      "module";
  } catch {
    const up = path.dirname(dir);
    isModule = up !== dir && !dir.endsWith(`${path.sep}node_modules`) && isModuleScope(up);
  }
  typeByDir.set(dir, isModule);
  return isModule;
}

const projectRoot = `${path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")}${path.sep}`;
const bare = new Map<string, ResolveResult>();

const resolve: Resolve = (specifier, context, next) => {
  const parent = context.parentURL;
  if (!parent?.startsWith("file:")) {
    return next(specifier, context);
  }
  const relative = specifier.startsWith("./") || specifier.startsWith("../");
  if (relative && parent.includes("/node_modules/") && /\.m?js$/.test(specifier)) {
    const url = new URL(specifier, parent);
    const file = fileURLToPath(url);
    try {
      if (statSync(file).isFile() && (file.endsWith(".mjs") || isModuleScope(path.dirname(file)))) {
        return { url: url.href, format: "module", shortCircuit: true };
      }
    } catch {
      // not there: let Node say so in its own words
    }
    return next(specifier, context);
  }
  const isBare =
    !relative && !specifier.startsWith("/") && !specifier.startsWith("#") && !specifier.includes(":");
  const parentFile = fileURLToPath(parent);
  if (
    isBare &&
    parentFile.startsWith(projectRoot) &&
    !parentFile.includes(`${path.sep}node_modules${path.sep}`)
  ) {
    const key = `${specifier}\0${(context.conditions ?? []).join(",")}`;
    const known = bare.get(key);
    if (known) {
      return known;
    }
    const result = { ...next(specifier, context), shortCircuit: true };
    bare.set(key, result);
    return result;
  }
  return next(specifier, context);
};

// registerHooks arrived in Node 22.15; on an older Node the start is only slower.
const register = (nodeModule as { registerHooks?: (hooks: { resolve: Resolve }) => unknown }).registerHooks;
register?.({ resolve });
