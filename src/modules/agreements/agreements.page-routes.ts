import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { type FormState, opt, optInt, runForm } from "../../web/secretariat-forms.tsx";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { authorize, canEditBody, isAnySecretary } from "../auth/index.ts";
import { listBodies, type TBody } from "../bodies/index.ts";
import { itemChoices } from "../mandates/index.ts";
import { AgreementPage } from "./agreement.page.tsx";
import { NewAgreementPage } from "./agreements.forms.tsx";
import { getAgreement, getToolbox, listAgreements } from "./agreements.read.ts";
import {
  ZApprove,
  ZCloseHearing,
  ZCreateAgreement,
  ZMoveStatus,
  ZRemarkUpdate,
  ZResponseInput,
  ZStartHearing,
  ZVersionInput,
} from "./agreements.schemas.ts";
import { addVersion, approveAgreement, createAgreement, moveAgreement } from "./agreements.service.ts";
import { agreementPath } from "./agreements.urls.ts";
import { addResponse, closeHearing, startHearing, updateRemark } from "./hearings.service.ts";
import { ZAddRatificationStep, ZUpdateRatificationStep } from "./implementation.schemas.ts";
import { addRatificationStep, getRatification, updateRatificationStep } from "./ratification.service.ts";
import { ratificationUploadRoute } from "./ratification.upload.ts";
import { ToolboxPage } from "./toolbox.pages.tsx";

const hidden = { schema: { hide: true } };
type Param = { Params: { param: string } };

function idOf(req: FastifyRequest<Param>): number {
  return idFromSlugOr404(req.params.param, "Aftalen");
}

/** The forms' date fields, written as Danes write them. */
const DATE_FIELDS = ["on", "startsOn", "endsOn", "receivedOn", "closedOn", "deadline", "approvedOn"] as const;

const decision = (v: Record<string, string>) => ({
  itemId: optInt(v.itemId),
  on: opt(v.on),
  ...(v.note !== undefined ? { note: v.note } : {}),
});

async function allBodies(ctx: PageCtx) {
  return new Map((await listBodies(ctx.svc, { limit: 200 })).items.map((b): [number, TBody] => [b.id, b]));
}

/** The toolbox, an agreement's page, the new-agreement form and the owner secretariat's forms. */
export async function agreementPageRoutes(app: FastifyInstance) {
  app.get("/vaerktoejskasse", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const q = req.query as Record<string, unknown>;
    const query = {
      q: typeof q.q === "string" ? q.q.slice(0, 200) : "",
      theme: typeof q.tema === "string" ? q.tema.slice(0, 200) : "",
    };
    const [toolbox, inHearing] = await Promise.all([
      getToolbox(ctx.svc, { q: query.q, theme: query.theme || undefined }),
      listAgreements(ctx.svc, { status: "hearing" }),
    ]);
    return sendPage(
      reply,
      ctx,
      ToolboxPage({ ctx, toolbox, query, inHearing, canDraft: isAnySecretary(ctx.actor) }),
    );
  });

  async function renderNew(req: FastifyRequest, reply: FastifyReply, state: FormState | null, code = 200) {
    const ctx = pageContext(req, reply);
    authorize(ctx.actor, isAnySecretary(ctx.actor), "Kun et sekretariat kan oprette aftaler.");
    const owners = [...(await allBodies(ctx)).values()]
      .filter((b) => canEditBody(ctx.actor, b.id))
      .sort((a, b) => a.name.localeCompare(b.name, "da"));
    return sendPage(reply, ctx, NewAgreementPage({ ctx, owners, state }), code);
  }

  app.get("/aftaler/ny", hidden, (req, reply) => renderNew(req, reply, null));

  app.post("/aftaler/ny", hidden, async (req, reply) => {
    let created = "";
    return runForm(req, reply, {
      form: "new",
      fallback: "title",
      schema: ZCreateAgreement,
      input: (v) => ({
        title: v.title ?? "",
        kind: v.kind ?? "",
        theme: v.theme ?? "",
        summary: v.summary ?? "",
        ownerBodyId: optInt(v.ownerBodyId),
        contactName: opt(v.contactName) ?? null,
        contactEmail: opt(v.contactEmail) ?? null,
        firstVersion: { label: v.label ?? "", text: opt(v.text) ?? null },
      }),
      change: async (svc, input) => {
        created = agreementPath(await createAgreement(svc, input));
      },
      render: (state, code) => renderNew(req, reply, state, code),
      done: () => `${created}?gemt=1`,
    });
  });

  async function render(
    req: FastifyRequest<Param>,
    reply: FastifyReply,
    state: FormState | null,
    code = 200,
  ) {
    const ctx = pageContext(req, reply);
    const agreement = await getAgreement(ctx.svc, idOf(req));
    const canonical = agreementPath(agreement);
    if (req.method === "GET" && req.url.split("?")[0] !== canonical) {
      return reply.redirect(canonical, 301);
    }
    const related = new Map<number, { id: number; title: string }>();
    for (const id of [agreement.partOfId, agreement.replacedById]) {
      if (id) {
        const r = await getAgreement(ctx.svc, id).catch(() => null);
        if (r) {
          related.set(id, r);
        }
      }
    }
    const bodies = await allBodies(ctx);
    const saved = typeof (req.query as Record<string, unknown>).gemt === "string";
    const editor = agreement.canEdit
      ? {
          items: await itemChoices(ctx, [agreement.ownerBodyId, ...agreement.events.map((e) => e.bodyId)]),
          state,
          saved,
          path: canonical,
        }
      : null;
    const ratification = await getRatification(ctx.svc, agreement.id);
    return sendPage(
      reply,
      ctx,
      AgreementPage({ ctx, data: { agreement, related, bodies, editor, ratification } }),
      code,
    );
  }

  app.get<Param>("/aftaler/:param", hidden, (req, reply) => render(req, reply, null));

  const done = (req: FastifyRequest<Param>) => async () =>
    `${agreementPath(await getAgreement({ db: app.database.db, actor: req.actor }, idOf(req)))}?gemt=1`;
  const post = <S extends z.ZodType>(
    path: string,
    form: string,
    fallback: string,
    schema: S,
    input: (
      v: Record<string, string>,
      req: FastifyRequest<Param & { Params: { remarkId?: string } }>,
    ) => unknown,
    change: (
      svc: Parameters<typeof createAgreement>[0],
      input: z.infer<S>,
      req: FastifyRequest<Param & { Params: { remarkId?: string } }>,
    ) => Promise<unknown>,
  ) =>
    app.post<Param & { Params: { remarkId?: string } }>(
      `/aftaler/:param/${path}`,
      hidden,
      async (req, reply) =>
        runForm(req, reply, {
          form: typeof form === "string" && form.includes(":") ? `remark${req.params.remarkId}` : form,
          fallback,
          schema,
          dates: DATE_FIELDS,
          input: (v) => input(v, req),
          change: (svc, i) => change(svc, i, req),
          render: (state, code) => render(req, reply, state, code),
          done: done(req),
        }),
    );

  post(
    "godkendelser",
    "ratadd",
    "name",
    ZAddRatificationStep,
    (v) => ({ kind: v.kind ?? "", name: v.name ?? "", deadline: opt(v.deadline) ?? null }),
    (svc, i, req) => addRatificationStep(svc, idOf(req), i),
  );

  app.post<Param & { Params: { stepId: string } }>(
    "/aftaler/:param/godkendelser/:stepId",
    hidden,
    async (req, reply) =>
      runForm(req, reply, {
        form: `rat${Number(req.params.stepId) || 0}`,
        fallback: "approvedOn",
        schema: ZUpdateRatificationStep,
        dates: DATE_FIELDS,
        input: (v) => ({
          version: optInt(v.version),
          approvedOn: opt(v.approvedOn) ?? null,
          deadline: opt(v.deadline) ?? null,
          link: opt(v.link) ?? null,
          note: v.note ?? "",
        }),
        change: (svc, i) => updateRatificationStep(svc, Number(req.params.stepId) || 0, i),
        render: (state, code) => render(req, reply, state, code),
        done: done(req),
      }),
  );

  await ratificationUploadRoute(app, render, done);

  post(
    "version",
    "version",
    "label",
    ZVersionInput,
    (v) => ({
      label: v.label ?? "",
      track: v.track || undefined,
      changeNote: v.changeNote ?? "",
      text: opt(v.text) ?? null,
    }),
    (svc, i, req) => addVersion(svc, idOf(req), i),
  );

  post(
    "hoering",
    "hearing",
    "startsOn",
    ZStartHearing,
    (v) => ({
      startsOn: v.startsOn ?? "",
      endsOn: v.endsOn ?? "",
      invitees: (v.invitees ?? "")
        .split(/\r?\n/)
        .map((n) => n.trim())
        .filter(Boolean)
        .map((name) => ({ name })),
      ...decision(v),
    }),
    (svc, i, req) => startHearing(svc, idOf(req), i),
  );

  post(
    "svar",
    "response",
    "text",
    ZResponseInput,
    (v) => ({
      partyName: v.partyName ?? "",
      receivedOn: v.receivedOn ?? "",
      text: v.text ?? "",
      splitText: true,
    }),
    (svc, i, req) => addResponse(svc, Number((req.body as Record<string, string>).hearingId), i),
  );

  post(
    "bemaerkning/:remarkId",
    "remark:",
    "handling",
    ZRemarkUpdate,
    (v) => ({
      version: optInt(v.version),
      handling: opt(v.handling) ?? null,
      answer: v.answer ?? "",
    }),
    (svc, i, req) => updateRemark(svc, Number(req.params.remarkId), i),
  );

  post(
    "afslut-hoering",
    "close",
    "closedOn",
    ZCloseHearing,
    (v) => ({
      closedOn: v.closedOn ?? "",
      publishResponses: v.publishResponses === "1",
    }),
    (svc, i, req) => closeHearing(svc, Number((req.body as Record<string, string>).hearingId), i),
  );

  post(
    "godkend",
    "approve",
    "bodyId",
    ZApprove,
    (v) => ({
      versionId: optInt(v.versionId),
      bodyId: optInt(v.bodyId),
      ...decision(v),
      publishResponses: v.publishResponses === "1",
    }),
    (svc, i, req) => approveAgreement(svc, idOf(req), i),
  );

  post(
    "status",
    "move",
    "to",
    ZMoveStatus,
    (v) => ({
      to: v.to ?? "",
      bodyId: optInt(v.bodyId),
      ...decision(v),
    }),
    (svc, i, req) => moveAgreement(svc, idOf(req), i),
  );
}
