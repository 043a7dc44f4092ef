import type { FastifyInstance, FastifyRequest } from "fastify";
import { formString } from "../../web/form-fields.tsx";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { AskPage } from "../notifications/index.ts";
import {
  confirmSearchSubscription,
  findSearchSubscription,
  requestSearchSubscription,
  searchName,
  unsubscribeSearch,
  ZSearchSubscribe,
} from "./public-alerts.service.ts";
import { filtersFromForm } from "./saved.page-routes.ts";
import { baseUrlOf } from "./search.routes.ts";

const hidden = { schema: { hide: true } };
type TokenReq = FastifyRequest<{ Params: { token: string } }>;

/** A page that tells (no form): the answer after subscribing, confirming or unsubscribing. */
const told = (ctx: PageCtx, title: string, done: string) =>
  AskPage({ ctx, title, lead: null, action: null, button: "", done });

/** A confirmation or unsubscribe link that is unknown, used up or mistyped. */
const unknownLink = (ctx: PageCtx, title: string) =>
  AskPage({ ctx, title, lead: ctx.t("search.alert.unknown"), action: null, button: "", done: null });

/**
 * The public's e-mail alerts of a search: the form on /soeg, the confirmation link (a page that asks
 * before it confirms, so a mail scanner opening links confirms nothing) and the unsubscribe page.
 */
export async function publicAlertPageRoutes(app: FastifyInstance) {
  app.post("/soeg/abonner", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const title = ctx.t("search.alert.heading");
    const parsed = ZSearchSubscribe.safeParse({ email: formString(req.body, "email") });
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
    await requestSearchSubscription(
      app.database.db,
      {
        email: parsed.data.email,
        query: formString(req.body, "q"),
        filters: filtersFromForm(req.body),
        locale: ctx.lang,
      },
      baseUrlOf(app, req),
    );
    return sendPage(reply, ctx, told(ctx, title, ctx.t("search.alert.sent", { email: parsed.data.email })));
  });

  app.get("/soeg/abonnement/:token", hidden, async (req: TokenReq, reply) => {
    const ctx = pageContext(req, reply);
    const title = ctx.t("search.alert.confirmTitle");
    const sub = await findSearchSubscription(app.database.db, req.params.token);
    if (!sub) {
      return sendPage(reply, ctx, unknownLink(ctx, title), 404);
    }
    const name = searchName(ctx.lang, sub.query);
    if (sub.confirmedAt) {
      return sendPage(reply, ctx, told(ctx, title, ctx.t("search.alert.confirmed", { name })));
    }
    const page = AskPage({
      ctx,
      title,
      lead: ctx.t("search.alert.confirmAsk", { email: sub.email, name }),
      action: `/soeg/abonnement/${req.params.token}`,
      button: ctx.t("search.alert.confirmButton"),
      done: null,
    });
    return sendPage(reply, ctx, page);
  });

  app.post("/soeg/abonnement/:token", hidden, async (req: TokenReq, reply) => {
    const ctx = pageContext(req, reply);
    const sub = await confirmSearchSubscription(app.database.db, req.params.token);
    const done = ctx.t("search.alert.confirmed", { name: searchName(ctx.lang, sub.query) });
    return sendPage(reply, ctx, told(ctx, ctx.t("search.alert.confirmTitle"), done));
  });

  app.get("/soeg/afmeld/:token", hidden, async (req: TokenReq, reply) => {
    const ctx = pageContext(req, reply);
    const title = ctx.t("search.alert.unsubTitle");
    const sub = await findSearchSubscription(app.database.db, req.params.token);
    if (!sub) {
      return sendPage(reply, ctx, unknownLink(ctx, title), 404);
    }
    const page = AskPage({
      ctx,
      title,
      lead: ctx.t("search.alert.unsubAsk", { name: searchName(ctx.lang, sub.query) }),
      action: `/soeg/afmeld/${req.params.token}`,
      button: ctx.t("search.alert.unsubButton"),
      done: null,
    });
    return sendPage(reply, ctx, page);
  });

  app.post("/soeg/afmeld/:token", hidden, async (req: TokenReq, reply) => {
    const ctx = pageContext(req, reply);
    const sub = await unsubscribeSearch(app.database.db, req.params.token);
    const done = ctx.t("search.alert.unsubDone", { name: searchName(ctx.lang, sub.query) });
    return sendPage(reply, ctx, told(ctx, ctx.t("search.alert.unsubTitle"), done));
  });
}
