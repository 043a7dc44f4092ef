import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../server/errors.ts";
import { formString } from "../../web/form-fields.tsx";
import { pageContext, sendPage } from "../../web/page.ts";
import { SavedSearchesPage } from "./saved.pages.tsx";
import { savedSearchService } from "./saved.service.ts";
import { type TSavedFilters, ZSavedFilters, ZSavedSearchFields } from "./search.schemas.ts";

const hidden = { schema: { hide: true } };
const FILTER_KEYS = ["bodyId", "region", "cluster", "partyId", "from", "to", "kind", "outcome", "type"];

/** The search page's filters as a saved search's (a year becomes its date range); invalid ones are dropped. */
export function filtersFromForm(body: unknown): TSavedFilters {
  const raw: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const v = formString(body, key);
    if (v !== "") {
      raw[key] = key === "bodyId" || key === "partyId" ? Number(v) : key === "type" ? v.split(",") : v;
    }
  }
  const year = formString(body, "year");
  if (/^\d{4}$/.test(year)) {
    raw.from = `${year}-01-01`;
    raw.to = `${year}-12-31`;
  }
  const parsed = ZSavedFilters.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function loginFirst(req: FastifyRequest, reply: FastifyReply, next: string): boolean {
  if (req.actor.userId !== null) {
    return false;
  }
  void reply.redirect(`/log-ind?next=${encodeURIComponent(next)}`, 303);
  return true;
}

async function listPage(
  req: FastifyRequest,
  reply: FastifyReply,
  notice: "saved" | "deleted" | "changed" | null,
) {
  const ctx = pageContext(req, reply);
  const items = (await savedSearchService.list(ctx.svc, { limit: 100 })).items;
  const text =
    notice === "saved"
      ? ctx.t("search.save.saved")
      : notice === "deleted"
        ? ctx.t("search.saved.deleted")
        : notice === "changed"
          ? ctx.t("search.saved.changed")
          : null;
  return sendPage(reply, ctx, SavedSearchesPage({ ctx, items, notice: text }));
}

/** "Gem søgning og få besked" and the list of one's saved searches, through the API's services. */
export async function savedSearchPageRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { besked?: string } }>("/soeg/gemte", hidden, async (req, reply) => {
    if (loginFirst(req, reply, "/soeg/gemte")) {
      return reply;
    }
    const notices = { gemt: "saved", slettet: "deleted", aendret: "changed" } as const;
    const notice = notices[req.query.besked as keyof typeof notices] ?? null;
    return listPage(req, reply, notice);
  });

  app.post("/soeg/gem", hidden, async (req, reply) => {
    if (loginFirst(req, reply, "/soeg")) {
      return reply;
    }
    const name = ZSavedSearchFields.name.safeParse(formString(req.body, "name"));
    if (!name.success) {
      throw new AppError("validation_failed", "Giv søgningen et navn (højst 200 tegn).");
    }
    const ctx = pageContext(req, reply);
    await savedSearchService.create(ctx.svc, {
      name: name.data,
      query: formString(req.body, "q"),
      filters: filtersFromForm(req.body),
      emailAlerts: true,
    });
    return reply.redirect("/soeg/gemte?besked=gemt", 303);
  });

  // E-mail alerts of a saved search on or off (the same service as PATCH /api/v1/saved-searches/:id).
  app.post("/soeg/gemte/besked", hidden, async (req, reply) => {
    if (loginFirst(req, reply, "/soeg/gemte")) {
      return reply;
    }
    const id = Number(formString(req.body, "id"));
    const version = Number(formString(req.body, "version"));
    if (!Number.isInteger(id) || id <= 0 || !Number.isInteger(version) || version <= 0) {
      throw new AppError("not_found", "Den gemte søgning findes ikke.");
    }
    const ctx = pageContext(req, reply);
    await savedSearchService.update(ctx.svc, id, {
      version,
      emailAlerts: formString(req.body, "on") === "1",
    });
    return reply.redirect("/soeg/gemte?besked=aendret", 303);
  });

  app.post("/soeg/gemte/slet", hidden, async (req, reply) => {
    if (loginFirst(req, reply, "/soeg/gemte")) {
      return reply;
    }
    const id = Number(formString(req.body, "id"));
    const version = Number(formString(req.body, "version"));
    if (!Number.isInteger(id) || id <= 0) {
      throw new AppError("not_found", "Den gemte søgning findes ikke.");
    }
    const ctx = pageContext(req, reply);
    await savedSearchService.remove(
      ctx.svc,
      id,
      Number.isInteger(version) && version > 0 ? version : undefined,
    );
    return reply.redirect("/soeg/gemte?besked=slettet", 303);
  });
}
