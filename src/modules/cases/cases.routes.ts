import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ERROR_RESPONSES, registerCrud } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import {
  ZCase,
  ZCaseFields,
  ZCaseFilter,
  ZCaseUpdateFields,
  ZConfirm,
  ZConsultation,
  ZConsultationFields,
  ZProposal,
  ZProposalFilter,
  ZQueue,
  ZRefer,
  ZReferResult,
  ZReject,
  ZTimeline,
} from "./cases.schemas.ts";
import { caseService } from "./cases.service.ts";
import { consultationService } from "./consultations.service.ts";
import { confirmLinks, proposeLinks, rejectLinks } from "./linking.service.ts";
import { casesForNextMeeting, referItem } from "./pipeline.service.ts";
import { getTimeline } from "./timeline.service.ts";

export async function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Sager"];

  registerCrud(app, {
    path: "/cases",
    tag: "Sager",
    noun: "sag",
    row: ZCase,
    create: ZCaseFields,
    update: ZCaseUpdateFields,
    filter: ZCaseFilter,
    service: caseService,
  });

  registerCrud(app, {
    path: "/consultations",
    tag: "Sager",
    noun: "behandling af en sag (et punkt på et forums møde)",
    row: ZConsultation,
    create: ZConsultationFields,
    update: {
      role: ZConsultationFields.role,
      targetBodyId: ZConsultationFields.targetBodyId,
      note: ZConsultationFields.note,
    },
    filter: { caseId: ZConsultationFields.caseId },
    parent: { path: "/cases", key: "caseId" },
    service: consultationService,
  });

  r.get("/cases/:id/timeline", {
    schema: {
      tags,
      summary:
        "Sagens forløb på tværs af fora: dato, forum, rolle, udfald, beslutning, bilag og opfølgninger",
      params: ZIdParams,
      response: { 200: ZTimeline, ...ERROR_RESPONSES },
    },
    handler: async (req) => getTimeline({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/items/:id/refer", {
    schema: {
      tags,
      summary: "Indstil sagen til et andet forum: et udkast til punkt på forummets næste planlagte møde",
      params: ZIdParams,
      body: ZRefer,
      response: { 201: ZReferResult, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const result = await db().transaction((tx) =>
        referItem({ db: tx, actor: req.actor }, req.params.id, req.body),
      );
      return reply.code(201).send(result);
    },
  });

  r.get("/bodies/:id/next-meeting/cases", {
    schema: {
      tags,
      summary: "Sager til næste møde: nye, indstillede og udsatte sager, der venter på forummets næste møde",
      params: ZIdParams,
      response: { 200: ZQueue, ...ERROR_RESPONSES },
    },
    handler: async (req) => casesForNextMeeting({ db: db(), actor: req.actor }, req.params.id),
  });

  r.get("/case-proposals", {
    schema: {
      tags,
      summary: "Forslag til sammenkædning af arkivets punkter i sager (sagsnumre og titellighed)",
      querystring: ZProposalFilter,
      response: { 200: z.array(ZProposal), ...ERROR_RESPONSES },
    },
    handler: async (req) => proposeLinks({ db: db(), actor: req.actor }, req.query),
  });

  r.post("/case-proposals/confirm", {
    schema: {
      tags,
      summary: "Bekræft et forslag: punkterne samles i én sag",
      body: ZConfirm,
      response: { 200: z.object({ caseId: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (req) => db().transaction((tx) => confirmLinks({ db: tx, actor: req.actor }, req.body)),
  });

  r.post("/case-proposals/reject", {
    schema: {
      tags,
      summary: "Afvis et forslag: punkterne foreslås ikke igen sammen",
      body: ZReject,
      response: { 200: z.object({ pairs: z.number().int() }), ...ERROR_RESPONSES },
    },
    handler: async (req) => db().transaction((tx) => rejectLinks({ db: tx, actor: req.actor }, req.body)),
  });
}
