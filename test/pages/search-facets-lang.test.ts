import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

/** The search page's filters speak the reader's language (issue 16, point 10): kinds, outcomes, types. */
describeEachDatabase("Search facets in Danish and English", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  const search = (lang: "da" | "en") =>
    t().request({
      method: "GET",
      url: "/soeg?q=vandrehjemsordning",
      headers: { accept: "text/html", "accept-language": lang },
    });

  it("arranges a published item to find", async () => {
    w = await seedWorld(t().system);
    const api = (url: string, payload: object) =>
      t().request({ method: "POST", url, token: w.users.secretary.token, payload });
    const m = (await api("/api/v1/meetings", { bodyId: w.ssu.id, start: "2026-02-03T09:00" })).json();
    await api(`/api/v1/meetings/${m.id}/items`, {
      title: "Vandrehjemsordning for pårørende",
      kind: "decision",
    });
    const res = await api(`/api/v1/meetings/${m.id}/transition`, {
      to: "agenda_published",
      version: m.version,
    });
    expect(res.statusCode).toBe(200);
  });

  it("Danish: the kind and type filters and the hit's type in Danish", async () => {
    const res = await search("da");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Vandrehjemsordning for pårørende");
    expect(res.body).toMatch(/>Beslutning \(1\)</);
    expect(res.body).toMatch(/>Punkt \(1\)</);
  });

  it("English: the same filters and the hit's type in English, no Danish labels", async () => {
    const res = await search("en");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Vandrehjemsordning for pårørende");
    expect(res.body).toMatch(/>Decision \(1\)</);
    expect(res.body).toMatch(/>Item \(1\)</);
    expect(res.body).toMatch(/Item · /);
    expect(res.body).not.toContain("Beslutning (");
    expect(res.body).not.toContain("Punkt (");
  });
});
