import { expect, it } from "vitest";
import { verifyAuditChain } from "../../src/modules/audit/index.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";

describeEachDatabase("Export and restore", (kind) => {
  const t = useTestApp(kind);

  it("round-trips every row and file losslessly, and new rows continue the ids", async () => {
    await seedWorld(t().system);
    const exported = await exportAll(t().database.db, new Date(0));
    expect(exported.tables.storedFiles?.length).toBe(2);
    expect(exported.tables.agendaItems?.length).toBe(2);
    const target = await createTestDatabase(kind);
    try {
      const counts = await restoreAll(target.database.db, JSON.parse(JSON.stringify(exported)));
      expect(counts.meetings).toBe(1);
      const again = await exportAll(target.database.db, new Date(0));
      // The restore adds one entry to the audit log, chained to the restored ones.
      const note = again.tables.auditLog?.pop();
      expect(note).toMatchObject({ tableName: "database", action: "restore" });
      expect(again).toEqual(exported);
      expect((await verifyAuditChain(target.database.db)).broken).toEqual([]);
      const { createPerson } = await import("../../src/modules/people/index.ts");
      const person = await createPerson(
        { db: target.database.db, actor: SYSTEM_ACTOR },
        { name: "Efter genskabelse" },
      );
      const maxId = Math.max(...(exported.tables.persons ?? []).map((p) => p.id as number));
      expect(person.id).toBe(maxId + 1);
      await expect(restoreAll(target.database.db, exported)).rejects.toThrow(/ikke tom/);
      await expect(restoreAll(target.database.db, { format: "noget andet" })).rejects.toThrow(
        /ikke en Tværs-eksport/,
      );
    } finally {
      await target.drop();
    }
  });

  it("restores all or nothing", async () => {
    const exported = await exportAll(t().database.db, new Date(0));
    const broken = structuredClone(exported);
    broken.tables.attachments?.push({ ...(broken.tables.attachments[0] as object), id: 999, itemId: 123456 });
    const target = await createTestDatabase(kind);
    try {
      await expect(restoreAll(target.database.db, broken)).rejects.toThrow();
      const empty = await exportAll(target.database.db, new Date(0));
      expect(Object.values(empty.tables).every((rows) => rows.length === 0)).toBe(true);
    } finally {
      await target.drop();
    }
  });
});
