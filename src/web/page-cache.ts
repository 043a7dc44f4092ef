import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hooksOf } from "../server/route-hooks.ts";
import { isSecureRequest } from "../server/security-headers.ts";
import { CSRF_COOKIE, csrfFieldOf, csrfToken } from "./csrf.ts";
import { LANG_COOKIE, type Lang, resolveLang } from "./i18n.ts";
import { setPageHeaders, wantsHtml } from "./page.ts";

/**
 * Rendered pages for readers who are not logged in. Everyone without a login sees the same page for
 * the same address and language, so the HTML is kept in the app's read cache (server/read-cache.ts):
 * any write forgets it at once, and an entry is used for at most MAX_AGE_MS, because some pages show
 * what is coming as of now. A logged-in reader never gets a kept page. The one part of a page that is
 * the browser's own, the CSRF token in forms, is kept as a marked slot and filled in per request.
 *
 * Readers who ask for the same page while it is being rendered wait for that rendering instead of
 * starting their own (one flight per page and cache generation): after a write every reader misses at
 * once, and without this the machine renders the same page hundreds of times and, being slow, every
 * rendering outlives the next write and may not be kept. Measured in docs/reliability.md ("Load").
 */
const MAX_AGE_MS = 30_000;
const TOKEN_SLOT = "__tvaers_csrf_token__";
const NOT_PAGES = ["/api", "/oparl", "/static/", "/healthz", "/app/"];

interface Flight {
  generation: number;
  /** the page with its token slot, or null when the rendering gave no page to share */
  done: Promise<string | null>;
  finish(page: string | null): void;
}

declare module "fastify" {
  interface FastifyRequest {
    /** set when this request's page may be kept: its key and the cache generation before reading */
    pageCache?: { key: string; lang: Lang; generation: number; flight: Flight | null };
  }
}

function newFlight(generation: number): Flight {
  let finish: (page: string | null) => void = () => {};
  const done = new Promise<string | null>((resolve) => {
    finish = resolve;
  });
  return { generation, done, finish };
}

/** The key of the kept page for this request, or null when its answer may not be kept. */
function cacheKey(req: FastifyRequest): { key: string; lang: Lang } | null {
  // The cheap questions first: this runs before every request, the API's included.
  if (
    (req.method !== "GET" && req.method !== "HEAD") ||
    req.actor.userId !== null ||
    req.actor.system ||
    req.url.length > 1000 ||
    NOT_PAGES.some((p) => req.url.startsWith(p)) ||
    !wantsHtml(req)
  ) {
    return null;
  }
  const lang = resolveLang(undefined, req.cookies[LANG_COOKIE], req.headers["accept-language"]);
  return { key: `page:${isSecureRequest(req) ? "https" : "http"}:${req.host}:${lang}:${req.url}`, lang };
}

/** Sets only the CSRF cookie (made on first need), nothing that belongs to one reader. */
function onlyCsrfCookie(reply: FastifyReply): boolean {
  const cookies = reply.getHeader("set-cookie");
  const list = cookies === undefined ? [] : Array.isArray(cookies) ? cookies : [String(cookies)];
  return list.every((c) => c.startsWith(`${CSRF_COOKIE}=`));
}

export const pageCachePlugin = fp(async (app: FastifyInstance) => {
  const cache = app.readCache;

  const flights = new Map<string, Flight>();

  const serve = (req: FastifyRequest, reply: FastifyReply, lang: Lang, page: string) => {
    const token = csrfToken(req, reply, isSecureRequest(req));
    setPageHeaders(reply, lang);
    return reply.code(200).send(page.replaceAll(TOKEN_SLOT, token));
  };

  const land = (req: FastifyRequest, page: string | null) => {
    const flight = req.pageCache?.flight;
    if (!flight || !req.pageCache) {
      return;
    }
    req.pageCache.flight = null;
    if (flights.get(req.pageCache.key) === flight) {
      flights.delete(req.pageCache.key);
    }
    flight.finish(page);
  };

  const preHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const page = cacheKey(req);
    if (page === null) {
      return;
    }
    const { key, lang } = page;
    const generation = cache.generation;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.meta <= MAX_AGE_MS) {
      return serve(req, reply, lang, String(hit.value));
    }
    const flying = flights.get(key);
    if (flying && flying.generation === generation) {
      const page = await flying.done;
      if (page !== null) {
        return serve(req, reply, lang, page);
      }
      return;
    }
    const flight = newFlight(generation);
    flights.set(key, flight);
    req.pageCache = { key, lang, generation, flight };
  };

  const onSend = async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const page = req.pageCache;
    if (!page?.flight) {
      return payload;
    }
    if (
      reply.statusCode !== 200 ||
      typeof payload !== "string" ||
      !String(reply.getHeader("content-type") ?? "").startsWith("text/html") ||
      reply.getHeader("content-language") !== page.lang ||
      !onlyCsrfCookie(reply)
    ) {
      land(req, null);
      return payload;
    }
    const token = csrfFieldOf(req);
    const kept = token ? payload.replaceAll(token, TOKEN_SLOT) : payload;
    cache.set(page.key, page.generation, kept, Date.now());
    land(req, kept);
    return payload;
  };
  // A rendering that ends without a reply (an aborted connection) must not keep others waiting.
  const onEnd = async (req: FastifyRequest) => land(req, null);

  // Only the routes that may answer with a page get these hooks: the API, feeds and files never pay
  // for them (bench/api.bench.ts). They come after the route's scope's hooks (a workspace guard runs
  // first) and before its own.
  app.addHook("onRoute", (route) => {
    if (NOT_PAGES.some((p) => route.url.startsWith(p))) {
      return;
    }
    route.preHandler = [preHandler, ...hooksOf(route.preHandler)];
    route.onSend = [onSend, ...hooksOf(route.onSend)];
    route.onResponse = [onEnd, ...hooksOf(route.onResponse)];
    route.onRequestAbort = [onEnd, ...hooksOf(route.onRequestAbort)];
  });
});
