import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../config.ts";
import type { Database } from "../db/client.ts";
import { actionRoutes } from "../modules/actions/index.ts";
import {
  agreementPageRoutes,
  agreementRoutes,
  hearingRoutes,
  implementationPageRoutes,
  implementationRoutes,
} from "../modules/agreements/index.ts";
import { auditRoutes } from "../modules/audit/index.ts";
import { authPageRoutes, authPlugin, authRoutes } from "../modules/auth/index.ts";
import { bodyRoutes } from "../modules/bodies/index.ts";
import { casePageRoutes, caseRoutes } from "../modules/cases/index.ts";
import { documentRoutes, publicDocumentRoutes } from "../modules/documents/index.ts";
import { fundPageRoutes, fundRoutes } from "../modules/funds/index.ts";
import { importRoutes } from "../modules/import/index.ts";
import { indicatorPageRoutes, indicatorRoutes } from "../modules/indicators/index.ts";
import { initiativePageRoutes, initiativeRoutes } from "../modules/initiatives/index.ts";
import { mandatePageRoutes, mandateRoutes } from "../modules/mandates/index.ts";
import { matterPageRoutes, matterRoutes } from "../modules/matters/index.ts";
import { itemRoutes, meetingPageRoutes, meetingRoutes } from "../modules/meetings/index.ts";
import { notificationRoutes } from "../modules/notifications/index.ts";
import { obligationPageRoutes, obligationRoutes } from "../modules/obligations/index.ts";
import { oparlRoutes } from "../modules/oparl/index.ts";
import { partyRoutes } from "../modules/parties/index.ts";
import { peoplePageRoutes, peopleRoutes } from "../modules/people/index.ts";
import { portalPageRoutes } from "../modules/portal/index.ts";
import { referencePageRoutes } from "../modules/reference/index.ts";
import { removalPageRoutes, removalRoutes } from "../modules/removals/index.ts";
import { reorganisationPageRoutes, reorganisationRoutes } from "../modules/reorganisation/index.ts";
import { searchFeedRoute, searchPageRoutes, searchRoutes } from "../modules/search/index.ts";
import { workspacePageRoutes } from "../modules/workspace/index.ts";
import { pageCachePlugin } from "../web/page-cache.ts";
import { webPlugin } from "../web/web.plugin.ts";
import { Background } from "./background.ts";
import { clientScriptRoutes, ensureClientBundle } from "./client-bundle.ts";
import { backgroundTasks, installEffects } from "./effects.ts";
import { errorsPlugin } from "./errors.plugin.ts";
import { finishOpenApi } from "./openapi.ts";
import { ReadCache } from "./read-cache.ts";
import { hooksOf, isWrite, routeMayWrite } from "./route-hooks.ts";
import { securityHeadersPlugin } from "./security-headers.ts";
import "./context.ts";

/** Builds the whole application without listening: main.ts listens, tests use inject(). */
export async function buildApp({
  config,
  database,
  onRoute,
}: {
  config: Config;
  database: Database;
  /** called for every route as it is registered (the OpenAPI test uses it to list them all) */
  onRoute?: (route: { method: string | string[]; url: string; hidden: boolean }) => void;
}): Promise<FastifyInstance> {
  const app = Fastify({
    // A silent log is no log: Fastify then makes no child logger per request (bench/api.bench.ts).
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: config.maxBodyBytes,
    // compile: once all routes are registered, find-my-way turns the route tree into generated code
    // instead of walking ~680 routes' nodes per request (same matching; docs/decisions/014).
    routerOptions: { ignoreTrailingSlash: true, compile: true },
    // An undecodable URL or an over-long path parameter (a fuzzed id): the documented error shape, not
    // Fastify's own body (test/security/fuzz.test.ts).
    frameworkErrors: (_err, _req, reply) => {
      reply.raw.writeHead(400, { "content-type": "application/json; charset=utf-8" });
      reply.raw.end(JSON.stringify({ error: { code: "bad_request", message: "Adressen kan ikke læses." } }));
    },
  });
  if (onRoute) {
    app.addHook("onRoute", (r) => onRoute({ method: r.method, url: r.url, hidden: r.schema?.hide === true }));
  }
  app.decorate("database", database);
  const readCache = new ReadCache();
  app.decorate("readCache", readCache);
  // Any write may change what a cached read shows: forget the cache here and in other instances.
  await database.onChange(() => readCache.invalidate());
  app.decorate("config", config);
  // Domain acts announce what they did; the modules' effects are installed once, the after-commit work
  // runs in the background while the server listens (and is drained by tests and commands).
  installEffects();
  const background = new Background(
    database.db,
    backgroundTasks(config.publicUrl ?? `http://localhost:${config.port}`),
    app.log,
    // Background work writes too (minutes approved at a deadline, an orientation item): forget cached reads.
    () => {
      readCache.invalidate();
      database.announceChange();
    },
  );
  app.decorate("background", background);
  // What follows an answered write: the background work and whatever the modules ask for (the
  // notification worker). Listeners are called after the response, never inside it.
  const afterWrite: Array<() => void> = [() => background.kick()];
  app.decorate("afterWrite", (listener: () => void) => {
    afterWrite.push(listener);
  });
  // Only routes that may write get these hooks: a read never pays for them (bench/api.bench.ts). Hooks
  // that run per request are callback hooks: an async hook costs a promise even when it does nothing.
  const invalidateOnWrite = (
    req: FastifyRequest,
    _reply: FastifyReply,
    payload: unknown,
    done: (err: null, payload: unknown) => void,
  ) => {
    if (isWrite(req.method)) {
      readCache.invalidate();
      database.announceChange();
    }
    done(null, payload);
  };
  const kickAfterWrite = (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    if (isWrite(req.method)) {
      for (const listener of afterWrite) {
        listener();
      }
    }
    done();
  };
  app.addHook("onRoute", (route) => {
    if (!routeMayWrite(route.method)) {
      return;
    }
    route.onSend = [invalidateOnWrite, ...hooksOf(route.onSend)] as never;
    route.onResponse = [kickAfterWrite, ...hooksOf(route.onResponse)] as never;
  });
  app.addHook("onListen", async () => background.start(2000));
  app.addHook("onClose", async () => background.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Tværs API",
        version: "1",
        description:
          "API for Tværs – det tværsektorielle sundhedssamarbejde. Fejl har altid formen { error: { code, message, fields? } }; se docs/errors.md.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "tvaers_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }, {}],
    },
    transform: jsonSchemaTransform,
    // operationIds, file media types, servers and error responses, for every route at once (openapi.ts)
    transformObject: finishOpenApi(config.publicUrl) as never,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  await app.register(authPlugin);
  await app.register(webPlugin);
  await app.register(pageCachePlugin);
  // Page scripts (src/client, Vite): built once per version of the sources, before any page renders.
  await ensureClientBundle();
  await app.register(clientScriptRoutes);

  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  app.withTypeProvider<ZodTypeProvider>().get("/healthz", {
    schema: {
      tags: ["Drift"],
      summary: "Sundhedstjek (tjekker databasen)",
      response: {
        200: z.object({ status: z.literal("ok"), database: z.string() }),
        503: z.object({ status: z.literal("error"), database: z.string() }),
      },
    },
    handler: async (_req, reply) => {
      const ok = await database.ping().catch(() => false);
      return ok
        ? { status: "ok" as const, database: database.kind }
        : reply.code(503).send({ status: "error" as const, database: database.kind });
    },
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(partyRoutes);
      await api.register(bodyRoutes);
      await api.register(peopleRoutes);
      await api.register(meetingRoutes);
      await api.register(itemRoutes);
      await api.register(auditRoutes);
      await api.register(removalRoutes);
      await api.register(caseRoutes);
      await api.register(actionRoutes);
      await api.register(obligationRoutes);
      await api.register(matterRoutes);
      await api.register(documentRoutes);
      await api.register(importRoutes);
      await api.register(searchRoutes);
      await api.register(fundRoutes);
      await api.register(initiativeRoutes);
      await api.register(indicatorRoutes);
      await api.register(mandateRoutes);
      await api.register(agreementRoutes);
      await api.register(hearingRoutes);
      await api.register(implementationRoutes);
      await api.register(reorganisationRoutes);
    },
    { prefix: "/api/v1" },
  );
  await app.register(oparlRoutes);
  await app.register(searchFeedRoute);
  await app.register(publicDocumentRoutes);

  // Server-rendered pages (each module's *.page-routes.ts); see docs/architecture.md "Pages".
  await app.register(portalPageRoutes);
  await app.register(meetingPageRoutes);
  await app.register(searchPageRoutes);
  await app.register(peoplePageRoutes);
  await app.register(authPageRoutes);
  await app.register(fundPageRoutes);
  await app.register(initiativePageRoutes);
  await app.register(referencePageRoutes);
  await app.register(indicatorPageRoutes);
  await app.register(mandatePageRoutes);
  await app.register(agreementPageRoutes);
  await app.register(implementationPageRoutes);
  await app.register(workspacePageRoutes);
  await app.register(removalPageRoutes);
  await app.register(obligationPageRoutes);
  await app.register(matterPageRoutes);
  await app.register(casePageRoutes);
  await app.register(reorganisationPageRoutes);
  await app.register(notificationRoutes);
  return app;
}
