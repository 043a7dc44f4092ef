/**
 * The forms of the parties' variants on an initiative's page (no JavaScript needed): set a party's variant
 * and add a measured figure. Parsed with the API's schemas; dates as Danes write them; a failure shows the
 * page again (400, 403 or 409) with Danish errors at the fields and writes nothing.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { notFound } from "../../server/errors.ts";
import { opt, runForm } from "../../web/secretariat-forms.tsx";
import { type InitiativeParam, initiativeIdOf, renderInitiative } from "./initiative.render.ts";
import { getInitiative } from "./initiatives.service.ts";
import { initiativePath } from "./initiatives.urls.ts";
import { readDanishNumber, ZPartyFigureInput, ZPartyVariantInput } from "./variants.schemas.ts";
import { addPartyFigure, setPartyVariant } from "./variants.service.ts";

const hidden = { schema: { hide: true } };
type PartyParam = { Params: { param: string; partyId: string } };

function partyIdOf(req: FastifyRequest<PartyParam>): number {
  const id = Number(req.params.partyId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) {
    throw notFound("Parten");
  }
  return id;
}

/** "" → null for the optional text fields the API takes as nullable. */
const orNull = (v: string | undefined) => opt(v) ?? null;

export async function variantPageRoutes(app: FastifyInstance) {
  const done = (req: FastifyRequest<PartyParam>, what: string) => async () =>
    `${initiativePath(await getInitiative({ db: app.database.db, actor: req.actor }, initiativeIdOf(req)))}?gemt=${what}#parter-${partyIdOf(req)}`;

  app.post<PartyParam>("/indsatser/:param/parter/:partyId/variant", hidden, async (req, reply) => {
    const partyId = partyIdOf(req);
    return runForm(req, reply, {
      form: `ivarset-${partyId}`,
      fallback: "participation",
      schema: ZPartyVariantInput,
      dates: ["effectiveOn"],
      input: (v) => ({
        version: v.version === undefined || v.version === "" ? undefined : Number(v.version),
        model: v.model ?? "",
        participation: v.participation,
        reason: orNull(v.reason),
        effectiveOn: opt(v.effectiveOn),
        contactName: orNull(v.contactName),
        contactEmail: orNull(v.contactEmail),
      }),
      change: (svc, input) =>
        setPartyVariant(svc, initiativeIdOf(req as FastifyRequest<InitiativeParam>), partyId, input),
      render: (state, code) => renderInitiative(req, reply, { variants: state }, code),
      done: done(req, "variant"),
    });
  });

  app.post<PartyParam>("/indsatser/:param/parter/:partyId/tal", hidden, async (req, reply) => {
    const partyId = partyIdOf(req);
    return runForm(req, reply, {
      form: `ivarfig-${partyId}`,
      fallback: "value",
      schema: ZPartyFigureInput,
      dates: ["measuredOn"],
      input: (v) => ({
        label: v.label ?? "",
        value: readDanishNumber(v.value) ?? "",
        unit: orNull(v.unit),
        sharePercent: readDanishNumber(v.sharePercent) ?? null,
        measuredOn: v.measuredOn ?? "",
        period: orNull(v.period),
      }),
      change: (svc, input) =>
        addPartyFigure(svc, initiativeIdOf(req as FastifyRequest<InitiativeParam>), partyId, input),
      render: (state, code) => renderInitiative(req, reply, { variants: state }, code),
      done: done(req, "tal"),
    });
  });
}
