import { eq } from "drizzle-orm";
import type { Ctx } from "../../server/context.ts";
import { AppError } from "../../server/errors.ts";
import { authorize, canEditBody } from "../auth/index.ts";
import { AREA_KINDS, type AreaKind, getReferenceData } from "../reference/index.ts";
import { bodyDashboards, indicators } from "./indicators.tables.ts";

export interface BodyDashboardConfig {
  indicatorCodes: string[];
  areaKind: AreaKind;
  areaCode: string;
  version: number;
}

/** The dashboard a secretariat composed for its body, or null. */
export async function getBodyDashboard(ctx: Ctx, bodyId: number): Promise<BodyDashboardConfig | null> {
  const [row] = await ctx.db.select().from(bodyDashboards).where(eq(bodyDashboards.bodyId, bodyId));
  return row
    ? {
        indicatorCodes: row.indicatorCodes,
        areaKind: row.areaKind,
        areaCode: row.areaCode,
        version: row.version,
      }
    : null;
}

/** Saves the body's dashboard: chosen indicators (known codes, at most 12) for one area. */
export async function saveBodyDashboard(
  ctx: Ctx,
  bodyId: number,
  input: { indicatorCodes: string[]; area: string },
): Promise<void> {
  authorize(
    ctx.actor,
    canEditBody(ctx.actor, bodyId),
    "Kun forummets sekretariat kan sammensætte dashboardet.",
  );
  const codes = [...new Set(input.indicatorCodes)].slice(0, 12);
  const known = new Set((await ctx.db.select({ code: indicators.code }).from(indicators)).map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  const [kind, code] = input.area.split(":");
  const data = await getReferenceData(ctx);
  const areaOk =
    (AREA_KINDS as readonly string[]).includes(kind ?? "") &&
    data.areas.some((a) => a.kind === kind && a.code === code);
  if (unknown.length > 0 || !areaOk || codes.length === 0) {
    throw new AppError("validation_failed", "Vælg mindst én kendt indikator og et kendt område.", [
      ...(codes.length === 0 || unknown.length
        ? [{ path: "indicators", message: "Vælg mindst én kendt indikator." }]
        : []),
      ...(!areaOk ? [{ path: "area", message: "Vælg et kendt område." }] : []),
    ]);
  }
  const values = { bodyId, indicatorCodes: codes, areaKind: kind as AreaKind, areaCode: code as string };
  await ctx.db
    .insert(bodyDashboards)
    .values(values)
    .onConflictDoUpdate({ target: bodyDashboards.bodyId, set: { ...values, updatedAt: new Date() } });
}
