import { expect, it } from "vitest";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import {
  carryOver,
  createFund,
  createGrant,
  setFundParties,
  setIncome,
} from "../../src/modules/funds/index.ts";
import { changeStatus, createInitiative } from "../../src/modules/initiatives/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";

describeEachDatabase("Export and restore: funds and initiatives", (kind) => {
  const t = useTestApp(kind);

  it("round-trips funds, income, grants (bigint øre), carry-overs, history and initiatives losslessly", async () => {
    const { system } = t();
    const w = await seedWorld(system);
    const initiative = await createInitiative(system, {
      title: "Kom Trygt Hjem",
      agreement: "Sundhedsaftalen 2024–2027",
      focusArea: "Sammenhængende forløb",
      scope: "pilot",
      ownerBodyId: w.ssu.id,
      clusters: ["Sydvest"],
      partyIds: [w.region.id],
      targetGroup: "Ældre medicinske patienter",
      theme: "Udskrivning",
    });
    await changeStatus(system, initiative.id, {
      version: initiative.version,
      phase: "running",
      rag: "yellow",
      reason: "Forsinket rekruttering",
    });
    const fund = await createFund(system, { bodyId: w.ssu.id, name: "Pulje" });
    await setFundParties(system, fund.id, {
      version: fund.version,
      parties: [{ partyId: w.region.id, inKey: true }],
    });
    // beyond 2^53 øre: only an exact bigint survives the round trip
    await setIncome(system, fund.id, 2025, [{ partyId: w.region.id, amountOre: 9_007_199_254_740_993n }]);
    await createGrant(system, fund.id, {
      title: "Kom Trygt Hjem",
      initiativeId: initiative.id,
      approvedOn: "2025-03-06",
      status: "approved",
      parts: [],
      keyAmountOre: 187_440_000n,
    });
    await carryOver(system, fund.id, { fromYear: 2025, decidedOn: "2026-01-10" });
    const exported = await exportAll(t().database.db, new Date(0));
    for (const name of [
      "funds",
      "fundParties",
      "fundIncome",
      "grants",
      "grantParts",
      "fundCarryOvers",
      "fundHistory",
      "initiatives",
      "initiativeParties",
      "initiativeStatusChanges",
    ]) {
      expect(exported.tables[name]?.length, name).toBeGreaterThan(0);
    }
    expect(exported.tables.fundIncome?.[0]?.amountOre).toBe("9007199254740993");
    const target = await createTestDatabase(kind);
    try {
      await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
      expect(await exportAfterRestore(target.database.db)).toEqual(exported);
    } finally {
      await target.drop();
    }
  });
});
