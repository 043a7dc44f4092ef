/**
 * The secretariat's forms for an initiative's own fields: /indsatser/ny and /indsatser/<id>/rediger.
 * Same policy as the API (the owner body's secretary, or an admin), the API's Zod schemas, one
 * transaction, 303 on success; 400 with Danish field errors, or 409 with the differing fields marked when
 * someone else saved first (the version travels in the form).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { parseDanishDate } from "../../lib/danish-date.ts";
import { AppError } from "../../server/errors.ts";
import { ZVersion } from "../../server/schemas.ts";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { type FormState, opt, optInt, runForm } from "../../web/secretariat-forms.tsx";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { authorize, canEditBody, isAnySecretary, isPrivileged } from "../auth/index.ts";
import { listBodies } from "../bodies/index.ts";
import { conflictState } from "../funds/index.ts";
import { listParties, PARTY_TYPES } from "../parties/index.ts";
import { type InitiativeChoices, InitiativeFormPage, initiativeValues } from "./initiative-edit.forms.tsx";
import type { TInitiative } from "./initiatives.schemas.ts";
import { ZInitiativeFields, ZInitiativeUpdateFields } from "./initiatives.schemas.ts";
import {
  createInitiative,
  getInitiative,
  initiativeFacets,
  mayEdit,
  updateInitiative,
} from "./initiatives.service.ts";
import { initiativePath } from "./initiatives.urls.ts";

const hidden = { schema: { hide: true } };
type Param = { Params: { param: string } };

const ZNew = z.strictObject(ZInitiativeFields);
const ZEdit = z.strictObject({ version: ZVersion, ...ZInitiativeUpdateFields });

function idOf(req: FastifyRequest<Param>): number {
  return idFromSlugOr404(req.params.param, "Indsatsen");
}

const sortedUnique = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b, "da"));

/** The form's choices; the initiative's own values stay choosable even when nothing else has them. */
async function choices(ctx: PageCtx, current: TInitiative | null): Promise<InitiativeChoices> {
  const [bodies, parties, facets] = await Promise.all([
    listBodies(ctx.svc, { limit: 200 }),
    listParties(ctx.svc, { limit: 200 }),
    initiativeFacets(ctx.svc),
  ]);
  const rank = (type: string) => PARTY_TYPES.indexOf(type as (typeof PARTY_TYPES)[number]);
  return {
    owners: bodies.items
      .filter((b) => canEditBody(ctx.actor, b.id) || b.id === current?.ownerBodyId)
      .sort((a, b) => a.name.localeCompare(b.name, "da")),
    allowNoOwner: isPrivileged(ctx.actor),
    regions: sortedUnique([
      ...parties.items.map((p) => p.region),
      ...bodies.items.map((b) => b.region),
      ...facets.regions,
      current?.region,
    ]),
    clusters: sortedUnique([
      ...bodies.items.map((b) => b.cluster),
      ...facets.clusters,
      ...(current?.clusters ?? []),
    ]),
    parties: [...parties.items].sort(
      (a, b) => rank(a.type) - rank(b.type) || a.name.localeCompare(b.name, "da"),
    ),
    agreements: facets.agreements,
  };
}

/** The posted form as the service's input (without the version). */
function input(v: Record<string, string>) {
  return {
    title: v.title ?? "",
    description: v.description ?? "",
    agreement: v.agreement ?? "",
    focusArea: v.focusArea ?? "",
    scope: v.scope ?? "",
    ownerBodyId: optInt(v.ownerBodyId) ?? null,
    region: opt(v.region) ?? null,
    clusters: [
      ...new Set(
        Object.entries(v)
          .filter(([k, value]) => k.startsWith("klynge-") && value)
          .map(([, value]) => value),
      ),
    ],
    partyIds: Object.keys(v)
      .filter((k) => /^part-\d+$/.test(k) && v[k])
      .map((k) => Number(k.slice(5))),
    targetGroup: v.targetGroup ?? "",
    theme: v.theme ?? "",
    periodFrom: opt(v.periodFrom) ?? null,
    periodTo: opt(v.periodTo) ?? null,
    evaluationPlan: v.evaluationPlan ?? "",
  };
}

/** The form's date fields, written as Danes write them. */
const DATE_FIELDS = ["periodFrom", "periodTo"] as const;

/** A date field as a reader sees it ("21. januar 2027"), whichever way it was written. */
function shownDay(ctx: PageCtx, text: string | null): string {
  const day = text ? parseDanishDate(text) : null;
  return day ? formatIsoDay(day, ctx.lang) : (text ?? "");
}

/** An initiative's fields as a reader sees them, for marking what differs after a conflict. */
function shown(ctx: PageCtx, c: InitiativeChoices, v: Record<string, string>): Record<string, string> {
  const i = input(v);
  const names = (ids: number[]) =>
    c.parties
      .filter((p) => ids.includes(p.id))
      .map((p) => p.name)
      .join(", ");
  return {
    title: i.title.trim(),
    description: i.description.trim(),
    agreement: i.agreement.trim(),
    focusArea: i.focusArea.trim(),
    scope: i.scope ? ctx.t(`initiatives.scope.${i.scope}` as MessageKey) : "",
    ownerBodyId: c.owners.find((b) => b.id === i.ownerBodyId)?.name ?? "",
    region: i.region ?? "",
    clusters: [...i.clusters].sort((a, b) => a.localeCompare(b, "da")).join(", "),
    partyIds: names(i.partyIds),
    targetGroup: i.targetGroup.trim(),
    theme: i.theme.trim(),
    periodFrom: shownDay(ctx, i.periodFrom),
    periodTo: shownDay(ctx, i.periodTo),
    evaluationPlan: i.evaluationPlan.trim(),
  };
}

export async function initiativeEditPageRoutes(app: FastifyInstance) {
  async function renderNew(req: FastifyRequest, reply: FastifyReply, state: FormState | null, code = 200) {
    const ctx = pageContext(req, reply);
    authorize(ctx.actor, isAnySecretary(ctx.actor), "Kun et sekretariat kan oprette indsatser.");
    const c = await choices(ctx, null);
    const data = { ...c, initiative: null, state, version: null, conflict: false };
    return sendPage(reply, ctx, InitiativeFormPage({ ctx, data }), code);
  }

  app.get("/indsatser/ny", hidden, (req, reply) => renderNew(req, reply, null));

  app.post("/indsatser/ny", hidden, async (req, reply) => {
    let created = "";
    return runForm(req, reply, {
      form: "init",
      fallback: "title",
      schema: ZNew,
      dates: DATE_FIELDS,
      input,
      change: async (svc, i) => {
        created = initiativePath(await createInitiative(svc, i));
      },
      render: (state, code) => renderNew(req, reply, state, code),
      done: () => `${created}?gemt=oprettet`,
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
    const initiative = await getInitiative(ctx.svc, idOf(req));
    authorize(
      ctx.actor,
      mayEdit(ctx, initiative.ownerBodyId),
      "Kun det ejende forums sekretariat kan rette indsatsen.",
    );
    const canonical = `${initiativePath(initiative)}/rediger`;
    if (req.method === "GET" && req.url.split("?")[0] !== canonical) {
      return reply.redirect(canonical, 301);
    }
    const c = await choices(ctx, initiative);
    const saved = initiativeValues(initiative, c.clusters);
    const shownState =
      state && stale
        ? conflictState(ctx, state, shown(ctx, c, state.values), shown(ctx, c, saved), "title")
        : state;
    const version = state && !stale ? Number(state.values.version) || initiative.version : initiative.version;
    const data = { ...c, initiative, state: shownState, version, conflict: stale };
    return sendPage(reply, ctx, InitiativeFormPage({ ctx, data }), code);
  }

  app.get<Param>("/indsatser/:param/rediger", hidden, (req, reply) => renderEdit(req, reply, null));

  app.post<Param>("/indsatser/:param/rediger", hidden, async (req, reply) => {
    let stale = false;
    let path = "";
    return runForm(req, reply, {
      form: "init",
      fallback: "title",
      schema: ZEdit,
      dates: DATE_FIELDS,
      input: (v) => ({ version: optInt(v.version), ...input(v) }),
      change: async (svc, i) => {
        try {
          path = initiativePath(await updateInitiative(svc, idOf(req), i));
        } catch (e) {
          stale = e instanceof AppError && e.code === "version_conflict";
          throw e;
        }
      },
      render: (state, code) => renderEdit(req, reply, state, code, stale),
      done: () => `${path}?gemt=rettet`,
    });
  });
}
