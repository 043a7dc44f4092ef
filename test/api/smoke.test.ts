import { describe, expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { seedWorld } from "../helpers/factories.ts";

describe("smoke", () => {
  const t = useTestApp("pglite");
  it("answers healthz and a seeded meeting", async () => {
    const w = await seedWorld(t().system);
    const h = await t().request({ method: "GET", url: "/healthz" });
    expect(h.statusCode).toBe(200);
    const r = await t().request({ method: "GET", url: `/api/v1/meetings/${w.meeting.id}/details` });
    console.log(r.statusCode, r.body.slice(0, 3000));
    expect(r.statusCode).toBe(200);
  });
});
