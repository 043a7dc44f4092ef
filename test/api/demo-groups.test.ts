import { expect, it } from "vitest";
import { demoData } from "../../src/modules/demo/demo.data.ts";
import { loadDemo } from "../../src/modules/demo/demo.service.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

/** The demo's groups and agreements as the public sees them through the API. */
describeEachDatabase("Demo: mandates and agreements", (kind) => {
  const t = useTestApp(kind);
  const get = async (url: string) => (await t().request({ method: "GET", url })).json();

  it("has mandate versions for the three ad hoc groups, a draft kept inside, and agreements in force and in hearing", async () => {
    await loadDemo(t().database.db, demoData, new Date("2026-11-23T08:00:00Z"));
    const bodies = (await get("/api/v1/bodies?kind=ad_hoc_group")).items as {
      id: number;
      shortName: string;
    }[];
    const byName = new Map(bodies.map((b) => [b.shortName, b.id]));
    const akut = await get(`/api/v1/bodies/${byName.get("Ad hoc akut")}/mandate`);
    expect(akut).toMatchObject({ status: "active", current: { number: 1 } });
    expect(akut.deliverables[0]).toMatchObject({
      title: "Halvårsstatus til FSN",
      deliveredOn: expect.any(String),
    });
    const psyk = await get(`/api/v1/bodies/${byName.get("Ad hoc dobbeltdiagnoser")}/mandate`);
    expect(psyk.status).toBe("standby");
    expect(psyk.versions.map((v: { number: number }) => v.number)).toEqual([1]);
    const genoptraening = await get(`/api/v1/bodies/${byName.get("Ad hoc genoptræning")}/mandate`);
    expect(genoptraening.events.map((e: { kind: string }) => e.kind)).toEqual(["set_up", "report", "closed"]);

    const toolbox = await get("/api/v1/toolbox");
    expect(toolbox.count).toBeGreaterThanOrEqual(8);
    const all = (await get("/api/v1/agreements")) as { id: number; status: string; title: string }[];
    expect(all.some((a) => a.title === "Fælles ammepolitik")).toBe(false);
    const inHearing = all.filter((a) => a.status === "hearing").map((a) => a.title);
    expect(inHearing.sort()).toEqual([
      "Samarbejdsaftale vedr. voksne med erhvervet hjerneskade",
      "Sundhedsplan for Region Vestkyst 2027–2030",
    ]);
    const brainInjury = all.find((a) => a.title.includes("erhvervet hjerneskade"));
    const hearing = (await get(`/api/v1/agreements/${brainInjury?.id}`)).hearings[0];
    expect(hearing).toMatchObject({ responseCount: 3, responses: null });
    const overweight = all.find((a) => a.title.includes("overvægt"));
    const published = (await get(`/api/v1/agreements/${overweight?.id}`)).hearings[0];
    expect(published.totals).toEqual({ not_changed: 1, adjusted: 1, changed: 2, pending: 0 });
  }, 180_000);
});
