import type { FastifyReply, FastifyRequest } from "fastify";
import { formatDateTimeLong } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import type { FormState } from "../../web/secretariat-forms.tsx";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { getBody } from "../bodies/index.ts";
import { getFund, loadVisibleGrants, presentGrant } from "../funds/index.ts";
import { listBodyMeetings } from "../meetings/index.ts";
import { listParties } from "../parties/index.ts";
import { listDocuments } from "./documents.service.ts";
import { InitiativePage, type StatusForm } from "./initiative.page.tsx";
import { getInitiative, mayEdit } from "./initiatives.service.ts";
import { initiativePath } from "./initiatives.urls.ts";
import { statusHistory } from "./status.service.ts";
import { listInitiativeParties } from "./variants.service.ts";

export type InitiativeParam = { Params: { param: string } };

/** The initiative of a readable address (/indsatser/12-kom-trygt-hjem); 404 for anything else. */
export function initiativeIdOf(req: FastifyRequest<InitiativeParam>): number {
  return idFromSlugOr404(req.params.param, "Indsatsen");
}

/** What ?gemt=… says after a successful form (post/redirect/get). */
const SAVED: Record<string, MessageKey> = {
  "1": "initiatives.saved",
  status: "initiatives.saved",
  oprettet: "initiatives.form.created",
  rettet: "initiatives.form.edited",
  dokument: "initiatives.docs.added",
  fjernet: "initiatives.docs.removed",
  variant: "ivar.saved",
  tal: "ivar.figureSaved",
};

/**
 * /indsatser/<id>: the page, optionally again with a failed form of the secretariat (the status form,
 * or one of the document forms) and its status code.
 */
export async function renderInitiative(
  req: FastifyRequest<InitiativeParam>,
  reply: FastifyReply,
  forms: { status?: Omit<StatusForm, "meetings">; docs?: FormState; variants?: FormState } = {},
  code = 200,
) {
  const id = initiativeIdOf(req);
  const ctx = pageContext(req, reply);
  const initiative = await getInitiative(ctx.svc, id);
  const canonical = initiativePath(initiative);
  if (req.method === "GET" && req.url.split("?")[0] !== canonical) {
    return reply.redirect(canonical, 301);
  }
  const owner = initiative.ownerBodyId ? await getBody(ctx.svc, initiative.ownerBodyId) : null;
  const parties = (await listParties(ctx.svc, { limit: 200 })).items;
  const { visible } = await loadVisibleGrants(ctx.svc, { initiativeIds: [id] });
  const grants = [];
  for (const g of visible) {
    const fund = await getFund(ctx.svc, g.row.fundId);
    grants.push({
      ...presentGrant(ctx.svc, g.row, g.parts, g.item),
      fundName: fund.name,
      fundHref: `/puljer/${fund.id}`,
    });
  }
  const history = await statusHistory(ctx.svc, id);
  const meetingHref = new Map<number, string>(
    history.flatMap((h) => (h.meetingId ? [[h.meetingId, `/indsatser/status/${h.meetingId}`]] : [])),
  );
  const editor = mayEdit(ctx, initiative.ownerBodyId);
  let statusForm: StatusForm | null = null;
  if (editor) {
    const meetings = owner ? await listBodyMeetings(ctx.svc, owner.id) : [];
    statusForm = {
      meetings: meetings
        .slice(-8)
        .map((m) => ({ id: m.id, label: formatDateTimeLong(new Date(m.start), ctx.lang) })),
      ...(forms.status ?? { values: {}, failed: null }),
    };
  }
  const gemt = (req.query as Record<string, unknown>).gemt;
  const savedKey = typeof gemt === "string" ? SAVED[gemt] : undefined;
  const data = {
    initiative,
    owner,
    partyNames: initiative.partyIds.map((pid) => parties.find((p) => p.id === pid)?.name ?? "?"),
    grants,
    history,
    meetingHref,
    form: statusForm,
    documents: await listDocuments(ctx.svc, id),
    documentForms: editor
      ? { state: forms.docs ?? null, maxMb: Math.floor(req.server.config.maxUploadBytes / 1024 / 1024) }
      : null,
    editHref: editor ? `${canonical}/rediger` : null,
    variants: { parties: await listInitiativeParties(ctx.svc, id), state: forms.variants ?? null },
    saved: savedKey ? ctx.t(savedKey) : null,
  };
  return sendPage(reply, ctx, InitiativePage({ ctx, data }), code);
}
