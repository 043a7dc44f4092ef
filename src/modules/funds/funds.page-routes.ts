import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseDanishDate } from "../../lib/danish-date.ts";
import { parseKroner } from "../../lib/money.ts";
import { XLSX_MIME } from "../../lib/xlsx.ts";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { type FieldErrors, formString } from "../../web/form-fields.tsx";
import { formatDate } from "../../web/format.ts";
import type { Translate } from "../../web/i18n.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { idFromSlugOr404, slugify } from "../../web/slug.ts";
import { canEditBody, isAnySecretary } from "../auth/index.ts";
import { getBody, listBodies } from "../bodies/index.ts";
import {
  getMeetingRow,
  isMinutesLocked,
  listBodyMeetings,
  listMeetingItems,
  meetingPath,
} from "../meetings/index.ts";
import { attachStatusToItem } from "./attach.service.ts";
import { fundEditPageRoutes } from "./fund-edit.page-routes.ts";
import { statusCsv, statusXlsx } from "./funds.export.ts";
import type { FundFormName, FundForms } from "./funds.forms.tsx";
import { FundPage, type FundSummary, FundsPage } from "./funds.pages.tsx";
import { sendFile } from "./funds.routes.ts";
import { listFunds, setIncome } from "./funds.service.ts";
import { fundPath } from "./funds.urls.ts";
import { createGrant, previewGrant } from "./grants.service.ts";
import { listInitiativeTitles } from "./initiative-titles.ts";
import { carryOver, loadFundStatus } from "./status.service.ts";

const hidden = { schema: { hide: true } };
type Param = { Params: { param: string } };

/** The fund of a readable address; 404 for anything else. */
function fundIdOf(req: FastifyRequest<Param>): number {
  return idFromSlugOr404(req.params.param, "Puljen");
}

/** The forms' choices: initiatives to fund and the items of the body's meetings that can still change. */
async function formChoices(ctx: PageCtx, bodyId: number) {
  const meetings = (await listBodyMeetings(ctx.svc, bodyId)).filter(
    (m) => !isMinutesLocked(m.status) && !m.cancelled,
  );
  const items: { id: number; label: string }[] = [];
  for (const m of meetings.slice(-6)) {
    const row = await getMeetingRow(ctx.svc.db, m.id);
    for (const i of await listMeetingItems(ctx.svc, row)) {
      items.push({ id: i.id, label: `${formatDate(new Date(m.start), ctx.lang)} · ${i.number}. ${i.title}` });
    }
  }
  return { initiatives: await listInitiativeTitles(ctx.svc), items };
}

const FIELD_OF: Record<string, string> = {
  title: "grant-title",
  approvedOn: "grant-approvedOn",
  pendingUntil: "grant-pendingUntil",
  itemId: "grant-item",
  keyAmountOre: "grant-key",
  declaredTotalOre: "grant-declared",
  parts: "grant-key",
  fromYear: "carry-year",
  decidedOn: "carry-date",
};

/** Maps the service's field paths ("parts.0.partyId") to the form's field ids. */
function fieldErrors(form: FundFormName, err: AppError, partyIds: number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const f of err.fields ?? []) {
    const part = /^(?:parts|amounts)\.(\d+)\./.exec(f.path);
    const id = part
      ? `${form}-p${partyIds[Number(part[1])] ?? ""}`
      : (FIELD_OF[f.path] ?? `${form}-${f.path}`);
    out[id] = f.message;
  }
  if (Object.keys(out).length === 0) {
    out[
      form === "grant"
        ? "grant-title"
        : form === "income"
          ? "income-year"
          : form === "attach"
            ? "attach-item"
            : "carry-year"
    ] = err.message;
  }
  return out;
}

export async function fundPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;
  await fundEditPageRoutes(app);

  app.get("/puljer", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const funds = (await listFunds(ctx.svc, { limit: 200 })).items;
    const bodies = new Map((await listBodies(ctx.svc, { limit: 200 })).items.map((b) => [b.id, b]));
    const summaries: FundSummary[] = [];
    for (const fund of funds) {
      const s = await loadFundStatus(ctx.svc, fund.id);
      summaries.push({
        fund,
        body: bodies.get(fund.bodyId) ?? null,
        income: s.table.totals.incomeTotal,
        granted: s.table.totals.granted,
        remaining: s.table.totals.remaining,
      });
    }
    return sendPage(reply, ctx, FundsPage({ ctx, funds: summaries, canCreate: isAnySecretary(ctx.actor) }));
  });

  async function render(
    req: FastifyRequest<Param>,
    reply: FastifyReply,
    forms: Omit<FundForms, "initiatives" | "items"> | null,
    code = 200,
  ) {
    const ctx = pageContext(req, reply);
    const id = fundIdOf(req);
    const status = await loadFundStatus(ctx.svc, id);
    const canonical = fundPath(status.fund);
    if (req.method === "GET" && req.url.split("?")[0] !== canonical) {
      return reply.redirect(canonical, 301);
    }
    const body = await getBody(ctx.svc, status.fund.bodyId);
    const meetingHref = new Map<number, string>();
    for (const g of status.grants) {
      if (g.item && !meetingHref.has(g.item.meetingId)) {
        const m = await getMeetingRow(ctx.svc.db, g.item.meetingId);
        const b = await getBody(ctx.svc, m.bodyId);
        meetingHref.set(m.id, meetingPath(m, b));
      }
    }
    const editor = canEditBody(ctx.actor, body.id);
    const data = {
      status,
      body,
      meetingHref,
      forms: editor
        ? {
            ...(await formChoices(ctx, body.id)),
            ...(forms ?? { values: {}, failed: null, preview: null, done: null }),
          }
        : null,
    };
    return sendPage(reply, ctx, FundPage({ ctx, data }), code);
  }

  app.get<Param>("/puljer/:param", hidden, async (req, reply) => {
    const done =
      typeof (req.query as Record<string, unknown>).gemt === "string"
        ? pageContext(req, reply).t("funds.form.saved")
        : null;
    return render(req, reply, { values: {}, failed: null, preview: null, done });
  });

  for (const format of ["csv", "xlsx"] as const) {
    app.get<Param>(`/puljer/:param/status.${format}`, hidden, async (req, reply) => {
      const ctx = pageContext(req, reply);
      const status = await loadFundStatus(ctx.svc, fundIdOf(req));
      const name = `${slugify(`status ${status.fund.name}`) || "status"}.${format}`;
      return format === "csv"
        ? sendFile(reply, statusCsv(status, ctx.t, ctx.lang), "text/csv; charset=utf-8", name)
        : sendFile(reply, statusXlsx(status, ctx.t, ctx.lang), XLSX_MIME, name);
    });
  }

  /** Runs a form's change in one transaction; on bad input shows the page again with 400 and the errors. */
  async function handle(
    req: FastifyRequest<Param>,
    reply: FastifyReply,
    form: FundFormName,
    change: (
      svc: Ctx,
      values: Record<string, string>,
      partyIds: number[],
    ) => Promise<FieldErrors | "preview" | undefined>,
  ) {
    const ctx = pageContext(req, reply);
    const id = fundIdOf(req);
    const status = await loadFundStatus(ctx.svc, id);
    const partyIds = status.fund.parties.map((p) => p.partyId);
    const values: Record<string, string> = {};
    for (const key of Object.keys((req.body ?? {}) as object)) {
      if (key !== "_csrf") {
        values[key] = formString(req.body, key);
      }
    }
    if (form === "attach") {
      values.attachItemId = values.itemId ?? "";
    }
    const fail = (fields: FieldErrors, message: string) =>
      render(req, reply, { values, failed: { form, message, fields }, preview: null, done: null }, 400);
    try {
      let preview: FundForms["preview"] = null;
      const result = await db().transaction(async (tx) => {
        const svc = { db: tx, actor: ctx.actor };
        const r = await change(svc, values, partyIds);
        if (r === "preview") {
          const p = await previewGrant(svc, id, grantInput(values, partyIds, ctx.t).input);
          preview = {
            parts: p.parts.map((x) => ({ name: x.name, amountOre: BigInt(x.amountOre), byKey: x.byKey })),
            totalOre: BigInt(p.totalOre),
            mismatchOre: p.mismatchOre === null ? null : BigInt(p.mismatchOre),
          };
        }
        return r;
      });
      if (result && result !== "preview") {
        return fail(result, ctx.t("funds.form.failed"));
      }
      if (result === "preview") {
        return render(req, reply, { values, failed: null, preview, done: null });
      }
      return reply.redirect(`${fundPath(status.fund)}?gemt=1`, 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 401 && err.status !== 403) {
        return fail(fieldErrors(form, err, partyIds), err.message);
      }
      throw err;
    }
  }

  app.post<Param>("/puljer/:param/indtaegt", hidden, async (req, reply) =>
    handle(req, reply, "income", async (svc, v, partyIds) => {
      const { t } = pageContext(req, reply);
      const errors: FieldErrors = {};
      const year = Number(v.year);
      if (!/^\d{4}$/.test(v.year ?? "") || year < 1900 || year > 2200) {
        errors["income-year"] = t("money.error.year");
      }
      const amounts: { partyId: number; amountOre: bigint }[] = [];
      for (const partyId of partyIds) {
        const text = v[`p${partyId}`] ?? "";
        if (!text) {
          continue;
        }
        const ore = parseKroner(text);
        if (ore === null || ore < 0n) {
          errors[`income-p${partyId}`] = t("money.error.amount");
        } else {
          amounts.push({ partyId, amountOre: ore });
        }
      }
      if (amounts.length === 0 && !errors["income-year"]) {
        errors[`income-p${partyIds[0] ?? ""}`] = t("money.error.oneAmount");
      }
      if (Object.keys(errors).length > 0) {
        return errors;
      }
      await setIncome(svc, fundIdOf(req), year, amounts);
      return undefined;
    }),
  );

  app.post<Param>("/puljer/:param/bevillinger", hidden, async (req, reply) =>
    handle(req, reply, "grant", async (svc, v, partyIds) => {
      const { input, errors } = grantInput(v, partyIds, pageContext(req, reply).t);
      if (Object.keys(errors).length > 0) {
        return errors;
      }
      if (v.action === "preview") {
        return "preview";
      }
      await createGrant(svc, fundIdOf(req), input);
      return undefined;
    }),
  );

  app.post<Param>("/puljer/:param/bilag", hidden, async (req, reply) =>
    handle(req, reply, "attach", async (svc, v) => {
      const { t } = pageContext(req, reply);
      const itemId = Number(v.itemId);
      if (!Number.isInteger(itemId) || itemId <= 0) {
        return { "attach-item": t("money.error.item") };
      }
      await attachStatusToItem(svc, fundIdOf(req), {
        itemId,
        edition: v.edition === "full" ? "full" : "public",
      });
      return undefined;
    }),
  );

  app.post<Param>("/puljer/:param/overfoersel", hidden, async (req, reply) =>
    handle(req, reply, "carry", async (svc, v) => {
      const { t } = pageContext(req, reply);
      const errors: FieldErrors = {};
      if (!/^\d{4}$/.test(v.fromYear ?? "")) {
        errors["carry-year"] = t("money.error.carryYear");
      }
      const decidedOn = parseDanishDate(v.decidedOn ?? "");
      if (!decidedOn) {
        errors["carry-date"] = t("form.dateError");
      }
      if (Object.keys(errors).length > 0) {
        return errors;
      }
      await carryOver(svc, fundIdOf(req), { fromYear: Number(v.fromYear), decidedOn: decidedOn as string });
      return undefined;
    }),
  );
}

/** The grant form's values as the service's input, with field errors (in the reader's language) for what cannot be read. */
function grantInput(v: Record<string, string>, partyIds: number[], t: Translate) {
  const errors: FieldErrors = {};
  const money = (id: string, text: string | undefined) => {
    if (!text) {
      return null;
    }
    const ore = parseKroner(text);
    if (ore === null || ore < 0n) {
      errors[id] = t("money.error.amount");
      return null;
    }
    return ore;
  };
  const date = (id: string, text: string | undefined) => {
    if (!text) {
      return null;
    }
    const day = parseDanishDate(text);
    if (!day) {
      errors[id] = t("form.dateError");
    }
    return day;
  };
  if (!v.title) {
    errors["grant-title"] = t("money.error.grantTitle");
  }
  const parts = partyIds.flatMap((partyId) => {
    const ore = money(`grant-p${partyId}`, v[`p${partyId}`]);
    return ore === null ? [] : [{ partyId, amountOre: ore }];
  });
  const status = v.status === "approved" || v.status === "rejected" ? v.status : "pending";
  const input = {
    title: (v.title ?? "").slice(0, 300),
    initiativeId: v.initiativeId ? Number(v.initiativeId) : null,
    status,
    itemId: v.itemId ? Number(v.itemId) : null,
    approvedOn: date("grant-approvedOn", v.approvedOn),
    pendingUntil: date("grant-pendingUntil", v.pendingUntil),
    parts,
    keyAmountOre: money("grant-key", v.keyAmount),
    declaredTotalOre: money("grant-declared", v.declaredTotal),
  } as const;
  return { input: { ...input, parts: [...parts] }, errors };
}
