import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { agreements } from "../../src/modules/agreements/index.ts";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { DEMO_IMPLEMENTED_AGREEMENT } from "../../src/modules/demo/demo.implementation.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

describeEachDatabase(
  "The demo's implementation matrix and ratification tracker (issue 22.3/22.4)",
  (kind) => {
    const t = useTestApp(kind);
    let agreementId: number;

    beforeAll(async () => {
      await loadDemo(t().database.db, demoData);
      const [row] = await t()
        .system.db.select({ id: agreements.id })
        .from(agreements)
        .where(eq(agreements.title, DEMO_IMPLEMENTED_AGREEMENT));
      agreementId = row?.id as number;
    }, 300_000);

    it("has the health agreement's parties in mixed states, an opt-out with its reason and a not-relevant", async () => {
      const m = (
        await t().request({ method: "GET", url: `/api/v1/implementation?agreementId=${agreementId}` })
      ).json();
      const states = new Set(m.cells.map((c: { state: string }) => c.state));
      expect([...states].sort()).toEqual([
        "implemented",
        "in_progress",
        "not_relevant",
        "not_started",
        "opted_out",
      ]);
      const optOut = m.cells.find((c: { state: string }) => c.state === "opted_out");
      expect(optOut.reason).toContain("model B");
      expect(m.parties.length).toBeGreaterThanOrEqual(6);
    });

    it("has a ratification tracker with approvals, one late and pending ones, shown on the agreement page", async () => {
      const r = (
        await t().request({ method: "GET", url: `/api/v1/agreements/${agreementId}/ratification` })
      ).json();
      expect(r.approved).toBe(2);
      expect(r.late).toBe(1);
      expect(
        r.steps.filter((s: { approvedOn: string | null; late: boolean }) => !s.approvedOn && !s.late),
      ).toHaveLength(2);
      const first = await t().request({
        method: "GET",
        url: `/aftaler/${agreementId}`,
        headers: { accept: "text/html" },
      });
      const page = await t().request({
        method: "GET",
        url: String(first.headers.location),
        headers: { accept: "text/html" },
      });
      expect(page.body).toContain("Godkendelse i byråd, regionsråd og Sundhedsstyrelsen");
      expect(page.body).toContain("Fristen er overskredet");
      expect(page.body).toContain("Sønderå Kommunalbestyrelse");
    });
  },
);
