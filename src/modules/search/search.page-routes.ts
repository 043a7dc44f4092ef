import type { FastifyInstance } from "fastify";
import { AppError } from "../../server/errors.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { publicAlertPageRoutes } from "./public-alerts.page-routes.ts";
import { savedSearchPageRoutes } from "./saved.page-routes.ts";
import { type PageParams, SearchPage } from "./search.pages.tsx";
import { ZSearchQuery } from "./search.schemas.ts";
import { search } from "./search.service.ts";

const KNOWN = [
  "q",
  "bodyId",
  "region",
  "cluster",
  "partyId",
  "from",
  "to",
  "kind",
  "outcome",
  "type",
  "page",
  "sort",
  "year",
  "withPredecessors",
];

/** /soeg: the search page of the portal and the workspace (what the reader may see, as in the API). */
export async function searchPageRoutes(app: FastifyInstance) {
  await app.register(savedSearchPageRoutes);
  await app.register(publicAlertPageRoutes);
  app.get<{ Querystring: Record<string, string> }>(
    "/soeg",
    { schema: { hide: true } },
    async (req, reply) => {
      const ctx = pageContext(req, reply);
      const params: PageParams = {};
      for (const key of KNOWN) {
        const value = req.query[key];
        if (typeof value === "string" && value !== "") {
          params[key] = value;
        }
      }
      const { year, ...rest } = params;
      const query =
        year && /^\d{4}$/.test(year) ? { ...rest, from: `${year}-01-01`, to: `${year}-12-31` } : rest;
      const parsed = ZSearchQuery.safeParse(query);
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" ");
        return sendPage(reply, ctx, SearchPage({ ctx, params, result: null, error: message }), 400);
      }
      if (!params.q && Object.keys(params).length === 0) {
        return sendPage(reply, ctx, SearchPage({ ctx, params, result: null, error: null }));
      }
      try {
        const result = await search(ctx.svc, parsed.data);
        return sendPage(reply, ctx, SearchPage({ ctx, params, result, error: null }));
      } catch (err) {
        if (err instanceof AppError && err.status === 400) {
          return sendPage(reply, ctx, SearchPage({ ctx, params, result: null, error: err.message }), 400);
        }
        throw err;
      }
    },
  );
}
