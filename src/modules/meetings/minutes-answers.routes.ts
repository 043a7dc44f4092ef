import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ERROR_RESPONSES } from "../../server/crud-routes.ts";
import { ZIdParams } from "../../server/schemas.ts";
import {
  ZMinutesAnswerInput,
  ZMinutesAnswerResult,
  ZMinutesRemarkReply,
  ZMinutesRound,
} from "./minutes-answers.schemas.ts";
import { answerMinutes, getMinutesRound, replyToMinutesRemark } from "./minutes-answers.service.ts";

/** The members' approval of draft minutes (docs/governance.md). */
export async function minutesAnswerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const tags = ["Møder"];

  r.get("/meetings/:id/minutes-answers", {
    schema: {
      tags,
      summary: "Medlemmernes svar på referatudkastet: hvem har godkendt, bemærket eller ikke svaret",
      params: ZIdParams,
      response: { 200: ZMinutesRound, ...ERROR_RESPONSES },
    },
    handler: async (req) => getMinutesRound({ db: db(), actor: req.actor }, req.params.id),
  });

  r.post("/meetings/:id/minutes-answers", {
    schema: {
      tags,
      summary: "Godkend referatudkastet eller giv en bemærkning (forummets medlemmer, hvor de godkender)",
      params: ZIdParams,
      body: ZMinutesAnswerInput,
      response: { 200: ZMinutesAnswerResult, ...ERROR_RESPONSES },
    },
    handler: async (req) => answerMinutes({ db: db(), actor: req.actor }, req.params.id, req.body),
  });

  r.post("/meetings/:id/minutes-answers/reply", {
    schema: {
      tags,
      summary: "Svar på et medlems bemærkning til referatudkastet (sekretariatet)",
      params: ZIdParams,
      body: ZMinutesRemarkReply,
      response: { 200: ZMinutesAnswerResult, ...ERROR_RESPONSES },
    },
    handler: async (req) => replyToMinutesRemark({ db: db(), actor: req.actor }, req.params.id, req.body),
  });
}
