import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createBody } from "../../src/modules/bodies/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

interface Hit {
  id: number;
  title: string;
}

/**
 * A search with more matches than it ranks (1,050, docs/search.md): the newest matches are the
 * candidates, and the title tier adds older matches with the word in the title — older than every
 * candidate, so never one twice — for a strong older match to rank.
 */
describeEachDatabase("Search with more matches than it ranks", (kind) => {
  const t = useTestApp(kind);

  it("arranges 1,200 recent matches (300 with the word in the title) and one older title match", async () => {
    const body = await createBody(t().system, { name: "Følgegruppe for fodsundhed", kind: "follow_group" });
    const meetings = ["2025-06-10", "2025-05-08", "2025-04-10", "2025-01-09"];
    for (const [i, day] of meetings.entries()) {
      await t().system.db.execute(
        sql`insert into meetings (body_id, start, status) values (${body.id}, ${`${day}T09:00:00Z`}, 'minutes_published')`,
      );
      const old = i === 3;
      await t().system.db.execute(sql`
        insert into agenda_items (meeting_id, number, position, title, access, kind, sections)
        select (select max(id) from meetings), n, n,
          case when ${old} then 'Fodterapi til borgere med diabetes'
               when ${i} = 0 and n <= 300 then 'Fodterapi, status ' || n
               else 'Punkt ' || n end,
          'open', 'orientation',
          jsonb_build_object('summary', case when ${old} then 'Tilbud om fodterapi.'
            else 'Kommunen orienterer om fodterapi og forebyggelse, punkt ' || n || '.' end)
        from generate_series(1, case when ${old} then 1 else 400 end) n`);
    }
  });

  it("ranks the newest 1,050 and the older title match, each hit once", async () => {
    const seen = new Map<number, string>();
    let total = 0;
    let exact = true;
    for (let page = 1; page <= 21; page++) {
      const res = await t().request({
        method: "GET",
        url: `/api/v1/search?q=fodterapi&perPage=50&page=${page}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; totalExact: boolean; hits: Hit[] };
      total = body.total;
      exact = body.totalExact;
      for (const hit of body.hits) {
        expect(seen.has(hit.id), `hit ${hit.id} twice`).toBe(false);
        seen.set(hit.id, hit.title);
      }
      if (body.hits.length < 50) {
        break;
      }
    }
    expect(total).toBe(1050);
    expect(exact).toBe(false);
    // the older match is no candidate (1,200 newer matches), but its title brings it in
    expect([...seen.values()]).toContain("Fodterapi til borgere med diabetes");
    // the first page is led by title matches (weight A)
    const first = (await t().request({ method: "GET", url: "/api/v1/search?q=fodterapi" })).json() as {
      hits: Hit[];
    };
    expect(first.hits.every((h) => h.title.startsWith("Fodterapi"))).toBe(true);
  });
});
