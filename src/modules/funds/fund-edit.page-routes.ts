/**
 * The secretariat's forms for a fund itself: /puljer/ny (a new fund) and /puljer/<id>/rediger (its own
 * fields, and its parties with the key). Same policy as the API (the fund's body's secretary, or an admin),
 * the API's Zod schemas, one transaction, 303 on success and 400/409 with the form again on failure.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../server/errors.ts";
import { ZVersion } from "../../server/schemas.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { type FormState, opt, optInt, runForm } from "../../web/secretariat-forms.tsx";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { authorize, canEditBody, isAnySecretary } from "../auth/index.ts";
import { listBodies } from "../bodies/index.ts";
import { listParties } from "../parties/index.ts";
import { conflictState } from "./form-conflict.tsx";
import { EditFundPage, NewFundPage } from "./fund-edit.forms.tsx";
import { ZFundFields, ZFundUpdateFields, ZSetParties } from "./funds.schemas.ts";
import { createFund, getFund, setFundParties, updateFund } from "./funds.service.ts";
import { fundPath } from "./funds.urls.ts";

const hidden = { schema: { hide: true } };
type Param = { Params: { param: string } };

const ZNewFund = z.strictObject(ZFundFields);
const ZEditFund = z.strictObject({ version: ZVersion, ...ZFundUpdateFields });

function fundIdOf(req: FastifyRequest<Param>): number {
  return idFromSlugOr404(req.params.param, "Puljen");
}

const fundInput = (v: Record<string, string>) => ({
  name: v.name ?? "",
  description: v.description ?? "",
  keyBasis: opt(v.keyBasis),
  keyYear: opt(v.keyYear) ?? null,
});

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", message, [{ path, message }]);

/** A service error about "parties.3.keyWeight" belongs to the form's field of that party. */
function partyFieldError(e: unknown, partyIds: number[]): unknown {
  if (!(e instanceof AppError) || !e.fields) {
    return e;
  }
  const fields = e.fields.map((f) => {
    const m = /^parties\.(\d+)\.(partyId|keyWeight)$/.exec(f.path);
    const id = m ? partyIds[Number(m[1])] : undefined;
    return id === undefined ? f : { ...f, path: `${m?.[2] === "keyWeight" ? "vaegt" : "part"}-${id}` };
  });
  return new AppError(e.code, e.message, fields);
}

export async function fundEditPageRoutes(app: FastifyInstance) {
  async function renderNew(req: FastifyRequest, reply: FastifyReply, state: FormState | null, code = 200) {
    const ctx = pageContext(req, reply);
    authorize(ctx.actor, isAnySecretary(ctx.actor), "Kun et sekretariat kan oprette puljer.");
    const bodies = (await listBodies(ctx.svc, { limit: 200 })).items
      .filter((b) => canEditBody(ctx.actor, b.id))
      .sort((a, b) => a.name.localeCompare(b.name, "da"));
    return sendPage(reply, ctx, NewFundPage({ ctx, bodies, state }), code);
  }

  app.get("/puljer/ny", hidden, (req, reply) => renderNew(req, reply, null));

  app.post("/puljer/ny", hidden, async (req, reply) => {
    let created = "";
    return runForm(req, reply, {
      form: "fund",
      fallback: "name",
      schema: ZNewFund,
      input: (v) => ({ bodyId: optInt(v.bodyId), ...fundInput(v) }),
      change: async (svc, input) => {
        created = fundPath(await createFund(svc, input));
      },
      render: (state, code) => renderNew(req, reply, state, code),
      done: () => `${created}/rediger?oprettet=1#parties-h`,
    });
  });

  async function renderEdit(
    req: FastifyRequest<Param>,
    reply: FastifyReply,
    state: FormState | null,
    code = 200,
    stale = false,
  ) {
    const ctx = pageContext(req, reply);
    const fund = await getFund(ctx.svc, fundIdOf(req));
    authorize(ctx.actor, canEditBody(ctx.actor, fund.bodyId), "Kun forummets sekretariat kan rette puljen.");
    const canonical = `${fundPath(fund)}/rediger`;
    if (req.method === "GET" && req.url.split("?")[0] !== canonical) {
      return reply.redirect(canonical, 301);
    }
    const parties = await partiesInFormOrder(ctx, fund);
    let shown = state;
    if (state && stale && state.form === "fund") {
      shown = conflictState(
        ctx,
        state,
        fundShown(ctx, fundInput(state.values)),
        fundShown(ctx, fundInput(savedValues(fund))),
        "name",
      );
    } else if (state && stale) {
      shown = { ...state, message: ctx.t("money.conflict") };
    }
    const version = state && !stale ? Number(state.values.version) || fund.version : fund.version;
    const q = req.query as Record<string, unknown>;
    const done =
      typeof q.oprettet === "string"
        ? ctx.t("funds.form.created")
        : typeof q.gemt === "string"
          ? ctx.t("funds.form.saved")
          : null;
    return sendPage(
      reply,
      ctx,
      EditFundPage({ ctx, data: { fund, parties, state: shown, version, conflict: stale, done } }),
      code,
    );
  }

  app.get<Param>("/puljer/:param/rediger", hidden, (req, reply) => renderEdit(req, reply, null));

  app.post<Param>("/puljer/:param/rediger", hidden, async (req, reply) => {
    let stale = false;
    return runForm(req, reply, {
      form: "fund",
      fallback: "name",
      schema: ZEditFund,
      input: (v) => ({ version: optInt(v.version), ...fundInput(v) }),
      change: async (svc, input) => {
        await updateFund(svc, fundIdOf(req), input).catch((e: unknown) => {
          stale = e instanceof AppError && e.code === "version_conflict";
          throw e;
        });
      },
      render: (state, code) => renderEdit(req, reply, state, code, stale),
      done: async () => `${fundPath(await getFund(pageContext(req, reply).svc, fundIdOf(req)))}?gemt=1`,
    });
  });

  app.post<Param>("/puljer/:param/parter", hidden, async (req, reply) => {
    let stale = false;
    const ctx = pageContext(req, reply);
    const fund = await getFund(ctx.svc, fundIdOf(req));
    authorize(ctx.actor, canEditBody(ctx.actor, fund.bodyId), "Kun forummets sekretariat kan rette puljen.");
    const shownOrder = (await partiesInFormOrder(ctx, fund)).map((p) => p.id);
    let order: number[] = [];
    return runForm(req, reply, {
      form: "parties",
      fallback: "parties",
      schema: ZSetParties,
      input: (v) => {
        // the order the form shows: the fund's parties keep theirs, newly chosen ones follow
        order = shownOrder.filter((id) => v[`part-${id}`]);
        return {
          version: optInt(v.version),
          parties: order.map((partyId) => {
            const weight = opt(v[`vaegt-${partyId}`]);
            if (weight !== undefined && !/^\d{1,17}$/.test(weight)) {
              throw invalid(`vaegt-${partyId}`, ctx.t("money.error.weight"));
            }
            return { partyId, inKey: v[`part-${partyId}`] === "key", keyWeight: weight ?? null };
          }),
        };
      },
      change: async (svc, input) => {
        await setFundParties(svc, fund.id, input).catch((e: unknown) => {
          stale = e instanceof AppError && e.code === "version_conflict";
          throw partyFieldError(e, order);
        });
      },
      render: (state, code) => renderEdit(req, reply, state, code, stale),
      done: `${fundPath(fund)}/rediger?gemt=1#parties-h`,
    });
  });
}

/** Every party as the parties form lists them: the fund's own in their order, then the rest by kind and name. */
async function partiesInFormOrder(ctx: PageCtx, fund: Awaited<ReturnType<typeof getFund>>) {
  const own = new Map(fund.parties.map((p, i) => [p.partyId, i]));
  return (await listParties(ctx.svc, { limit: 200 })).items.sort(
    (a, b) =>
      (own.get(a.id) ?? 1e6) - (own.get(b.id) ?? 1e6) ||
      a.type.localeCompare(b.type) ||
      a.name.localeCompare(b.name, "da"),
  );
}

/** The form's values of the saved fund. */
function savedValues(fund: Awaited<ReturnType<typeof getFund>>): Record<string, string> {
  return {
    name: fund.name,
    description: fund.description,
    keyBasis: fund.keyBasis,
    keyYear: fund.keyYear === null ? "" : String(fund.keyYear),
  };
}

/** The fund's fields as shown, for comparing mine with the saved version. */
function fundShown(ctx: PageCtx, input: ReturnType<typeof fundInput>): Record<string, string> {
  const basis = input.keyBasis ?? "income_all_years";
  return {
    name: input.name.trim(),
    description: input.description.trim(),
    keyBasis:
      basis === "income_year"
        ? ctx.t("funds.form.keyIncomeYear")
        : basis === "decided" || basis === "income_all_years"
          ? ctx.t(`funds.key.${basis}`)
          : basis,
    keyYear: input.keyYear ?? "",
  };
}
