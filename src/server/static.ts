import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";

const require = createRequire(import.meta.url);
const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ico": "image/x-icon",
};

/** DKFDS's compiled CSS, fonts and icons, straight from node_modules (no copy, no build). */
// The package exports only its script (dist/js/dkfds.min.js); dist/ is two folders up from it.
const dkfdsRoot = dirname(dirname(require.resolve("dkfds")));
const dkfdsVersion = (
  JSON.parse(readFileSync(join(dirname(dkfdsRoot), "package.json"), "utf8")) as {
    version: string;
  }
).version;
/** Our own stylesheets (src/web/static). */
const appRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "web", "static");
const ALLOWED_DKFDS = ["css", "fonts", "img"];

function contentHash(dir: string): string {
  const h = createHash("sha256");
  for (const f of ["tvaers.css", "print.css"]) {
    h.update(readFileSync(join(dir, f)));
  }
  return h.digest("hex").slice(0, 10);
}
const appVersion = contentHash(appRoot);

/** Versioned URLs of the assets the layout links; the version makes them cacheable forever. */
export const ASSETS = {
  dkfdsCss: `/static/dkfds/${dkfdsVersion}/css/dkfds.min.css`,
  dkfdsIcons: `/static/dkfds/${dkfdsVersion}/img/all-svg-icons.svg`,
  appCss: `/static/app/${appVersion}/tvaers.css`,
  printCss: `/static/app/${appVersion}/print.css`,
};

/** Resolves a URL tail inside root, refusing anything that climbs out of it or has an unknown type. */
function safePath(root: string, tail: string): string | null {
  if (tail.includes("\0") || !TYPES[extname(tail)]) {
    return null;
  }
  const full = normalize(join(root, tail));
  return full.startsWith(root + sep) ? full : null;
}

async function send(reply: import("fastify").FastifyReply, file: string | null) {
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) {
    return reply.callNotFound();
  }
  return reply
    .header("cache-control", "public, max-age=31536000, immutable")
    .type(TYPES[extname(file)] as string)
    .send(await readFile(file));
}

/** GET /static/dkfds/<version>/… and /static/app/<version>/… (the version part is only for caching). */
export async function staticRoutes(app: FastifyInstance) {
  app.get<{ Params: { version: string; "*": string } }>(
    "/static/dkfds/:version/*",
    { schema: { hide: true } },
    async (req, reply) => {
      const tail = req.params["*"];
      const top = tail.split("/")[0] ?? "";
      return send(reply, ALLOWED_DKFDS.includes(top) ? safePath(dkfdsRoot, tail) : null);
    },
  );
  app.get<{ Params: { version: string; "*": string } }>(
    "/static/app/:version/*",
    { schema: { hide: true } },
    async (req, reply) => send(reply, safePath(appRoot, req.params["*"])),
  );
  // Browsers ask for /favicon.ico on their own; ours is an SVG (every current browser shows it).
  app.get("/favicon.ico", { schema: { hide: true } }, async (_req, reply) =>
    reply
      .header("cache-control", "public, max-age=86400")
      .type("image/svg+xml")
      .send(await readFile(join(appRoot, "favicon.svg"))),
  );
}
