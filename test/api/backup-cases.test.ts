import { expect, it } from "vitest";
import { createAction } from "../../src/modules/actions/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { addConsultation, createCase, rejectLinks } from "../../src/modules/cases/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";

describeEachDatabase("Export and restore: cases and actions", (kind) => {
  const t = useTestApp(kind);

  it("round-trips cases, numbers, consultations, rejected links and actions losslessly", async () => {
    const { system } = t();
    const w = await seedWorld(system);
    const theCase = await createCase(system, {
      title: "Sundhedsaftalen",
      decidingBodyId: w.ssu.id,
      numbers: [{ number: "EMN-2025-05102" }, { number: "2026-0052292", system: "edoc" }],
    });
    await addConsultation(system, { caseId: theCase.id, itemId: w.items.open.id, role: "decision" });
    await rejectLinks(system, { itemIds: [w.items.open.id, w.items.closed.id] });
    await createAction(system, {
      itemId: w.items.open.id,
      text: "Sekretariatet sender referatet",
      dueDate: "2025-04-01",
    });
    const exported = await exportAll(t().database.db, new Date(0));
    for (const name of ["cases", "caseNumbers", "consultations", "caseLinkRejections", "actions"]) {
      expect(exported.tables[name]?.length, name).toBeGreaterThan(0);
    }
    const target = await createTestDatabase(kind);
    try {
      await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
      expect(await exportAfterRestore(target.database.db)).toEqual(exported);
    } finally {
      await target.drop();
    }
  });
});
