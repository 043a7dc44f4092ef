import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { AppError, notFound } from "../../server/errors.ts";
import { formString } from "../../web/form-fields.tsx";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { getBody } from "../bodies/index.ts";
import { meetingCalendar } from "../documents/index.ts";
import { AskPage, OutboxPage, SettingsPage } from "./notifications.pages.tsx";
import { getOutboxOverview } from "./outbox-admin.ts";
import {
  calendarOwnerUnchecked,
  findUnsubscribeTarget,
  getOwnProfile,
  listOwnBodies,
  renewCalendarToken,
  saveNotificationSettings,
  type UnsubscribeTarget,
  unsubscribe,
  ZNotificationSettings,
} from "./profiles.service.ts";
import {
  confirmSubscription,
  findSubscription,
  requestSubscription,
  ZSubscribe,
} from "./subscriptions.service.ts";
import { startNotificationWorker } from "./worker.ts";

const hidden = { schema: { hide: true } };
type TokenReq = FastifyRequest<{ Params: { token: string }; Querystring: { emne?: string } }>;

/** The origin for links in mails: the configured public address, else this request's (or localhost). */
export function siteUrl(app: FastifyInstance, req?: FastifyRequest): string {
  if (app.config.publicUrl) {
    return app.config.publicUrl;
  }
  return req ? `${req.protocol}://${req.host}` : `http://localhost:${app.config.port}`;
}

function loginFirst(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.actor.userId !== null) {
    return false;
  }
  void reply.redirect(`/log-ind?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

async function settingsPage(ctx: PageCtx, reply: FastifyReply, base: string, notice: string | null) {
  const profile = await getOwnProfile(ctx.svc);
  const data = {
    bodies: await listOwnBodies(ctx.svc),
    settings: profile.settings,
    locale: ctx.lang,
    calendarUrl: profile.calendarToken ? `${base}/mine-moeder/${profile.calendarToken}.ics` : null,
    notice,
  };
  return sendPage(reply, ctx, SettingsPage({ ctx, data }));
}

function describe(ctx: PageCtx, target: UnsubscribeTarget): string {
  if (target.kind === "subscription") {
    return ctx.t("notify.unsub.subscription", { body: target.bodyName });
  }
  if (target.topic === "all") {
    return ctx.t("notify.settings.title");
  }
  const topic = ctx.t(`notify.topic.${target.topic as "agenda"}`);
  return target.bodyName ? `${topic} (${target.bodyName})` : topic;
}

/**
 * Pages of notifications: the user's settings and personal calendar, the public's subscription with
 * double opt-in, unsubscribe (a page that asks, and RFC 8058's one-click POST), the admin's outbox;
 * and the outbox worker while the server listens.
 */
// Not encapsulated (fastify-plugin): the worker's hook must see every changing request, not only these routes.
export const notificationRoutes = fp(async (app: FastifyInstance) => {
  startNotificationWorker(app, () => siteUrl(app));

  app.get("/mine-notifikationer", hidden, async (req, reply) => {
    if (loginFirst(req, reply)) {
      return reply;
    }
    const ctx = pageContext(req, reply);
    const saved = (req.query as { gemt?: string }).gemt === "1";
    return settingsPage(ctx, reply, siteUrl(app, req), saved ? ctx.t("notify.settings.saved") : null);
  });

  app.post("/mine-notifikationer", hidden, async (req, reply) => {
    if (loginFirst(req, reply)) {
      return reply;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    const settings: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key !== "_csrf" && key !== "locale" && typeof value === "string") {
        settings[key] = value;
      }
    }
    const parsed = ZNotificationSettings.safeParse({ locale: formString(body, "locale"), settings });
    if (!parsed.success) {
      throw new AppError("validation_failed", "Valgene kan ikke læses.");
    }
    await saveNotificationSettings({ db: app.database.db, actor: req.actor }, parsed.data);
    // Shown again by a GET (the new language applies to the page at once).
    return reply.redirect("/mine-notifikationer?gemt=1", 303);
  });

  app.post("/mine-notifikationer/kalender", hidden, async (req, reply) => {
    if (loginFirst(req, reply)) {
      return reply;
    }
    const ctx = pageContext(req, reply);
    await renewCalendarToken(ctx.svc);
    return settingsPage(ctx, reply, siteUrl(app, req), ctx.t("notify.settings.calendarRenewed"));
  });

  app.get<{ Params: { file: string } }>("/mine-moeder/:file", hidden, async (req, reply) => {
    const token = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(req.params.file)?.[1];
    const owner = token ? await calendarOwnerUnchecked(app.database.db, token) : null;
    if (!owner) {
      throw notFound("Kalenderen");
    }
    const text = await meetingCalendar(
      { db: app.database.db, actor: req.actor },
      { bodyIds: owner.bodyIds, name: "Tværs – mine møder", baseUrl: siteUrl(app, req) },
    );
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", 'inline; filename="mine-moeder.ics"')
      .header("cache-control", "private, no-store")
      .header("x-content-type-options", "nosniff")
      .send(text);
  });

  app.post<{ Params: { param: string } }>("/organer/:param/abonnement", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const body = await getBody(ctx.svc, idFromSlugOr404(req.params.param, "Forummet"));
    const parsed = ZSubscribe.safeParse({ email: formString(req.body, "email") });
    const title = ctx.t("notify.sub.heading");
    if (!parsed.success) {
      const page = AskPage({
        ctx,
        title,
        lead: ctx.t("notify.sub.badEmail"),
        action: null,
        button: "",
        done: null,
      });
      return sendPage(reply, ctx, page, 400);
    }
    await requestSubscription(
      app.database.db,
      { email: parsed.data.email, bodyId: body.id, locale: ctx.lang },
      siteUrl(app, req),
    );
    const done = ctx.t("notify.sub.sent", { email: parsed.data.email });
    return sendPage(
      reply,
      ctx,
      AskPage({ ctx, title: body.name, lead: null, action: null, button: "", done }),
    );
  });

  app.get<{ Params: { token: string } }>("/abonnement/:token", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const sub = await findSubscription(app.database.db, req.params.token);
    if (!sub) {
      throw notFound("Abonnementet");
    }
    const lead = ctx.t("notify.confirm.lead", { body: sub.bodyName, email: sub.email });
    const page = sub.confirmedAt
      ? AskPage({
          ctx,
          title: ctx.t("notify.confirm.title"),
          lead: null,
          action: null,
          button: "",
          done: ctx.t("notify.confirm.done", { body: sub.bodyName }),
        })
      : AskPage({
          ctx,
          title: ctx.t("notify.confirm.title"),
          lead,
          action: `/abonnement/${req.params.token}`,
          button: ctx.t("notify.confirm.button"),
          done: null,
        });
    return sendPage(reply, ctx, page);
  });

  app.post<{ Params: { token: string } }>("/abonnement/:token", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const sub = await confirmSubscription(app.database.db, req.params.token);
    const done = ctx.t("notify.confirm.done", { body: sub.bodyName });
    return sendPage(
      reply,
      ctx,
      AskPage({ ctx, title: ctx.t("notify.confirm.title"), lead: null, action: null, button: "", done }),
    );
  });

  app.get("/afmeld/:token", hidden, async (req: TokenReq, reply) => {
    const ctx = pageContext(req, reply);
    const title = ctx.t("notify.unsub.title");
    const target = await findUnsubscribeTarget(app.database.db, req.params.token, req.query.emne);
    if (!target) {
      return sendPage(
        reply,
        ctx,
        AskPage({ ctx, title, lead: ctx.t("notify.unsub.unknown"), action: null, button: "", done: null }),
        404,
      );
    }
    const query = req.query.emne ? `?emne=${encodeURIComponent(req.query.emne)}` : "";
    const lead = ctx.t("notify.unsub.lead", { what: describe(ctx, target) });
    const page = AskPage({
      ctx,
      title,
      lead,
      action: `/afmeld/${req.params.token}${query}`,
      button: ctx.t("notify.unsub.button"),
      done: null,
    });
    return sendPage(reply, ctx, page);
  });

  app.post("/afmeld/:token", hidden, async (req: TokenReq, reply) => {
    const ctx = pageContext(req, reply);
    const target = await unsubscribe(app.database.db, req.params.token, req.query.emne);
    const done = ctx.t("notify.unsub.done", { what: describe(ctx, target) });
    return sendPage(
      reply,
      ctx,
      AskPage({ ctx, title: ctx.t("notify.unsub.title"), lead: null, action: null, button: "", done }),
    );
  });

  // RFC 8058: the mail program posts "List-Unsubscribe=One-Click" here, without cookies or a form token.
  app.withTypeProvider<ZodTypeProvider>().post("/api/v1/notifications/unsubscribe/:token", {
    schema: {
      tags: ["Notifikationer"],
      summary: "Afmeld e-mail med ét klik (RFC 8058; adressen står i mailens List-Unsubscribe)",
      description:
        "Kræver hverken login eller formular-token: nøglen i adressen er hemmelig. `emne` er forum og emne (fx 3:agenda) for en bruger; uden den afmeldes alt. Et offentligt abonnement slettes.",
      params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, "Ukendt nøgle.") }),
      querystring: z.strictObject({ emne: z.string().max(40).optional() }),
      response: { 204: z.null().describe("Afmeldt"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      await unsubscribe(app.database.db, req.params.token, req.query.emne);
      return reply.code(204).send(null);
    },
  });

  app.get("/admin/udsendelser", hidden, async (req, reply) => {
    if (loginFirst(req, reply)) {
      return reply;
    }
    const ctx = pageContext(req, reply);
    return sendPage(reply, ctx, OutboxPage({ ctx, data: await getOutboxOverview(ctx.svc) }));
  });
});
