import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

describeEachDatabase("Cached meeting reads", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("never serves a member's cached view to the public, and shows a write at once", async () => {
    const url = `/api/v1/meetings/${w.meeting.id}/details`;
    const member = await t().request({ method: "GET", url, token: w.users.member.token });
    expect(member.body).toContain(SECRET);
    for (let i = 0; i < 3; i++) {
      const pub = await t().request({ method: "GET", url });
      expect(pub.statusCode).toBe(200);
      expect(pub.body).not.toContain(SECRET);
      expect(pub.headers["content-type"]).toContain("application/json");
    }
    const outsider = await t().request({ method: "GET", url, token: w.users.outsider.token });
    expect(outsider.body).not.toContain(SECRET);

    const item = (await t().request({ method: "GET", url: `/api/v1/items/${w.items.open.id}` })).json();
    const corrected = await t().request({
      method: "POST",
      url: `/api/v1/items/${w.items.open.id}/corrections`,
      token: w.users.secretary.token,
      payload: {
        version: item.version,
        reason: "Rettelse af titel",
        changes: { title: "Ny titel efter rettelse" },
      },
    });
    expect(corrected.statusCode).toBe(200);
    const after = await t().request({ method: "GET", url });
    expect(after.body).toContain("Ny titel efter rettelse");
    expect(after.body).not.toContain(SECRET);
  });

  it("the public's cached view is never served to a member or an admin (the other order)", async () => {
    const url = `/api/v1/meetings/${w.meeting.id}/details`;
    // The previous test ended with a public read: the public view is cached now.
    const pub = await t().request({ method: "GET", url });
    expect(pub.body).not.toContain(SECRET);
    for (const who of ["member", "secretary", "admin"] as const) {
      const seen = await t().request({ method: "GET", url, token: w.users[who].token });
      expect(seen.statusCode, who).toBe(200);
      expect(seen.body, who).toContain(SECRET);
    }
    // A secretary of another body is a member somewhere, but not here.
    const outsider = await t().request({ method: "GET", url, token: w.users.outsider.token });
    expect(outsider.body).not.toContain(SECRET);
  });
});
