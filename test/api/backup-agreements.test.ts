import { expect, it } from "vitest";
import {
  addResponse,
  approveAgreement,
  createAgreement,
  getAgreement,
  moveAgreement,
  startHearing,
} from "../../src/modules/agreements/index.ts";
import { exportAll, restoreAll } from "../../src/modules/backup/index.ts";
import { recordReport, setUpGroup } from "../../src/modules/mandates/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { createTestDatabase, describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";
import { exportAfterRestore } from "../helpers/snapshot.ts";

describeEachDatabase("Export and restore: mandates, agreements and hearings", (kind) => {
  const t = useTestApp(kind);

  it("round-trips mandate versions and events, agreements (a replacement pointing forward), versions, hearings, responses and remarks", async () => {
    const { system } = t();
    const w = await seedWorld(system);
    const group = await setUpGroup(system, {
      name: "Ad hoc gruppe om eksport",
      kind: "ad_hoc_group",
      reportsToId: w.ssu.id,
      purpose: "Formål",
      periodFrom: "2025-01-01",
      composition: [{ seats: 2, party: "Kommunerne", competence: "Leder", flexible: true }],
      deliverables: [{ title: "Rapport", dueOn: "2025-06-01" }],
      itemId: w.items.closed.id,
      approved: true,
    });
    await recordReport(system, group.bodyId, { on: "2025-06-01", deliverable: "Rapport", note: "Afleveret" });
    const make = (title: string) =>
      createAgreement(system, {
        title,
        kind: "care_programme",
        theme: "Kronisk sygdom",
        ownerBodyId: w.ssu.id,
        firstVersion: { label: "Udkast", text: "Tekst" },
      });
    const old = await make("Forløbsprogram for KOL");
    const next = await make("Forløbsprogram for KOL 2025");
    await startHearing(system, old.id, {
      startsOn: "2024-01-01",
      endsOn: "2024-02-01",
      invitees: [{ partyId: w.region.id }],
    });
    const heard = await getAgreement(system, old.id);
    await addResponse(system, heard.hearings[0]?.id ?? 0, {
      partyId: w.region.id,
      receivedOn: "2024-01-15",
      text: "Første bemærkning.\n\nAnden bemærkning.",
      splitText: true,
    });
    await approveAgreement(system, old.id, { bodyId: w.ssu.id, on: "2024-03-01", publishResponses: true });
    await moveAgreement(system, old.id, { to: "replaced", replacedById: next.id, on: "2025-01-01" });
    const exported = await exportAll(t().database.db, new Date(0));
    for (const name of [
      "mandateVersions",
      "mandateEvents",
      "agreements",
      "agreementVersions",
      "agreementEvents",
      "hearings",
      "hearingInvitees",
      "hearingResponses",
      "hearingRemarks",
    ]) {
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
