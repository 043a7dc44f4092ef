import { expect, it } from "vitest";
import { seedToDocx, seedToPdf } from "../fixtures/seed-documents.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

interface Hit {
  source: string;
  title: string;
  url: string;
  snippet: string | null;
  outcome: string | null;
}
interface Facet {
  value: string;
  count: number;
}

describeEachDatabase("Search (API)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const as = (who: "public" | "outsider" | "member" | "admin") =>
    who === "public" ? undefined : w.users[who].token;
  const get = (url: string, who: "public" | "outsider" | "member" | "admin" = "public") =>
    t().request({ method: "GET", url, token: as(who) });
  const find = async (q: string, who: "public" | "outsider" | "member" | "admin" = "public", extra = "") => {
    const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; totalExact: boolean; hits: Hit[]; facets: Record<string, Facet[]> };
  };
  const secretary = () => w.users.secretary.token;
  const post = (url: string, payload: object, token = secretary()) =>
    t().request({ method: "POST", url, payload, token });

  async function meetingWith(items: object[], to: string[], start = "2025-04-10T10:00") {
    const m = (await post("/api/v1/meetings", { bodyId: w.ssu.id, start })).json();
    const created = [];
    for (const item of items) {
      created.push((await post(`/api/v1/meetings/${m.id}/items`, item)).json());
    }
    let v = m.version;
    for (const status of to) {
      const res = await post(`/api/v1/meetings/${m.id}/transition`, { to: status, version: v });
      expect(res.statusCode, res.body).toBe(200);
      v = res.json().version;
    }
    return { meeting: { ...m, version: v }, items: created };
  }

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("finds an open item by title and links into its meeting at the item", async () => {
    const r = await find("dagsorden");
    const hit = r.hits.find((h) => h.source === "item");
    expect(hit?.title).toBe("Godkendelse af dagsorden");
    expect(hit?.url).toBe(`/moeder/${w.meeting.id}#punkt-1`);
    expect(hit?.snippet).toContain("<mark>");
  });

  for (const who of ["public", "outsider"] as const) {
    it(`${who}: closed items and closed attachments are no hits, snippets or facet counts`, async () => {
      for (const q of [SECRET, "hemmelig", "Kontraktforhandling", "fortroligt", "EMN-2025-99999"]) {
        const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}`, who);
        expect(res.statusCode).toBe(200);
        expect(res.json().total, q).toBe(0);
        expect(res.body).not.toContain(SECRET);
      }
      // Browsing everything: the facets count the open item and the open attachment only.
      const all = await get("/api/v1/search", who);
      expect(all.body).not.toContain(SECRET);
      expect(all.body).not.toContain("Fortroligt");
      const types = Object.fromEntries(all.json().facets.type.map((f: Facet) => [f.value, f.count]));
      expect(types).toMatchObject({ item: 1, attachment: 1 });
      const outcomes = await get("/api/v1/search?outcome=approved", who);
      expect(outcomes.json().total).toBe(1);
    });
  }

  it("member: finds the closed item, its closed attachments and their text", async () => {
    const r = await find("hemmelig", "member");
    const sources = r.hits.map((h) => h.source).sort();
    expect(sources).toEqual(["attachment", "attachment", "item"]);
    expect(JSON.stringify(r)).toContain("Fortroligt");
    const exact = await find(SECRET, "member");
    expect(exact.total).toBe(3);
    const byCase = await find("EMN-2025-99999", "member");
    expect(byCase.hits.map((h) => h.source)).toEqual(["item"]);
  });

  it("compounds: a part of a compound word finds it; weights put title hits first", async () => {
    await meetingWith(
      [
        { title: "Samarbejdsaftale om genoptræning", sections: { summary: "Aftalen revideres." } },
        { title: "Overvægtsaftalen for børn", sections: { summary: "Forebyggelse." } },
        { title: "Orientering", sections: { summary: "Samarbejdsaftalen nævnes kun her." } },
      ],
      ["agenda_published"],
    );
    const aftale = await find("aftale");
    expect(aftale.hits.map((h) => h.title)).toEqual(
      expect.arrayContaining([
        "Samarbejdsaftale om genoptræning",
        "Overvægtsaftalen for børn",
        "Orientering",
      ]),
    );
    expect(aftale.hits.at(-1)?.title).toBe("Orientering");
    expect((await find("overvægt")).hits[0]?.title).toBe("Overvægtsaftalen for børn");
    // A typo in a title word still finds it.
    expect((await find("genoptræing")).hits[0]?.title).toBe("Samarbejdsaftale om genoptræning");
  });

  it("query language: phrases, exclusion and prefixes", async () => {
    expect((await find('"om genoptræning"')).hits.map((h) => h.title)).toEqual([
      "Samarbejdsaftale om genoptræning",
    ]);
    // A phrase of two words: next to each other, in this order — not just both somewhere in the text.
    for (const who of ["public", "member"] as const) {
      expect((await find('"samarbejdsaftale om genoptræning"', who)).hits.map((h) => h.title)).toEqual([
        "Samarbejdsaftale om genoptræning",
      ]);
      expect((await find('"genoptræning samarbejdsaftale"', who)).total).toBe(0);
      expect(
        (await find('genoptræning -"samarbejdsaftale om genoptræning"', who)).hits.map((h) => h.title),
      ).not.toContain("Samarbejdsaftale om genoptræning");
    }
    const excluded = await find("aftale -børn");
    expect(excluded.hits.map((h) => h.title)).not.toContain("Overvægtsaftalen for børn");
    expect(excluded.total).toBeGreaterThan(0);
    expect((await find("genoptr*")).hits[0]?.title).toBe("Samarbejdsaftale om genoptræning");
  });

  it("filters and facets: body, kind, dates, type; paging", async () => {
    const r = await find(
      "aftale",
      "public",
      `&bodyId=${w.ssu.id}&kind=decision&from=2025-04-01&to=2025-04-30`,
    );
    expect(r.total).toBe(3);
    expect(r.totalExact).toBe(true);
    expect(r.facets.body?.[0]).toMatchObject({ value: String(w.ssu.id), count: 3 });
    expect(r.facets.year?.[0]).toMatchObject({ value: "2025", count: 3 });
    expect((await find("aftale", "public", "&to=2025-03-31")).total).toBe(0);
    expect((await find("aftale", "public", `&bodyId=${w.other.id}`)).total).toBe(0);
    const page2 = await find("aftale", "public", "&perPage=2&page=2");
    expect(page2.hits).toHaveLength(1);
    const bodies = await find("sundhedssamarbejdsudvalget", "public", "&type=body");
    expect(bodies.hits[0]?.url).toBe(`/organer/${w.ssu.id}`);
    const people = await find("mette");
    expect(people.hits[0]).toMatchObject({ source: "person", url: `/personer/${w.people.member.id}` });
  });

  it("an unpublished agenda is found by members only; a decision only once the minutes are public", async () => {
    await meetingWith([{ title: "Udkast om KLADDEORD", sections: { summary: "x" } }], [], "2099-01-01T10:00");
    expect((await find("kladdeord")).total).toBe(0);
    expect((await find("kladdeord", "outsider")).total).toBe(0);
    expect((await find("kladdeord", "member")).total).toBe(1);

    await meetingWith(
      [
        {
          title: "Punkt om tandpleje",
          decisionText: "FORELØBIGBESLUTNING tiltrådt",
          outcome: "not_approved",
        },
      ],
      ["agenda_published", "held", "minutes_draft"],
      "2025-05-08T10:00",
    );
    expect((await find("foreløbigbeslutning")).total).toBe(0);
    const pub = await find("tandpleje");
    expect(pub.hits[0]?.outcome).toBeNull();
    expect(JSON.stringify(pub)).not.toContain("FORELØBIGBESLUTNING");
    expect(pub.facets.outcome).toEqual([]);
    expect((await find("tandpleje", "public", "&outcome=not_approved")).total).toBe(0);
    const member = await find("foreløbigbeslutning", "member");
    expect(member.hits[0]?.outcome).toBe("not_approved");
  });

  it("an item closed later disappears from public hits at once", async () => {
    const { items } = await meetingWith([{ title: "Lukkes senere om SKIFTEORD" }], ["agenda_published"]);
    expect((await find("skifteord")).total).toBe(1);
    const item = items[0];
    const res = await t().request({
      method: "PATCH",
      url: `/api/v1/items/${item.id}`,
      token: secretary(),
      payload: { access: "closed", version: item.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await find("skifteord")).total).toBe(0);
    expect((await find("skifteord", "member")).total).toBe(1);
  });

  it("attachments: text of PDF and DOCX files is extracted on upload and searchable", async () => {
    const { items } = await meetingWith([{ title: "Punkt med bilag" }], ["agenda_published"]);
    const files = [
      { bytes: await seedToPdf("Notat om PDFORDET rehabilitering."), type: "application/pdf" },
      {
        bytes: await seedToDocx("Notat om DOCXORDET hjemmepleje."),
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      },
    ];
    for (const [i, file] of files.entries()) {
      const a = (await post(`/api/v1/items/${items[0].id}/attachments`, { title: `Bilag ${i + 1}` })).json();
      const up = await t().request({
        method: "PUT",
        url: `/api/v1/attachments/${a.id}/content?version=${a.version}`,
        token: secretary(),
        headers: { "content-type": file.type },
        payload: Buffer.from(file.bytes),
      });
      expect(up.statusCode, up.body).toBe(200);
    }
    const pdf = await find("pdfordet");
    expect(pdf.hits[0]).toMatchObject({ source: "attachment", title: "Bilag 1" });
    expect(pdf.hits[0]?.snippet).toContain("<mark>PDFORDET</mark>");
    expect((await find("docxordet")).hits[0]?.title).toBe("Bilag 2");
  });

  it("bad input answers 400 with a Danish message, never 500", async () => {
    const cases: [string, string][] = [
      ['"ikke lukket', "invalid_query"],
      ["-kun -minus", "invalid_query"],
      ["be*handl", "invalid_query"],
      ["og i at", "invalid_query"],
      ["x".repeat(201), "validation_failed"],
    ];
    for (const [q, code] of cases) {
      const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code, q).toBe(code);
      expect(res.json().error.message).toMatch(/[a-zæøå]/);
    }
    for (const query of [
      "kind=nonsense",
      "outcome=yes",
      "from=2025-02-30",
      "from=2025-05-01&to=2025-04-01",
      "type=item,cases",
      "page=0",
      "page=60",
      "bodyId=abc",
      "unknown=1",
    ]) {
      const res = await get(`/api/v1/search?q=aftale&${query}`);
      expect(res.statusCode, query).toBe(400);
    }
    for (const q of ["'; drop table search_documents; --", "a & b | !c", "\\ ' :* <->", "æøå:*"]) {
      expect((await get(`/api/v1/search?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(200);
    }
  });

  it("feed: Atom of public matches, without an account and without closed material", async () => {
    for (const url of ["/api/v1/search/feed?q=aftale", "/soeg/feed.atom?q=aftale"]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("application/atom+xml");
      expect(res.body).toContain("Samarbejdsaftale om genoptræning");
      expect(res.body).toMatch(
        /<link rel="alternate" type="text\/html" href="http:\/\/[^"]+\/moeder\/\d+#punkt-1"\/>/,
      );
    }
    for (const who of ["public", "member"] as const) {
      const all = await get("/api/v1/search/feed", who);
      expect(all.body).not.toContain(SECRET);
      expect(all.body).not.toContain("KLADDEORD");
      expect(all.body).not.toContain("FORELØBIGBESLUTNING");
    }
    expect((await get('/api/v1/search/feed?q="uafsluttet')).statusCode).toBe(400);
  });

  it("saved searches belong to their user", async () => {
    const anon = await t().request({
      method: "POST",
      url: "/api/v1/saved-searches",
      payload: { name: "Aftaler", query: "aftale" },
    });
    expect(anon.statusCode).toBe(401);
    const created = await post(
      "/api/v1/saved-searches",
      { name: "Aftaler", query: "aftale", filters: { bodyId: w.ssu.id, type: ["item"] } },
      w.users.member.token,
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().feedUrl).toBe(`/api/v1/search/feed?q=aftale&type=item&bodyId=${w.ssu.id}`);
    const bad = await post("/api/v1/saved-searches", { name: "x", query: '"åben' }, w.users.member.token);
    expect(bad.json().error.code).toBe("invalid_query");
    expect((await get("/api/v1/saved-searches", "member")).json().items).toHaveLength(1);
    expect((await get("/api/v1/saved-searches", "outsider")).json().items).toHaveLength(0);
    expect((await get(`/api/v1/saved-searches/${created.json().id}`, "outsider")).statusCode).toBe(404);
  });

  it("the search page /soeg: hits with marked snippets, facets as links, Danish errors; closed stays closed", async () => {
    const page = await get("/soeg?q=aftale");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Samarbejdsaftale om genoptræning");
    expect(page.body).toMatch(/href="\/moeder\/\d+#punkt-1"/);
    expect(page.body).toContain("<mark>");
    expect(page.body).toMatch(/href="\/soeg\?q=aftale&amp;bodyId=\d+"/);
    const filtered = await get("/soeg?q=aftale&year=2025&kind=decision");
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain("Fjern filter");
    for (const who of ["public", "outsider"] as const) {
      const closed = await get(`/soeg?q=${encodeURIComponent(SECRET)}`, who);
      expect(closed.body).not.toContain(SECRET.slice(0, 12).toLowerCase());
      expect(closed.body).not.toContain("Kontraktforhandling");
    }
    expect((await get("/soeg?q=kontraktforhandling", "member")).body).toContain("Kontraktforhandling");
    const bad = await get(`/soeg?q=${encodeURIComponent('"åben')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("anførselstegn");
    expect((await get("/soeg")).statusCode).toBe(200);
  });
});
