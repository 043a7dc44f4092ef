import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { sendAlerts } from "./alerts.service.ts";
import { atomFeed } from "./feed.ts";
import { smtpSender } from "./mail.ts";
import { queuePublicSearchAlerts, unsubscribeSearchOneClick } from "./public-alerts.service.ts";
import { publishedMatches } from "./published.ts";
import { savedSearchService } from "./saved.service.ts";
import {
  ZQueryText,
  ZSavedFilters,
  ZSavedSearch,
  ZSavedSearchFields,
  ZSearchFilters,
  ZSearchQuery,
  ZSearchResult,
} from "./search.schemas.ts";
import { compileQuery, search } from "./search.service.ts";

const FEED_SIZE = 50;
const ZFeedQuery = z.strictObject({ q: ZQueryText.optional(), ...ZSearchFilters });
type FeedQuery = z.infer<typeof ZFeedQuery>;

/** The site's address for absolute links: the configured one, else the one the request came to. */
export function baseUrlOf(app: FastifyInstance, req?: FastifyRequest): string {
  if (app.config.publicUrl) {
    return app.config.publicUrl;
  }
  return req ? `${req.protocol}://${req.host}` : `http://localhost:${app.config.port}`;
}

async function feed(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const { q, ...filters } = req.query as FeedQuery;
  const db = app.database.db;
  const hits = await publishedMatches(db, await compileQuery(db, q), filters, { limit: FEED_SIZE });
  const base = baseUrlOf(app, req);
  const title = q ? `Tværs – nyt om »${q}«` : "Tværs – nyt offentligt materiale";
  return reply
    .type("application/atom+xml; charset=utf-8")
    .send(atomFeed({ title, selfUrl: `${base}${req.url}`, baseUrl: base, hits }));
}

/** Search, the Atom feed of a search, saved searches; and the alert timer while the server listens. */
export async function searchRoutes(app: FastifyInstance): Promise<void> {
  // Attachments' text is extracted after the commit by the background work (src/server/effects.ts).
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get("/search", {
    schema: {
      tags: ["Søgning"],
      summary: "Søg i punkter, bilag, fora og personer (kun det, du må se)",
      description:
        'Sproget: ord (alle skal findes; sammensatte ord findes af deres dele), "frase", -udeluk, præfiks*. Resultater efter relevans og nyhed, med fremhævede uddrag, facetter og sider.',
      querystring: ZSearchQuery,
      response: { 200: ZSearchResult, ...ERROR_RESPONSES },
    },
    handler: async (req) => search({ db: app.database.db, actor: req.actor }, req.query),
  });

  r.get("/search/feed", {
    schema: {
      tags: ["Søgning"],
      summary: "Atom-feed med nyt offentligt materiale, der matcher søgningen (ingen konto nødvendig)",
      querystring: ZFeedQuery,
      produces: ["application/atom+xml"],
      response: { 200: z.string().describe("Atom 1.0"), ...ERROR_RESPONSES },
    },
    handler: (req, reply) => feed(app, req, reply),
  });

  registerCrud(app, {
    path: "/saved-searches",
    tag: "Søgning",
    noun: "gemte søgninger",
    row: ZSavedSearch,
    create: { ...ZSavedSearchFields, filters: ZSavedFilters.optional() },
    update: ZSavedSearchFields,
    filter: {},
    service: savedSearchService,
  });

  // RFC 8058: the mail program posts "List-Unsubscribe=One-Click" here, without cookies or a form token.
  r.post("/search/subscriptions/:token/unsubscribe", {
    schema: {
      tags: ["Søgning"],
      summary: "Afmeld e-mail om nyt for en søgning med ét klik (offentligt abonnement, RFC 8058)",
      description:
        "Adressen står i alarmmailens List-Unsubscribe. Kræver hverken login eller formular-token: nøglen i adressen er hemmelig. Svarer 204 også når abonnementet allerede er afmeldt (et mailprogram må prøve igen).",
      params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "Ukendt nøgle.") }),
      response: { 204: z.null().describe("Afmeldt"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      await unsubscribeSearchOneClick(app.database.db, req.params.token);
      return reply.code(204).send(null);
    },
  });

  let timer: NodeJS.Timeout | undefined;
  app.addHook("onListen", async () => {
    if (app.config.alertMinutes === 0) {
      return;
    }
    const send = await smtpSender(app.config);
    timer = setInterval(() => {
      // The public's alerts go to the outbox (sent by the notification worker, or kept until SMTP is set).
      queuePublicSearchAlerts(app.database.db, {
        baseUrl: baseUrlOf(app),
        onError: (id, err) => app.log.warn({ err, searchSubscriptionId: id }, "public search alert failed"),
      })
        .then((run) => app.log.info(run, "public search alerts queued"))
        .catch((err: unknown) => app.log.error({ err }, "public search alerts failed"));
      if (!send) {
        return;
      }
      sendAlerts(app.database.db, {
        send,
        baseUrl: baseUrlOf(app),
        onError: (id, err) => app.log.warn({ err, savedSearchId: id }, "search alert failed"),
      })
        .then((run) => app.log.info(run, "search alerts sent"))
        .catch((err: unknown) => app.log.error({ err }, "search alerts failed"));
    }, app.config.alertMinutes * 60_000);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}

/** The feed at a short public address (/soeg/feed.atom?q=…), outside the API. */
export async function searchFeedRoute(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get("/soeg/feed.atom", {
    schema: { hide: true, querystring: ZFeedQuery },
    handler: (req, reply) => feed(app, req, reply),
  });
}
