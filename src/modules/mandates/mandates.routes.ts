import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import { getMandate, listGroups } from "./mandates.read.ts";
import {
  ZApproveVersion,
  ZChangeStatus,
  ZEstablishMandate,
  ZGroupSummary,
  ZMandate,
  ZRecordReport,
  ZReviseMandate,
  ZSetUpGroup,
} from "./mandates.schemas.ts";
import {
  approveMandateVersion,
  changeGroupStatus,
  establishMandate,
  recordReport,
  reviseMandate,
  setUpGroup,
} from "./mandates.service.ts";

/** Working groups and their mandates (kommissorier): thin routes, one transaction per change. */
export async function mandateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Kommissorier"];
  const ok = { 200: ZMandate, ...ERROR_RESPONSES };
  const created = { 201: ZMandate, ...ERROR_RESPONSES };

  r.post("/groups", {
    schema: { tags, summary: "Nedsæt en gruppe med kommissorium", body: ZSetUpGroup, response: created },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await db().transaction((tx) => setUpGroup({ db: tx, actor: req.actor }, req.body))),
  });

  r.get("/bodies/:id/mandate", {
    schema: {
      tags,
      summary: "Gruppens kommissorium: versioner, forløb og leverancer",
      params: ZIdParams,
      response: ok,
    },
    handler: async (req) => getMandate({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/bodies/:id/mandate", {
    schema: {
      tags,
      summary: "Giv en eksisterende gruppe dens første kommissorium",
      params: ZIdParams,
      body: ZEstablishMandate,
      response: created,
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            establishMandate({ db: tx, actor: req.actor }, req.params.id, req.body),
          ),
        ),
  });

  r.post("/bodies/:id/mandate/versions", {
    schema: {
      tags,
      summary: "Revidér kommissoriet (ny version med hvad der er ændret); evt. videreførelse",
      params: ZIdParams,
      body: ZReviseMandate,
      response: created,
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) =>
            reviseMandate({ db: tx, actor: req.actor }, req.params.id, req.body),
          ),
        ),
  });

  r.post("/mandate-versions/:id/approve", {
    schema: {
      tags,
      summary: "Godkend den nyeste version af et kommissorium",
      params: ZIdParams,
      body: ZApproveVersion,
      response: ok,
    },
    handler: async (req) =>
      db().transaction((tx) => approveMandateVersion({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.post("/bodies/:id/mandate/reports", {
    schema: {
      tags,
      summary: "Registrér en afrapportering (evt. en leverance)",
      params: ZIdParams,
      body: ZRecordReport,
      response: created,
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await db().transaction((tx) => recordReport({ db: tx, actor: req.actor }, req.params.id, req.body)),
        ),
  });

  r.post("/bodies/:id/mandate/status", {
    schema: {
      tags,
      summary: "Videreført, sat i bero, genoptaget eller nedlagt",
      params: ZIdParams,
      body: ZChangeStatus,
      response: ok,
    },
    handler: async (req) =>
      db().transaction((tx) => changeGroupStatus({ db: tx, actor: req.actor }, req.params.id, req.body)),
  });

  r.get("/bodies/:id/groups", {
    schema: {
      tags,
      summary: "Grupperne under et forum med næste afrapportering og overskredne leverancer",
      params: ZIdParams,
      response: { 200: z.array(ZGroupSummary), ...ERROR_RESPONSES },
    },
    handler: async (req) => listGroups({ db: db(), actor: req.actor }, req.params.id),
  });
}
