import type { FastifyInstance } from "fastify";
import { notFound } from "../../server/errors.ts";
import { escapeHtml } from "../../web/jsx/jsx-runtime.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { idFromSlug } from "../../web/slug.ts";
import { todayInDenmark } from "../auth/index.ts";
import { bodyPath, getBody, listBodies, loadSuccession } from "../bodies/index.ts";
import {
  listAllMeetings,
  listBodyMeetings,
  listLatestMinutes,
  listUpcomingMeetings,
  meetingPath,
} from "../meetings/index.ts";
import { listBodyMembers, listMemberships, listPersonsByIds, personPath } from "../people/index.ts";
import { BodiesPage, BodyPage } from "./bodies.pages.tsx";
import { FrontPage } from "./front.pages.tsx";

const hidden = { schema: { hide: true } };

/** The public portal's overview pages: the front page, the bodies and the sitemap. */
export async function portalPageRoutes(app: FastifyInstance) {
  app.get("/", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const [upcoming, latest] = await Promise.all([
      listUpcomingMeetings(ctx.svc, { limit: 6 }),
      listLatestMinutes(ctx.svc, { limit: 6 }),
    ]);
    return sendPage(reply, ctx, FrontPage({ ctx, upcoming, latest }));
  });

  app.get("/organer", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const bodies = (await listBodies(ctx.svc, { limit: 200 })).items;
    return sendPage(reply, ctx, BodiesPage({ ctx, bodies }));
  });

  app.get<{ Params: { param: string } }>("/organer/:param", hidden, async (req, reply) => {
    const id = idFromSlug(req.params.param);
    if (id === null) {
      throw notFound("Forummet");
    }
    const ctx = pageContext(req, reply);
    const body = await getBody(ctx.svc, id);
    const canonical = bodyPath(body);
    if (req.url.split("?")[0] !== canonical) {
      return reply.redirect(canonical, 301);
    }
    const [parent, children, members, meetings] = await Promise.all([
      body.reportsToId ? getBody(ctx.svc, body.reportsToId) : null,
      listBodies(ctx.svc, { reportsToId: body.id, limit: 200 }),
      listBodyMembers(ctx.svc, body.id, todayInDenmark()),
      listBodyMeetings(ctx.svc, body.id),
    ]);
    const succession = await loadSuccession(ctx.svc.db, "body", body.id);
    const data = { body, parent, children: children.items, members, meetings, now: new Date(), succession };
    return sendPage(reply, ctx, BodyPage({ ctx, data }));
  });

  app.get("/sitemap.xml", hidden, async (req, reply) => {
    const svc = pageContext(req, reply).svc;
    const base = `${req.protocol}://${req.host}`;
    const [bodies, meetings, memberships] = await Promise.all([
      listBodies(svc, { limit: 200 }),
      listAllMeetings(svc),
      listMemberships(svc, { limit: 200 }),
    ]);
    const persons = await listPersonsByIds(
      svc,
      memberships.items.map((m) => m.personId),
    );
    const paths = [
      "/",
      "/organer",
      "/kalender",
      ...bodies.items.map(bodyPath),
      ...meetings.map((m) => meetingPath(m, { name: m.bodyName, shortName: m.bodyShortName })),
      ...persons.map(personPath),
    ];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${paths
      .map((p) => `  <url><loc>${escapeHtml(base + p)}</loc></url>`)
      .join("\n")}\n</urlset>\n`;
    return reply.type("application/xml; charset=utf-8").send(xml);
  });
}
