import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createUser } from "../../src/modules/auth/auth.service.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import { parties } from "../../src/modules/parties/index.ts";
import { createMembership, createPerson, memberships } from "../../src/modules/people/index.ts";
import { loadReference, referenceAreas, shippedReferenceData } from "../../src/modules/reference/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";

const html = { accept: "text/html" };
const cookieValue = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []]
    .flat()
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1])
    .find(Boolean);

function multipart(csrf: string, files: { name: string; filename: string; text: string }[]) {
  const boundary = "----tvaersref";
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
    ...files.map(
      (f) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: text/csv\r\n\r\n${f.text}\r\n`,
    ),
    `--${boundary}--\r\n`,
  ];
  return { payload: parts.join(""), type: `multipart/form-data; boundary=${boundary}` };
}

/** Reference data: `tvaers reference load`'s service, the admin page and CSV upload, the map of Denmark. */
describeEachDatabase("Reference data and the map of Denmark", (kind) => {
  const t = useTestApp(kind);
  let admin = "";
  let anon = "";
  let csrf = "";
  const get = (url: string, cookie = admin) =>
    t().request({ method: "GET", url, headers: { ...html, ...(cookie ? { cookie } : {}) } });
  const post = (url: string, cookie: string, extra: { payload: string; type: string }) =>
    t().request({
      method: "POST",
      url,
      headers: { ...html, cookie, "content-type": extra.type },
      payload: extra.payload,
    });
  const form = (values: Record<string, string>) => ({
    payload: new URLSearchParams(values).toString(),
    type: "application/x-www-form-urlencoded",
  });

  it("logs an admin in; before any load the map page has no map of Denmark", async () => {
    await createUser(t().system, {
      email: "admin@ref.test",
      name: "Admin",
      password: "korrekt-hest-batteri",
      isAdmin: true,
      personId: null,
    });
    const login = await get("/log-ind", "");
    csrf = cookieValue(login.headers["set-cookie"], "tvaers_csrf") as string;
    anon = `tvaers_csrf=${csrf}`;
    const res = await post(
      "/log-ind",
      anon,
      form({ email: "admin@ref.test", password: "korrekt-hest-batteri", _csrf: csrf, next: "/" }),
    );
    admin = `${anon}; tvaers_session=${cookieValue(res.headers["set-cookie"], "tvaers_session")}`;
    const map = await get("/indsatser/kort");
    expect(map.statusCode).toBe(200);
    expect(map.body).not.toContain('id="danmark"');
  });

  it("refuses loading to anyone but an admin", async () => {
    const res = await post("/referencedata/indlaes", anon, form({ _csrf: csrf }));
    expect(res.statusCode).toBe(403);
    expect(await t().database.db.select().from(referenceAreas)).toEqual([]);
  });

  it("loads the shipped data from the admin page: 98 municipalities and 6 regions become parties with codes", async () => {
    const res = await post("/referencedata/indlaes", admin, form({ _csrf: csrfFor(admin) }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain("Referencedata indlæst");
    const rows = await t().database.db.select().from(parties);
    const municipalities = rows.filter((p) => p.type === "municipality");
    expect(municipalities).toHaveLength(98);
    expect(new Set(municipalities.map((p) => p.code)).size).toBe(98);
    expect(municipalities.find((p) => p.code === "561")).toMatchObject({
      name: "Esbjerg Kommune",
      municipalityCode: "561",
      region: "Region Syddanmark",
    });
    const regions = rows.filter((p) => p.type === "region");
    expect(regions.map((r) => [r.name, r.code, r.validTo]).sort()).toEqual([
      ["Region Hovedstaden", "1084", "2026-12-31"],
      ["Region Midtjylland", "1082", null],
      ["Region Nordjylland", "1081", null],
      ["Region Sjælland", "1085", "2026-12-31"],
      ["Region Syddanmark", "1083", null],
      ["Region Østdanmark", null, null],
    ]);
    expect(regions.find((r) => r.name === "Region Østdanmark")?.validFrom).toBe("2027-01-01");
  });

  it("loads the same data again without changing anything", async () => {
    const before = await t().database.db.select().from(parties);
    const again = await loadReference(t().system, shippedReferenceData());
    expect(again).toEqual({
      areas: { created: 0, updated: 0 },
      memberships: { created: 0, updated: 0 },
      parties: { created: 0, updated: 0 },
    });
    expect(await t().database.db.select().from(parties)).toEqual(before);
  });

  it("draws every municipality exactly once beside the table, and filters by region", async () => {
    const map = await get("/indsatser/kort", "");
    expect(map.statusCode).toBe(200);
    const codes = [...map.body.matchAll(/data-code="(\d+)"/g)].map((m) => m[1]);
    expect(codes).toHaveLength(98);
    expect(new Set(codes).size).toBe(98);
    expect(map.body).toContain("Kommuner i det valgte område (98)");
    const sj = await get("/indsatser/kort?dk-region=1085", "");
    expect(sj.body).toContain("Kommuner i det valgte område (17)");
    expect([...sj.body.matchAll(/data-code=/g)]).toHaveLength(98);
    expect((await get("/indsatser/kort?dk-region=ostdanmark", "")).body).toContain(
      "Kommuner i det valgte område (46)",
    );
    expect((await get("/indsatser/kort?dk-klynge=rm-goedstrup", "")).body).toContain(
      "Kommuner i det valgte område (6)",
    );
    expect((await get("/indsatser/kort?dk-region=bogus", "")).body).toContain(
      "Kommuner i det valgte område (98)",
    );
  });

  it("an admin merges Region Hovedstaden and Region Sjælland into Region Østdanmark through the pages: preview, confirm, the regions' people follow", async () => {
    const regions = (await t().database.db.select().from(parties)).filter((p) => p.type === "region");
    const region = (name: string) => regions.find((r) => r.name === name) as (typeof regions)[number];
    const [hovedstaden, sjaelland, ostdanmark] = [
      region("Region Hovedstaden"),
      region("Region Sjælland"),
      region("Region Østdanmark"),
    ];
    // Two people who represent the old regions in a body that goes on after the reform.
    const body = await createBody(t().system, { name: "Praksisplanudvalg Øst", kind: "other" });
    const reps: number[] = [];
    for (const [name, party] of [
      ["Hanne Hovedstad", hovedstaden],
      ["Søren Sjælland", sjaelland],
    ] as const) {
      const person = await createPerson(t().system, { name });
      reps.push(
        (await createMembership(t().system, { personId: person.id, bodyId: body.id, partyId: party.id })).id,
      );
    }
    const values = {
      _csrf: csrfFor(admin),
      kind: "merge",
      title: "Region Hovedstaden og Region Sjælland bliver Region Østdanmark",
      effectiveDate: "2027-01-01",
      note: "Lov om ændring af regionsloven (L 214, 2024-25)",
      from1: `party:${hovedstaden.id}`,
      to1: `party:${ostdanmark.id}`,
      from2: `party:${sjaelland.id}`,
      to2: `party:${ostdanmark.id}`,
    };
    const preview = await post("/admin/strukturaendringer/forhaandsvisning", admin, form(values));
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.body).toContain(
      "Forhåndsvisning: Region Hovedstaden og Region Sjælland bliver Region Østdanmark",
    );
    expect(preview.body).toContain("Hanne Hovedstad");
    expect(preview.body).toContain("Søren Sjælland");
    const digest = /name="previewDigest" value="([0-9a-f]{64})"/.exec(preview.body)?.[1] as string;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const done = await post(
      "/admin/strukturaendringer",
      admin,
      form({ ...values, previewDigest: digest, confirm: "1" }),
    );
    expect(done.statusCode, done.body).toBe(303);
    const moved = await t().database.db.select().from(memberships).where(eq(memberships.bodyId, body.id));
    expect(moved.map((m) => m.partyId)).toEqual([ostdanmark.id, ostdanmark.id]);
    expect(moved.map((m) => m.id).sort()).toEqual(reps.sort());
    const after = (await t().database.db.select().from(parties)).filter((p) => p.type === "region");
    expect(after.find((r) => r.id === hovedstaden.id)?.validTo).toBe("2026-12-31");
    expect(after.find((r) => r.id === sjaelland.id)?.validTo).toBe("2026-12-31");
    const detail = await get(done.headers.location as string);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain("Region Østdanmark");
    // A region that ended before the new change's last day is already gone.
    const late = await post(
      "/admin/strukturaendringer/forhaandsvisning",
      admin,
      form({ ...values, kind: "close", effectiveDate: "2027-02-01", to1: "", from2: "", to2: "" }),
    );
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain("Region Hovedstaden er allerede nedlagt før 2027-02-01.");
  });

  it("loads sundhedsråd from an uploaded CSV, all or nothing, reporting every bad row", async () => {
    const areas =
      "kind,code,name,valid_from,valid_to,source\nhealth_council,sr-test,Sundhedsråd Test,2027-01-01,,csv\n";
    const bad =
      "kind,code,parent_kind,parent_code,valid_from,valid_to,source\nmunicipality,561,health_council,sr-test,2027-01-01,,\nmunicipality,563,health_council,sr-test,2027-13-01,,\nmunicipality,575,council,sr-test,,,\n";
    const refused = await post(
      "/referencedata/upload",
      admin,
      multipart(csrfFor(admin), [
        { name: "areas", filename: "omraader.csv", text: areas },
        { name: "memberships", filename: "medlem.csv", text: bad },
      ]),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("medlem.csv:3");
    expect(refused.body).toContain("medlem.csv:4");
    const none = await t()
      .database.db.select()
      .from(referenceAreas)
      .where(eq(referenceAreas.kind, "health_council"));
    expect(none).toEqual([]);
    const unknown = await post(
      "/referencedata/upload",
      admin,
      multipart(csrfFor(admin), [
        {
          name: "memberships",
          filename: "medlem.csv",
          text: "kind,code,parent_kind,parent_code,valid_from,valid_to,source\nmunicipality,561,health_council,sr-none,2027-01-01,,\n",
        },
      ]),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain("findes ikke");
    const good =
      "kind,code,parent_kind,parent_code,valid_from,valid_to,source\nmunicipality,561,health_council,sr-test,2027-01-01,,\nmunicipality,563,health_council,sr-test,2027-01-01,,\n";
    const ok = await post(
      "/referencedata/upload",
      admin,
      multipart(csrfFor(admin), [
        { name: "areas", filename: "omraader.csv", text: areas },
        { name: "memberships", filename: "medlem.csv", text: good },
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    const map = await get("/indsatser/kort?dk-sundhedsraad=sr-test", "");
    expect(map.body).toContain("Kommuner i det valgte område (2)");
    const page = await get("/referencedata", "");
    expect(page.body).toContain("Sundhedsråd Test");
    expect(page.body).not.toContain("Indlæs de medfølgende data");
  });
});
