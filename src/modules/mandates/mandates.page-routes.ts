import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { notFound } from "../../server/errors.ts";
import type { Translate } from "../../web/i18n.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { type FormState, opt, optInt, runForm } from "../../web/secretariat-forms.tsx";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { todayInDenmark } from "../auth/index.ts";
import { getBody, listBodies, type TBody } from "../bodies/index.ts";
import { listBodyMeetings } from "../meetings/index.ts";
import { listParties } from "../parties/index.ts";
import { listMemberships, listPersonsByIds, personPath } from "../people/index.ts";
import { GroupsPage } from "./groups.pages.tsx";
import { itemChoices } from "./item-choices.ts";
import { canManageGroup, invalid } from "./mandates.access.ts";
import { MandatePage } from "./mandates.pages.tsx";
import { getMandate, listGroups } from "./mandates.read.ts";
import { parseDeliverableLines, parseSeatLines } from "./mandates.rules.ts";
import {
  ZApproveVersion,
  ZChangeStatus,
  ZRecordReport,
  ZReviseMandate,
  ZSetUpGroup,
} from "./mandates.schemas.ts";
import {
  approveMandateVersion,
  changeGroupStatus,
  recordReport,
  reviseMandate,
  setUpGroup,
} from "./mandates.service.ts";
import { groupsPath, mandatePath } from "./mandates.urls.ts";

const hidden = { schema: { hide: true } };
type Param = { Params: { param: string } };

function idOf(req: FastifyRequest<Param>): number {
  return idFromSlugOr404(req.params.param, "Forummet");
}

const saved = (req: FastifyRequest) => typeof (req.query as Record<string, unknown>).gemt === "string";

async function allBodies(ctx: PageCtx) {
  return new Map((await listBodies(ctx.svc, { limit: 200 })).items.map((b): [number, TBody] => [b.id, b]));
}

/** Composition and deliverables come from lines of text; a line that cannot be read is a field error. */
function mandateInput(v: Record<string, string>, carryOver: boolean, t: Translate) {
  const seats = parseSeatLines(v.composition ?? "");
  if (!seats.ok) {
    throw invalid("composition", t("mandates.error.seatLine", { n: seats.line }));
  }
  const deliverables = parseDeliverableLines(v.deliverables ?? "");
  if (!deliverables.ok) {
    throw invalid("deliverables", t("mandates.error.deliverableLine", { n: deliverables.line }));
  }
  const body = (name: string) => optInt(v[name]) ?? (carryOver ? undefined : null);
  return {
    purpose: v.purpose ?? "",
    periodFrom: v.periodFrom ?? "",
    periodTo: opt(v.periodTo) ?? null,
    reportsToId: body("reportsToId"),
    approverBodyId: body("approverBodyId"),
    composition: seats.value,
    deliverables: deliverables.value,
  };
}

/** The forms' date fields, written as Danes write them. */
const DATE_FIELDS = ["on", "periodFrom", "periodTo"] as const;

const decisionInput = (v: Record<string, string>) => ({
  itemId: optInt(v.itemId),
  on: opt(v.on),
  ...(v.note !== undefined ? { note: v.note } : {}),
});

/** The form's version id; anything but a whole positive number is no version at all (404, not a 500). */
function versionIdOf(body: unknown): number {
  const id = Number((body as Record<string, unknown> | null)?.versionId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
    throw notFound("Versionen");
  }
  return id;
}

/** The group's mandate page and its secretariat forms; the groups under a body and the set-up form. */
export async function mandatePageRoutes(app: FastifyInstance) {
  async function renderMandate(
    req: FastifyRequest<Param>,
    reply: FastifyReply,
    state: FormState | null,
    code = 200,
  ) {
    const ctx = pageContext(req, reply);
    const id = idOf(req);
    const body = await getBody(ctx.svc, id);
    const canonical = mandatePath(body);
    if (req.method === "GET" && req.url.split("?")[0] !== canonical) {
      return reply.redirect(canonical, 301);
    }
    const mandate = await getMandate(ctx.svc, id);
    const [bodies, memberships, meetings, parties] = await Promise.all([
      allBodies(ctx),
      listMemberships(ctx.svc, { bodyId: id, activeOn: todayInDenmark(), limit: 200 }),
      listBodyMeetings(ctx.svc, id),
      listParties(ctx.svc, { limit: 200 }),
    ]);
    const persons = new Map(
      (
        await listPersonsByIds(
          ctx.svc,
          memberships.items.map((m) => m.personId),
        )
      ).map((p) => [p.id, p]),
    );
    const partyName = new Map(parties.items.map((p) => [p.id, p.name]));
    const members = memberships.items.flatMap((m) => {
      const p = persons.get(m.personId);
      return p
        ? [
            {
              name: p.name,
              href: personPath(p),
              role: m.role,
              party: m.partyId ? (partyName.get(m.partyId) ?? null) : null,
            },
          ]
        : [];
    });
    const approvers = mandate.versions.map((v) => v.approverBodyId);
    const editor = canManageGroup(ctx.actor, body, approvers)
      ? {
          items: await itemChoices(ctx, [body.reportsToId, ...approvers, id]),
          state,
          saved: saved(req),
          path: canonical,
        }
      : null;
    const data = { body, mandate, bodies, members, meetings, editor };
    return sendPage(reply, ctx, MandatePage({ ctx, data }), code);
  }

  app.get<Param>("/organer/:param/kommissorium", hidden, (req, reply) => renderMandate(req, reply, null));

  /** Where a saved form goes: the canonical page with a "saved" note. */
  const done = async (req: FastifyRequest<Param>, page: (b: TBody) => string) =>
    `${page(await getBody({ db: app.database.db, actor: req.actor }, idOf(req)))}?gemt=1`;

  app.post<Param>("/organer/:param/kommissorium/godkend", hidden, async (req, reply) =>
    runForm(req, reply, {
      dates: DATE_FIELDS,
      form: "approve",
      fallback: "on",
      schema: ZApproveVersion,
      input: decisionInput,
      change: (svc, input) => approveMandateVersion(svc, versionIdOf(req.body), input),
      render: (state, code) => renderMandate(req, reply, state, code),
      done: await done(req, mandatePath),
    }),
  );

  app.post<Param>("/organer/:param/kommissorium/afrapportering", hidden, async (req, reply) =>
    runForm(req, reply, {
      dates: DATE_FIELDS,
      form: "report",
      fallback: "deliverable",
      schema: ZRecordReport,
      input: (v) => ({ ...decisionInput(v), deliverable: opt(v.deliverable) ?? null }),
      change: (svc, input) => recordReport(svc, idOf(req), input),
      render: (state, code) => renderMandate(req, reply, state, code),
      done: await done(req, mandatePath),
    }),
  );

  app.post<Param>("/organer/:param/kommissorium/revider", hidden, async (req, reply) =>
    runForm(req, reply, {
      dates: DATE_FIELDS,
      form: "revise",
      fallback: "changeNote",
      schema: ZReviseMandate,
      input: (v) => ({
        ...mandateInput(v, true, pageContext(req, reply).t),
        ...decisionInput(v),
        changeNote: v.changeNote ?? "",
        continued: v.continued === "1",
        approved: v.approved === "1",
      }),
      change: (svc, input) => reviseMandate(svc, idOf(req), input),
      render: (state, code) => renderMandate(req, reply, state, code),
      done: await done(req, mandatePath),
    }),
  );

  app.post<Param>("/organer/:param/kommissorium/status", hidden, async (req, reply) =>
    runForm(req, reply, {
      dates: DATE_FIELDS,
      form: "status",
      fallback: "change",
      schema: ZChangeStatus,
      input: (v) => ({ ...decisionInput(v), change: v.change ?? "" }),
      change: (svc, input) => changeGroupStatus(svc, idOf(req), input),
      render: (state, code) => renderMandate(req, reply, state, code),
      done: await done(req, mandatePath),
    }),
  );

  async function renderGroups(
    req: FastifyRequest<Param>,
    reply: FastifyReply,
    state: FormState | null,
    code = 200,
  ) {
    const ctx = pageContext(req, reply);
    const id = idOf(req);
    const body = await getBody(ctx.svc, id);
    const canonical = groupsPath(body);
    if (req.method === "GET" && req.url.split("?")[0] !== canonical) {
      return reply.redirect(canonical, 301);
    }
    const [groups, bodies] = await Promise.all([listGroups(ctx.svc, id), allBodies(ctx)]);
    const editor = canManageGroup(ctx.actor, { id: 0, reportsToId: id }, [])
      ? { items: await itemChoices(ctx, [id]), state, saved: saved(req), path: canonical }
      : null;
    return sendPage(reply, ctx, GroupsPage({ ctx, data: { body, groups, bodies, editor } }), code);
  }

  app.get<Param>("/organer/:param/grupper", hidden, (req, reply) => renderGroups(req, reply, null));

  app.post<Param>("/organer/:param/grupper", hidden, async (req, reply) =>
    runForm(req, reply, {
      dates: DATE_FIELDS,
      form: "setup",
      fallback: "name",
      schema: ZSetUpGroup,
      input: (v) => ({
        name: v.name ?? "",
        shortName: opt(v.shortName) ?? null,
        kind: v.kind ?? "",
        ...mandateInput(v, false, pageContext(req, reply).t),
        reportsToId: optInt(v.reportsToId) ?? idOf(req),
        ...decisionInput(v),
        approved: v.approved === "1",
      }),
      change: (svc, input) => setUpGroup(svc, input),
      render: (state, code) => renderGroups(req, reply, state, code),
      done: await done(req, groupsPath),
    }),
  );
}
