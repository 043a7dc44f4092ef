import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

/**
 * A supplementary agenda ("tillægsdagsorden") through the workspace's form: items added or changed after
 * publication become a change log on the public agenda page and a new frozen edition; the note is the
 * members'; a closed item shows to the public as its number only.
 */
describeEachDatabase("Supplementary agenda", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingId = 0;
  let path = "";

  const api = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, token?: string) =>
    t().request({ method, url, token: token ?? w.users.secretary.token, payload });
  const post = (url: string, form: Record<string, string>, token?: string) =>
    t().request({
      method: "POST",
      url,
      token,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(form).toString(),
    });
  const page = (url: string, token?: string) =>
    t().request({ method: "GET", url, token, headers: { accept: "text/html" } });
  const meeting = async () => (await api("GET", `/api/v1/meetings/${meetingId}`)).json();
  const form = (version: number, extra: Record<string, string> = {}) => ({
    version: String(version),
    note: "Punkt om akutpladser tilføjet efter aftale med formanden.",
    ...extra,
  });
  const url = () => `/arbejdsrum/moeder/${meetingId}/tillaegsdagsorden`;

  it("arranges a meeting with a published agenda", async () => {
    w = await seedWorld(t().system);
    const m = (await api("POST", "/api/v1/meetings", { bodyId: w.ssu.id, start: "2030-03-05T09:00" })).json();
    meetingId = m.id;
    await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: "Budget 2031" });
    const published = await api("POST", `/api/v1/meetings/${meetingId}/transition`, {
      to: "agenda_published",
      version: m.version,
    });
    expect(published.statusCode).toBe(200);
    const res = await page(`/moeder/${meetingId}`);
    path = res.statusCode === 301 ? String(res.headers.location) : `/moeder/${meetingId}`;
  });

  it("refuses a supplement without changes, without a note, from members and outsiders; nothing is written", async () => {
    const before = await meeting();
    const none = await post(url(), form(before.version, { confirm: "ja" }), w.users.secretary.token);
    expect(none.statusCode).toBe(409);
    expect(none.body).toContain("Ingen punkter er tilføjet eller ændret");
    await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: "Akutpladser i vinteren" });
    await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: SECRET, access: "closed" });
    const empty = await post(url(), form(before.version, { note: "" }), w.users.secretary.token);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv kort, hvad tillægsdagsordenen ændrer");
    for (const who of [w.users.member, w.users.chair, w.users.outsider]) {
      const res = await post(url(), form(before.version, { confirm: "ja" }), who.token);
      expect(res.statusCode).toBe(404);
    }
    const anonymous = await post(url(), form(before.version, { confirm: "ja" }));
    expect(anonymous.statusCode).toBe(403);
    expect((await meeting()).version).toBe(before.version);
    expect((await page(path)).body).not.toContain("Tillægsdagsorden");
  });

  it("asks once more, then publishes the change log; a stale form gets 409", async () => {
    const before = await meeting();
    const ask = await post(url(), form(before.version), w.users.secretary.token);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain("Offentliggør tillægsdagsordenen?");
    expect(ask.body).toContain("Bemærkningen ses kun af forummets medlemmer");
    expect((await meeting()).version).toBe(before.version);
    const done = await post(url(), form(before.version, { confirm: "ja" }), w.users.secretary.token);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/arbejdsrum/moeder/${meetingId}?gemt=tillaeg`);
    const ws = await page(String(done.headers.location), w.users.secretary.token);
    expect(ws.body).toContain("Tillægsdagsordenen er offentliggjort");
    expect(ws.body).not.toContain("Dagsorden under udarbejdelse");
    expect(ws.body).toMatch(/Punkt \d+ tilføjet \d+\. [a-zæøå]+ \d{4}/);
    const stale = await post(url(), form(before.version, { confirm: "ja" }), w.users.secretary.token);
    expect(stale.statusCode).toBe(409);
  });

  it("the public page lists the changes by number; the closed item and the note stay with the members", async () => {
    const items = (await api("GET", `/api/v1/meetings/${meetingId}/details`)).json().items as {
      number: number;
      title: string;
    }[];
    const added = items.find((i) => i.title === "Akutpladser i vinteren")?.number;
    const closed = items.find((i) => i.title === SECRET)?.number;
    const pub = await page(path);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain("Tillægsdagsorden");
    expect(pub.body).toMatch(new RegExp(`Punkt ${added} tilføjet \\d+\\. [a-zæøå]+ \\d{4}<`));
    expect(pub.body).toMatch(new RegExp(`Punkt ${closed} tilføjet [^<]+ \\(lukket punkt\\)`));
    expect(pub.body).not.toContain("akutpladser tilføjet efter aftale");
    expect(pub.body).not.toContain(SECRET);
    const member = await page(path, w.users.member.token);
    expect(member.body).toContain("Bemærkning: Punkt om akutpladser tilføjet efter aftale med formanden.");
    const en = await t().request({
      method: "GET",
      url: path,
      headers: { accept: "text/html", "accept-language": "en" },
    });
    expect(en.body).toMatch(new RegExp(`Item ${added} added \\d+ [A-Z][a-z]+ \\d{4}`));
  });

  it("a second supplement covers only what changed since the first; the documents get a new public edition without the note", async () => {
    const items = (await api("GET", `/api/v1/meetings/${meetingId}/details`)).json().items as {
      id: number;
      number: number;
      title: string;
      version: number;
    }[];
    const first = items.find((i) => i.title === "Budget 2031");
    expect(first).toBeDefined();
    if (!first) {
      return;
    }
    const changed = await api("PATCH", `/api/v1/items/${first.id}`, {
      title: "Budget 2031 og 2032",
      version: first.version,
    });
    expect(changed.statusCode).toBe(200);
    const m = await meeting();
    const res = await api("POST", `/api/v1/meetings/${meetingId}/supplementary-agenda`, {
      version: m.version,
      note: "Budgetpunktet dækker nu to år.",
    });
    expect(res.statusCode).toBe(200);
    const pub = await page(path);
    expect(pub.body).toMatch(new RegExp(`Punkt ${first.number} ændret`));
    expect(pub.body.match(/tilføjet/g)?.length).toBe(2);
    const refused = await api(
      "POST",
      `/api/v1/meetings/${meetingId}/supplementary-agenda`,
      { version: (await meeting()).version, note: "Intet nyt her." },
      w.users.member.token,
    );
    expect(refused.statusCode).toBe(403);
    const docs = (await api("GET", `/api/v1/meetings/${meetingId}/documents`, undefined, "")).json() as {
      kind: string;
      edition: string;
      reason: string | null;
    }[];
    const reasons = docs.filter((d) => d.kind === "agenda").map((d) => d.reason);
    expect(reasons).toContain("Tillægsdagsorden.");
    expect(JSON.stringify(docs)).not.toContain("akutpladser");
    expect(JSON.stringify(docs)).not.toContain(SECRET);
  });
});
