import type { FastifyInstance } from "fastify";
import { notFound } from "../../server/errors.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { idFromSlug } from "../../web/slug.ts";
import { todayInDenmark } from "../auth/index.ts";
import { listBodies } from "../bodies/index.ts";
import { listParties } from "../parties/index.ts";
import { ownDataPageRoutes } from "./own-data.page-routes.ts";
import { PersonPage } from "./people.pages.tsx";
import { getPerson, listMemberships } from "./people.service.ts";
import { personPath } from "./people.urls.ts";

/** /personer/<id>-<slug>: a person's public page. */
export async function peoplePageRoutes(app: FastifyInstance) {
  await ownDataPageRoutes(app);
  app.get<{ Params: { param: string } }>(
    "/personer/:param",
    { schema: { hide: true } },
    async (req, reply) => {
      const id = idFromSlug(req.params.param);
      if (id === null) {
        throw notFound("Personen");
      }
      const ctx = pageContext(req, reply);
      const person = await getPerson(ctx.svc, id);
      const canonical = personPath(person);
      if (req.url.split("?")[0] !== canonical) {
        return reply.redirect(canonical, 301);
      }
      const [memberships, bodies, parties] = await Promise.all([
        listMemberships(ctx.svc, { personId: id, limit: 200 }),
        listBodies(ctx.svc, { limit: 200 }),
        listParties(ctx.svc, { limit: 200 }),
      ]);
      const bodyById = new Map(bodies.items.map((b) => [b.id, b]));
      const partyName = new Map(parties.items.map((p) => [p.id, p.name]));
      const today = todayInDenmark();
      const rows = memberships.items.flatMap((m) => {
        const body = bodyById.get(m.bodyId);
        return body
          ? [{ membership: m, body, partyName: m.partyId ? (partyName.get(m.partyId) ?? null) : null }]
          : [];
      });
      const current = rows.filter((r) => !r.membership.to || r.membership.to >= today);
      const ended = rows.filter((r) => r.membership.to && r.membership.to < today);
      return sendPage(reply, ctx, PersonPage({ ctx, person, current, ended }));
    },
  );
}
