import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { AppError } from "../../server/errors.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { listObligationsOfItems } from "../obligations/index.ts";
import { CaseListPage, CasePage } from "./cases.pages.tsx";
import { listCases } from "./cases.service.ts";
import { getTimeline } from "./timeline.service.ts";

const ZListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  sagsnummer: z.string().trim().max(60).optional(),
  efter: z.string().max(500).optional(),
});

/** /sager and /sager/<id>: cases as the reader may see them (closed ones only for members). */
export async function casePageRoutes(app: FastifyInstance) {
  app.get("/sager", { schema: { hide: true } }, async (req, reply) => {
    const parsed = ZListQuery.safeParse(req.query);
    if (!parsed.success) {
      throw new AppError("validation_failed", "Søgningen kunne ikke forstås.");
    }
    const { q = "", sagsnummer = "", efter } = parsed.data;
    const ctx = pageContext(req, reply);
    const page = await listCases(ctx.svc, {
      ...(q ? { q } : {}),
      ...(sagsnummer ? { caseNumber: sagsnummer } : {}),
      ...(efter ? { cursor: efter } : {}),
      limit: 50,
    });
    const next = page.nextCursor
      ? `/sager?${new URLSearchParams({ ...(q ? { q } : {}), ...(sagsnummer ? { sagsnummer } : {}), efter: page.nextCursor })}`
      : null;
    return sendPage(
      reply,
      ctx,
      CaseListPage({ ctx, cases: page.items, q, caseNumber: sagsnummer, nextHref: next }),
    );
  });

  app.get<{ Params: { param: string } }>("/sager/:param", { schema: { hide: true } }, async (req, reply) => {
    const id = idFromSlugOr404(req.params.param, "Sagen");
    const ctx = pageContext(req, reply);
    const timeline = await getTimeline(ctx.svc, id);
    const itemIds = timeline.entries.flatMap((e) => (e.itemId === null ? [] : [e.itemId]));
    const obligations = await listObligationsOfItems(ctx.svc, itemIds);
    return sendPage(reply, ctx, CasePage({ ctx, timeline, obligations }));
  });
}
