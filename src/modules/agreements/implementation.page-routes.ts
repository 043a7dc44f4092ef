/**
 * The pages of the implementation matrix: the matrix with its filters and downloads (the same matrix
 * the API gives), the snapshot form, and a cell's page with its history and the form to record a state.
 * Forms work without scripts, with Danish dates and errors at the fields (runForm).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { XLSX_MIME } from "../../lib/xlsx.ts";
import { notFound } from "../../server/errors.ts";
import { ZId } from "../../server/schemas.ts";
import { isoDayInDenmark } from "../../web/format.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { type FormState, opt, optInt, runForm } from "../../web/secretariat-forms.tsx";
import { itemChoices } from "../mandates/index.ts";
import { sendStored } from "./agreements.routes.ts";
import { matrixCsv, matrixXlsx } from "./implementation.export.ts";
import { CellPage, MatrixPage } from "./implementation.pages.tsx";
import { areaChoices, loadMatrix } from "./implementation.read.ts";
import { type TMatrixQuery, ZMatrixQuery, ZSetImplementation } from "./implementation.schemas.ts";
import {
  attachMatrixToItem,
  authorizeCell,
  getCellHistory,
  setImplementationState,
} from "./implementation.service.ts";
import { cellPath, IMPLEMENTATION_PATH, matrixQueryString } from "./implementation.urls.ts";

const hidden = { schema: { hide: true } };
type CellParams = { Params: { agreementId: string; partyId: string } };

/** The page's filters; an unreadable one is ignored rather than refused (the form offers only valid ones). */
function queryOf(req: FastifyRequest): TMatrixQuery {
  const raw = req.query as Record<string, unknown>;
  const out: TMatrixQuery = {};
  for (const key of ["region", "cluster", "council", "partyId", "agreementId"] as const) {
    const value = raw[key];
    if (typeof value === "string" && value !== "") {
      const parsed = ZMatrixQuery.shape[key].safeParse(value);
      if (parsed.success && parsed.data !== undefined) {
        Object.assign(out, { [key]: parsed.data });
      }
    }
  }
  return out;
}

function cellIds(req: FastifyRequest<CellParams>) {
  const parsed = z.object({ agreementId: ZId, partyId: ZId }).safeParse(req.params);
  if (!parsed.success) {
    throw notFound("Siden");
  }
  return parsed.data;
}

/** The bodies where the actor is secretary: whose items a snapshot may go on. */
const secretaryBodies = (req: FastifyRequest) =>
  [...req.actor.roles].filter(([, roles]) => roles.has("secretary")).map(([bodyId]) => bodyId);

export async function implementationPageRoutes(app: FastifyInstance) {
  async function renderMatrix(req: FastifyRequest, reply: FastifyReply, state: FormState | null, code = 200) {
    const ctx = pageContext(req, reply);
    const query = queryOf(req);
    const bodies = secretaryBodies(req);
    const [matrix, areas] = await Promise.all([loadMatrix(ctx.svc, query), areaChoices(ctx.svc)]);
    const attach = bodies.length ? { items: await itemChoices(ctx, bodies), state } : null;
    const done =
      typeof (req.query as Record<string, unknown>).gemt === "string" ? ctx.t("impl.attached") : null;
    const data = { matrix, query, areas, day: isoDayInDenmark(new Date()), attach, done };
    return sendPage(reply, ctx, MatrixPage({ ctx, data }), code);
  }

  app.get(IMPLEMENTATION_PATH, hidden, (req, reply) => renderMatrix(req, reply, null));

  for (const format of ["csv", "xlsx"] as const) {
    app.get(`${IMPLEMENTATION_PATH}.${format}`, hidden, async (req, reply) => {
      const ctx = pageContext(req, reply);
      const matrix = await loadMatrix(ctx.svc, queryOf(req));
      const day = isoDayInDenmark(new Date());
      const fileName = `implementering-${day}.${format}`;
      return format === "csv"
        ? sendStored(reply, {
            bytes: new TextEncoder().encode(matrixCsv(matrix, ctx.t, ctx.lang, day)),
            mimeType: "text/csv; charset=utf-8",
            fileName,
          })
        : sendStored(reply, {
            bytes: matrixXlsx(matrix, ctx.t, ctx.lang, day),
            mimeType: XLSX_MIME,
            fileName,
          });
    });
  }

  app.post(`${IMPLEMENTATION_PATH}/bilag`, hidden, async (req, reply) => {
    const query = queryOf(req);
    return runForm(req, reply, {
      form: "attach",
      fallback: "itemId",
      schema: z.strictObject({ itemId: ZId }),
      input: (v) => ({ itemId: optInt(v.itemId) }),
      change: (svc, input) => attachMatrixToItem(svc, { ...query, itemId: input.itemId }),
      render: (state, code) => {
        if (state.errors["attach-itemId"] && !optInt(state.values.itemId)) {
          state.errors["attach-itemId"] = pageContext(req, reply).t("impl.chooseItem");
        }
        return renderMatrix(req, reply, state, code);
      },
      done: () => {
        const qs = matrixQueryString(query);
        return `${IMPLEMENTATION_PATH}${qs ? `${qs}&` : "?"}gemt=1`;
      },
    });
  });

  async function renderCell(
    req: FastifyRequest<CellParams>,
    reply: FastifyReply,
    state: FormState | null,
    code = 200,
  ) {
    const ctx = pageContext(req, reply);
    const { agreementId, partyId } = cellIds(req);
    const cell = await getCellHistory(ctx.svc, agreementId, partyId);
    const saved = typeof (req.query as Record<string, unknown>).gemt === "string";
    return sendPage(reply, ctx, CellPage({ ctx, cell, state, saved }), code);
  }

  app.get<CellParams>(`${IMPLEMENTATION_PATH}/:agreementId/:partyId`, hidden, (req, reply) =>
    renderCell(req, reply, null),
  );

  app.post<CellParams>(`${IMPLEMENTATION_PATH}/:agreementId/:partyId`, hidden, async (req, reply) => {
    const { agreementId, partyId } = cellIds(req);
    // the rights before the form, so a refused reader is told so and not shown a form error
    await authorizeCell({ db: app.database.db, actor: req.actor }, agreementId, partyId);
    return runForm(req, reply, {
      form: "state",
      fallback: "state",
      schema: ZSetImplementation,
      dates: ["since", "plannedOn"],
      input: (v) => ({
        state: v.state ?? "",
        since: opt(v.since),
        plannedOn: opt(v.plannedOn) ?? null,
        reason: v.reason ?? "",
        note: v.note ?? "",
      }),
      change: (svc, input) => setImplementationState(svc, agreementId, partyId, input),
      render: (state, code) => renderCell(req, reply, state, code),
      done: `${cellPath(agreementId, partyId)}?gemt=1`,
    });
  });
}
