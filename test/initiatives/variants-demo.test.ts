import { expect, it } from "vitest";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { listAllInitiatives, type TInitiativeParty } from "../../src/modules/initiatives/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

describeEachDatabase("Demo: an initiative run per municipality (issue 22.5)", (kind) => {
  const t = useTestApp(kind);

  it("has a model B party, an opt-out with its reason and figures over three or more periods", async () => {
    await loadDemo(t().database.db, demoData, new Date("2026-11-23T08:00:00Z"));
    const [initiative] = await listAllInitiatives(t().system, { q: "kommunale akutpladser" });
    expect(initiative).toBeDefined();
    const res = await t().request({ method: "GET", url: `/api/v1/initiatives/${initiative?.id}/parties` });
    expect(res.statusCode).toBe(200);
    const parties = res.json() as TInitiativeParty[];
    const by = (name: string) => parties.find((p) => p.partyName.startsWith(name)) as TInitiativeParty;
    expect(by("Vesterhede").current?.model).toBe("Model B, der afprøves");
    expect(by("Vesterhede").history).toHaveLength(2);
    expect(by("Tangholm").current).toMatchObject({
      participation: "out",
      reason: "Ønsker ikke at udvide målgruppen på nuværende tidspunkt.",
    });
    expect(by("Tangholm").history.map((h) => h.participation)).toEqual(["out", "in"]);
    const days = new Set(by("Vesterhede").figures.map((f) => f.measuredOn));
    expect(days.size).toBeGreaterThanOrEqual(3);
    const page = await t().request({
      method: "GET",
      url: `/indsatser/${initiative?.id}`,
      headers: { accept: "text/html" },
    });
    const html = (
      await t().request({
        method: "GET",
        url: String(page.headers.location),
        headers: { accept: "text/html" },
      })
    ).body;
    expect(html).toContain("Vesterhede Kommune: Deltager – Model B, der afprøves");
    expect(html).toContain("93 forløb");
    expect(html).toContain("21 (23 %)");
    expect(html).toContain("Vesterhede Kommune: målte tal over tid");
    // Loading the whole demo takes most of a minute on a busy machine: room for it, no timing asserted.
  }, 240_000);
});
