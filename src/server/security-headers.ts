import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/**
 * Security headers on every response (docs/security.md). Pages set their own CSP in web/page.ts; this
 * hook fills in whatever a response lacks, so JSON, files, feeds, static assets and error answers get
 * them too. No policy allows inline script or style: Swagger UI at /api/docs loads only its own files,
 * but draws its icons from data: URLs and fetches the OpenAPI document, so it gets its own policy.
 */
export const PAGE_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Anything that is not a page: nothing may load or run from it, nobody may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI (/api/docs): its own scripts and styles, data: icons, the document from this origin. */
export const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
export const HSTS = "max-age=31536000; includeSubDomains";

/** Is this request served over TLS, or configured as such (TVAERS_SECURE_COOKIES)? */
export function isSecureRequest(req: FastifyRequest): boolean {
  return req.server.config.secureCookies || req.protocol === "https";
}

export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("onSend", (req, reply, payload, done) => {
    // A file (anything sent with Content-Disposition: uploads, documents) never gets the page policy,
    // whatever its type: stored HTML or SVG runs nothing (issue 18.8).
    if (reply.hasHeader("content-disposition")) {
      reply.header("content-security-policy", API_CSP);
    } else if (isDocsUrl(req.url)) {
      reply.header("content-security-policy", DOCS_CSP);
    } else if (!reply.hasHeader("content-security-policy")) {
      const type = reply.getHeader("content-type");
      reply.header(
        "content-security-policy",
        typeof type === "string" && type.startsWith("text/html") ? PAGE_CSP : API_CSP,
      );
    }
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    if (!reply.hasHeader("referrer-policy")) {
      reply.header("referrer-policy", "same-origin");
    }
    reply.header("cross-origin-opener-policy", "same-origin");
    if (isSecureRequest(req)) {
      reply.header("strict-transport-security", HSTS);
    }
    done(null, payload);
  });
});

/** Swagger UI and its files (/api/docs, /api/docs/..., /api/docs?...). */
function isDocsUrl(url: string): boolean {
  return url.startsWith("/api/docs") && (url.length === 9 || url[9] === "/" || url[9] === "?");
}
