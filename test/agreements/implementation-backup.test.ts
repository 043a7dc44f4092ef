import { expect, it } from "vitest";
import {
  addRatificationStep,
  setImplementationState,
  updateRatificationStep,
} from "../../src/modules/agreements/index.ts";
import { uploadRatificationDocument } from "../../src/modules/agreements/ratification.service.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";
import { seedImplementationWorld } from "./implementation.fixture.ts";

describeEachDatabase("Export and restore: implementation changes and ratification steps", (kind) => {
  const t = useTestApp(kind);

  it("round-trips a cell's history and the tracker's steps with their documents", async () => {
    const { system } = t();
    const w = await seedImplementationWorld(system);
    await setImplementationState(system, w.inForce.id, w.havby.id, {
      state: "in_progress",
      since: "2025-04-01",
    });
    await setImplementationState(system, w.inForce.id, w.havby.id, {
      state: "implemented",
      since: "2025-09-01",
    });
    await setImplementationState(system, w.inForce.id, w.skovby.id, {
      state: "opted_out",
      since: "2025-05-01",
      reason: "Står udenfor.",
    });
    const tracker = await addRatificationStep(system, w.inForce.id, {
      kind: "municipal_council",
      name: "Havby Kommunalbestyrelse",
      deadline: "2025-06-30",
    });
    const step = tracker.steps[0];
    await updateRatificationStep(system, step?.id as number, {
      version: step?.version as number,
      approvedOn: "2025-06-12",
      link: "https://havby.example/punkt-4",
    });
    await uploadRatificationDocument(system, step?.id as number, {
      bytes: new TextEncoder().encode("Kommunalbestyrelsens beslutning."),
      mimeType: "text/plain",
      fileName: "beslutning.txt",
    });
    const exported = await exportAll(t().database.db, new Date(0));
    expect(exported.tables.implementationChanges).toHaveLength(3);
    expect(exported.tables.ratificationSteps).toHaveLength(1);
    expect(exported.tables.ratificationSteps?.[0]).toMatchObject({ fileName: "beslutning.txt" });
    const target = await createTestDatabase(kind);
    try {
      await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
      expect(await exportAfterRestore(target.database.db)).toEqual(exported);
    } finally {
      await target.drop();
    }
  });
});
