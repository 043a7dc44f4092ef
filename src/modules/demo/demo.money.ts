import { and, eq } from "drizzle-orm";
import { parseKroner } from "../../lib/money.ts";
import type { Ctx } from "../../server/context.ts";
import { createFund, createGrant, setFundParties, setIncome } from "../funds/index.ts";
import {
  addLinkDocument,
  addPartyFigure,
  changeStatus,
  createInitiative,
  setPartyVariant,
} from "../initiatives/index.ts";
import { agendaItems } from "../meetings/index.ts";
import { type DemoFund, fundsData } from "./demo.data.funds.ts";
import {
  AGREEMENT,
  type DemoInitiative,
  INITIATIVE_DOCUMENTS,
  INITIATIVE_REGION,
  initiativesData,
} from "./demo.data.initiatives.ts";
import { figuresData, VARIANTS_INITIATIVE, variantsData } from "./demo.data.variants.ts";

const kr = (text: string): bigint => {
  const v = parseKroner(text);
  if (v === null) {
    throw new Error(`Demodata: ugyldigt beløb "${text}"`);
  }
  return v;
};

function must<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (v === undefined) {
    throw new Error(`Demodata: ukendt ${what} "${key}"`);
  }
  return v;
}

export interface DemoIds {
  parties: Map<string, number>;
  bodies: Map<string, number>;
  meetings: Map<string, number>;
}

async function loadInitiative(ctx: Ctx, d: DemoInitiative, ids: DemoIds, shift: (day: string) => string) {
  const first = d.earlier ?? { phase: d.phase, rag: d.rag, reason: d.reason, on: d.from };
  const created = await createInitiative(ctx, {
    title: d.title,
    description: `${d.title} er en del af implementeringsplanen for ${AGREEMENT}. Indsatsen er fiktiv demodata.`,
    agreement: AGREEMENT,
    focusArea: d.focusArea,
    scope: d.scope,
    ownerBodyId: must(ids.bodies, d.ownerKey, "forum"),
    region: INITIATIVE_REGION,
    clusters: d.clusters,
    partyIds: d.partyKeys.map((k) => must(ids.parties, k, "part")),
    targetGroup: d.targetGroup,
    theme: d.theme,
    periodFrom: shift(d.from),
    periodTo: shift(d.to),
    evaluationPlan:
      "Status til det ejende forum hvert halve år; slutevaluering med data fra den fælles ledelsesinformation.",
    phase: first.phase,
    rag: first.rag,
    ragReason: first.reason ?? null,
  });
  if (d.earlier) {
    await changeStatus(ctx, created.id, {
      version: created.version,
      phase: d.phase,
      rag: d.rag,
      reason: d.reason ?? null,
      ...(d.earlier.meetingKey
        ? { meetingId: must(ids.meetings, d.earlier.meetingKey, "møde") }
        : { effectiveOn: shift("2026-11-11") }),
    });
  }
  for (const doc of INITIATIVE_DOCUMENTS[d.key] ?? []) {
    const url = doc.statusAtMeetingKey
      ? `/indsatser/status/${must(ids.meetings, doc.statusAtMeetingKey, "møde")}`
      : (doc.url ?? "");
    await addLinkDocument(ctx, created.id, { title: doc.title, url });
  }
  return created.id;
}

async function loadFund(
  ctx: Ctx,
  f: DemoFund,
  ids: DemoIds & { initiatives: Map<string, number> },
  shift: (day: string) => string,
) {
  const fund = await createFund(ctx, {
    bodyId: must(ids.bodies, f.bodyKey, "forum"),
    name: f.name,
    description: f.description,
  });
  await setFundParties(ctx, fund.id, {
    version: fund.version,
    parties: f.parties.map((p) => ({ partyId: must(ids.parties, p.key, "part"), inKey: p.inKey })),
  });
  for (const [year, amounts] of Object.entries(f.income)) {
    await setIncome(
      ctx,
      fund.id,
      Number(year),
      Object.entries(amounts).map(([key, a]) => ({
        partyId: must(ids.parties, key, "part"),
        amountOre: kr(a),
      })),
    );
  }
  for (const g of f.grants) {
    let itemId: number | null = null;
    if (g.item) {
      const [row] = await ctx.db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.meetingId, must(ids.meetings, g.item.meetingKey, "møde")),
            eq(agendaItems.title, g.item.title),
          ),
        );
      itemId = row?.id ?? null;
    }
    await createGrant(ctx, fund.id, {
      title: g.title,
      initiativeId: g.initiativeKey ? must(ids.initiatives, g.initiativeKey, "indsats") : null,
      status: g.status,
      approvedByBodyId: must(ids.bodies, f.bodyKey, "forum"),
      itemId,
      approvedOn: g.approvedOn ? shift(g.approvedOn) : null,
      pendingUntil: g.pendingUntil ? shift(g.pendingUntil) : null,
      parts: Object.entries(g.explicit ?? {}).map(([key, a]) => ({
        partyId: must(ids.parties, key, "part"),
        amountOre: kr(a),
      })),
      keyAmountOre: g.byKey ? kr(g.byKey) : null,
    });
  }
}

/** One initiative's per-party variants (a history per party) and figures over time, through the services. */
async function loadVariants(ctx: Ctx, initiativeId: number, ids: DemoIds, shift: (day: string) => string) {
  const seen = new Map<string, number>();
  for (const v of variantsData) {
    const version = seen.get(v.partyKey) ?? 0;
    await setPartyVariant(ctx, initiativeId, must(ids.parties, v.partyKey, "part"), {
      version,
      model: v.model,
      participation: v.participation,
      reason: v.reason ?? null,
      effectiveOn: shift(v.on),
      contactName: v.contactName ?? null,
    });
    seen.set(v.partyKey, version + 1);
  }
  for (const f of figuresData) {
    await addPartyFigure(ctx, initiativeId, must(ids.parties, f.partyKey, "part"), {
      label: f.label,
      value: f.value,
      unit: f.unit ?? null,
      sharePercent: f.sharePercent ?? null,
      measuredOn: shift(f.measuredOn),
    });
  }
}

/** Loads the demo's initiatives and funds through the services (inside the demo's transaction). */
export async function loadDemoMoney(ctx: Ctx, ids: DemoIds, shift: (day: string) => string) {
  const initiatives = new Map<string, number>();
  for (const d of initiativesData) {
    initiatives.set(d.key, await loadInitiative(ctx, d, ids, shift));
  }
  for (const f of fundsData) {
    await loadFund(ctx, f, { ...ids, initiatives }, shift);
  }
  await loadVariants(ctx, must(initiatives, VARIANTS_INITIATIVE, "indsats"), ids, shift);
  return { initiatives: initiatives.size, funds: fundsData.length };
}
