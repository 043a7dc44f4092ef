import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { formString } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { authorize, isPrivileged } from "../auth/index.ts";
import { listBodies } from "../bodies/index.ts";
import { listParties } from "../parties/index.ts";
import { PreviewPage } from "./preview.pages.tsx";
import { fieldOf, PAIRS, type ReorgFormValues, readForm, toInput } from "./reorganisation.form.ts";
import { BASE, type Choice, ReorganisationPage, ReorganisationsPage } from "./reorganisation.pages.tsx";
import type { TReorganisationInput } from "./reorganisation.schemas.ts";
import {
  carryOutReorganisation,
  getReorganisation,
  listReorganisations,
  previewReorganisation,
  undoReorganisation,
} from "./reorganisation.service.ts";

const hidden = { schema: { hide: true } };
type Param = { Params: { param: string } };

const EMPTY: ReorgFormValues = {
  kind: "merge",
  title: "",
  note: "",
  effectiveDate: "",
  pairs: Array.from({ length: PAIRS }, () => ({ from: "", to: "" })),
  assignments: {},
};

/** Admins only; a reader who is not logged in is sent to log in first. */
function adminCtx(req: FastifyRequest, reply: FastifyReply): PageCtx | null {
  if (req.actor.userId === null) {
    void reply.redirect(`/log-ind?next=${encodeURIComponent(req.url)}`, 303);
    return null;
  }
  const ctx = pageContext(req, reply);
  authorize(ctx.actor, isPrivileged(ctx.actor), "Kun administratorer kan se strukturændringer.");
  return ctx;
}

/** Every body and party (closed ones too: an earlier change may be recorded), by name. */
async function choices(ctx: PageCtx): Promise<{ bodies: Choice[]; parties: Choice[] }> {
  const bodies: Choice[] = [];
  const parties: Choice[] = [];
  let cursor: string | undefined;
  do {
    const page = await listBodies(ctx.svc, { limit: 200, ...(cursor ? { cursor } : {}) });
    bodies.push(...page.items.map((b) => ({ value: `body:${b.id}`, label: labelOf(ctx, b) })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  do {
    const page = await listParties(ctx.svc, { limit: 200, ...(cursor ? { cursor } : {}) });
    parties.push(...page.items.map((p) => ({ value: `party:${p.id}`, label: labelOf(ctx, p) })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label, "da");
  return { bodies: bodies.sort(byLabel), parties: parties.sort(byLabel) };
}

function labelOf(ctx: PageCtx, n: { name: string; status: "active" | "being_set_up" | "closed" }) {
  return n.status === "active"
    ? n.name
    : `${n.name} (${ctx.t(`structure.status.${n.status}` as MessageKey)})`;
}

async function listPage(ctx: PageCtx, reply: FastifyReply, values: ReorgFormValues, errors: FieldErrors) {
  const status = Object.keys(errors).length > 0 ? 400 : 200;
  const page = ReorganisationsPage({
    ctx,
    list: await listReorganisations(ctx.svc),
    values,
    errors,
    ...(await choices(ctx)),
  });
  return sendPage(reply, ctx, page, status);
}

function serviceErrors(err: unknown): FieldErrors | null {
  if (err instanceof AppError && err.code === "validation_failed") {
    const out: FieldErrors = {};
    for (const f of err.fields ?? [{ path: "from1", message: err.message }]) {
      out[fieldOf(f.path)] = f.message;
    }
    return out;
  }
  return null;
}

/** Previews in one transaction, so every list is read from the same moment; nothing is written. */
async function preview(ctx: PageCtx, input: TReorganisationInput) {
  return ctx.svc.db.transaction((tx) => previewReorganisation({ db: tx, actor: ctx.actor }, input));
}

/** /admin/strukturaendringer: list, form, preview, confirm (second step), detail and undo. */
export async function reorganisationPageRoutes(app: FastifyInstance) {
  app.get(BASE, hidden, async (req, reply) => {
    const ctx = adminCtx(req, reply);
    return ctx ? listPage(ctx, reply, EMPTY, {}) : reply;
  });

  app.post(`${BASE}/forhaandsvisning`, hidden, async (req, reply) => {
    const ctx = adminCtx(req, reply);
    if (!ctx) {
      return reply;
    }
    const values = readForm(req.body);
    const parsed = toInput(values, ctx.t);
    if ("errors" in parsed) {
      return listPage(ctx, reply, values, parsed.errors);
    }
    try {
      return sendPage(
        reply,
        ctx,
        PreviewPage({ ctx, preview: await preview(ctx, parsed.input), values, errors: {}, changed: null }),
      );
    } catch (err) {
      const errors = serviceErrors(err);
      if (errors) {
        return listPage(ctx, reply, values, errors);
      }
      throw err;
    }
  });

  app.post(BASE, hidden, async (req, reply) => {
    const ctx = adminCtx(req, reply);
    if (!ctx) {
      return reply;
    }
    const values = readForm(req.body);
    const parsed = toInput(values, ctx.t);
    if ("errors" in parsed) {
      return listPage(ctx, reply, values, parsed.errors);
    }
    const previewDigest = formString(req.body, "previewDigest");
    if (formString(req.body, "confirm") !== "1") {
      const errors = { confirm: ctx.t("reorg.confirmMissing") };
      const page = PreviewPage({
        ctx,
        preview: await preview(ctx, parsed.input),
        values,
        errors,
        changed: null,
      });
      return sendPage(reply, ctx, page, 400);
    }
    try {
      const done = await ctx.svc.db.transaction((tx) =>
        carryOutReorganisation({ db: tx, actor: ctx.actor }, { ...parsed.input, previewDigest }),
      );
      return reply.redirect(`${BASE}/${done.id}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") {
        const page = PreviewPage({
          ctx,
          preview: await preview(ctx, parsed.input),
          values,
          errors: {},
          changed: err.message,
        });
        return sendPage(reply, ctx, page, 409);
      }
      const errors = serviceErrors(err);
      if (errors) {
        return listPage(ctx, reply, values, errors);
      }
      throw err;
    }
  });

  app.get<Param>(`${BASE}/:param`, hidden, async (req, reply) => {
    const ctx = adminCtx(req, reply);
    if (!ctx) {
      return reply;
    }
    const r = await getReorganisation(ctx.svc, idFromSlugOr404(req.params.param, "Strukturændringen"));
    return sendPage(reply, ctx, ReorganisationPage({ ctx, r, confirmUndo: false }));
  });

  app.get<Param>(`${BASE}/:param/fortryd`, hidden, async (req, reply) => {
    const ctx = adminCtx(req, reply);
    if (!ctx) {
      return reply;
    }
    const r = await getReorganisation(ctx.svc, idFromSlugOr404(req.params.param, "Strukturændringen"));
    return sendPage(reply, ctx, ReorganisationPage({ ctx, r, confirmUndo: true }));
  });

  app.post<Param>(`${BASE}/:param/fortryd`, hidden, async (req, reply) => {
    const ctx = adminCtx(req, reply);
    if (!ctx) {
      return reply;
    }
    const id = idFromSlugOr404(req.params.param, "Strukturændringen");
    await ctx.svc.db.transaction((tx) => undoReorganisation({ db: tx, actor: ctx.actor }, id));
    return reply.redirect(`${BASE}/${id}`, 303);
  });
}
