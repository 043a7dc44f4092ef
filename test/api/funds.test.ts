import { expect, it } from "vitest";
import { parseKroner } from "../../src/lib/money.ts";
import { unzip } from "../../src/lib/zip.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import { createItem, createMeeting } from "../../src/modules/meetings/index.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const ore = (kr: string) => (parseKroner(kr) as bigint).toString();

/** The published cluster-funds table through the API, the closed-is-closed rules for grants, bad input. */
describeEachDatabase("Funds (puljer) API", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let fundId: number;
  let ids: number[];
  const api = (
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
    token?: string,
  ) => t().request({ method, url, ...(payload ? { payload } : {}), ...(token ? { token } : {}) });

  it("arranges the parties and a fund of the SSU", async () => {
    w = await seedWorld(t().system);
    ids = [];
    for (const name of ["Esbjerg", "Fanø", "Vejen", "Billund", "Varde"]) {
      ids.push(
        (await createParty(t().system, { type: "municipality", name: `${name} Kommune`, region: "Testkyst" }))
          .id,
      );
    }
    ids.push(w.region.id);
    const sec = w.users.secretary.token;
    const created = await api(
      "POST",
      "/api/v1/funds",
      { bodyId: w.ssu.id, name: "Klyngemidler Sydvest" },
      sec,
    );
    expect(created.statusCode, created.body).toBe(201);
    fundId = created.json().id;
    const parties = await api(
      "PUT",
      `/api/v1/funds/${fundId}/parties`,
      { version: created.json().version, parties: ids.map((partyId, i) => ({ partyId, inKey: i < 5 })) },
      sec,
    );
    expect(parties.statusCode, parties.body).toBe(200);
    expect(parties.json().parties.map((p: { inKey: boolean }) => p.inKey)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    const municipal = ["786.328,00", "23.339,00", "290.098,00", "181.369,00", "338.234,00"];
    for (const [year, region] of [
      [2022, "1.657.254,00"],
      [2023, "1.651.560,00"],
    ] as const) {
      const res = await api(
        "PUT",
        `/api/v1/funds/${fundId}/income/${year}`,
        { amounts: [...municipal, region].map((a, i) => ({ partyId: ids[i], amountOre: ore(a) })) },
        sec,
      );
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it("splits Kom Trygt Hjem by the key in a preview and on save; the status table comes out to the øre", async () => {
    const sec = w.users.secretary.token;
    const kth = {
      title: "Kom Trygt Hjem",
      status: "approved",
      approvedOn: "2023-05-17",
      approvedByBodyId: w.ssu.id,
      parts: [{ partyId: ids[5], amountOre: ore("581.400,00") }],
      keyAmountOre: ore("1.293.000,00"),
    };
    const preview = await api("POST", `/api/v1/funds/${fundId}/grants/preview`, kth, sec);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().parts.map((p: { formatted: string }) => p.formatted)).toEqual([
      "581.400,00",
      "627.851,18",
      "18.635,25",
      "231.631,54",
      "144.815,83",
      "270.066,20",
    ]);
    expect((await api("GET", `/api/v1/funds/${fundId}/grants`)).json()).toEqual([]);
    expect((await api("POST", `/api/v1/funds/${fundId}/grants`, kth, sec)).statusCode).toBe(201);
    const akut = await api(
      "POST",
      `/api/v1/funds/${fundId}/grants`,
      {
        title: "Akutområdet",
        pendingUntil: "2023-12-05",
        parts: ["27.437,00", "21.712,00", "194.186,00", "122.709,00", "223.706,00", "1.354.693,00"].map(
          (a, i) => ({
            partyId: ids[i],
            amountOre: ore(a),
          }),
        ),
        declaredTotalOre: ore("1.944.443,00"),
      },
      sec,
    );
    expect(akut.statusCode, akut.body).toBe(201);
    expect(akut.json().status).toBe("pending");

    const status = (await api("GET", `/api/v1/funds/${fundId}/status`)).json();
    expect(status.rows.map((r: { share: string | null }) => r.share)).toEqual([
      "48,6",
      "1,4",
      "17,9",
      "11,2",
      "20,9",
      null,
    ]);
    expect(status.totals.income).toEqual({ "2022": ore("3.276.622,00"), "2023": ore("3.270.928,00") });
    expect(status.rows.map((r: { remaining: string }) => r.remaining)).toEqual(
      ["917.367,82", "6.330,75", "154.378,46", "95.213,17", "182.695,80", "1.372.721,00"].map(ore),
    );
    expect(status.totals.remaining).toBe(ore("2.728.707,00"));
    expect(status.problems).toEqual([]);
    expect(status.partial).toBe(false);

    const csv = await api("GET", `/api/v1/funds/${fundId}/status.csv`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain(
      "Esbjerg Kommune;786328,00;786328,00;1572656,00;48,6;627851,18;27437,00;655288,18;917367,82",
    );
    expect(csv.body).toContain("I alt;3276622,00;3270928,00;6547550,00;");
    const xlsx = await t().request({ method: "GET", url: `/api/v1/funds/${fundId}/status.xlsx` });
    const files = unzip(xlsx.rawPayload);
    expect([...files.keys()]).toContain("xl/worksheets/sheet1.xml");
    const sheet = files.get("xl/worksheets/sheet1.xml")?.toString("utf8") ?? "";
    expect(sheet).toContain("<v>917367.82</v>");
    expect(sheet).toContain("<v>2728707.00</v>");
    expect(sheet).toContain("Kom Trygt Hjem (godkendt 17. maj 2023)");
  });

  it("flags a typed table whose parts do not add up, and keeps the history of every change", async () => {
    const sec = w.users.secretary.token;
    const res = await api(
      "POST",
      `/api/v1/funds/${fundId}/grants`,
      {
        title: "Tastet forkert",
        parts: [
          { partyId: ids[0], amountOre: "100" },
          { partyId: ids[1], amountOre: "201" },
        ],
        declaredTotalOre: "300",
      },
      sec,
    );
    expect(res.json().mismatchOre).toBe("1");
    const status = (await api("GET", `/api/v1/funds/${fundId}/status`)).json();
    expect(status.problems).toEqual([
      'Bevillingen "Tastet forkert": delene summer til 3,01 kr., men totalen er 3,00 kr. (forskel 0,01 kr.).',
    ]);
    expect((await api("DELETE", `/api/v1/grants/${res.json().id}`, undefined, sec)).statusCode).toBe(204);
    const history = await api("GET", `/api/v1/funds/${fundId}/history`, undefined, sec);
    expect(history.statusCode).toBe(200);
    const entries = history.json() as {
      entity: string;
      action: string;
      userId: number | null;
      before: unknown;
    }[];
    expect(entries.map((e) => `${e.entity}:${e.action}`)).toEqual(
      expect.arrayContaining([
        "fund:create",
        "parties:update",
        "income:create",
        "grant:create",
        "grant:delete",
      ]),
    );
    expect(entries.every((e) => e.userId === w.users.secretary.user.id)).toBe(true);
    expect(entries.find((e) => e.action === "delete")?.before).toMatchObject({ title: "Tastet forkert" });
    expect((await api("GET", `/api/v1/funds/${fundId}/history`)).statusCode).toBe(401);
    expect(
      (await api("GET", `/api/v1/funds/${fundId}/history`, undefined, w.users.outsider.token)).statusCode,
    ).toBe(403);
  });

  it("answers bad input with Danish field errors (never 500), and only the secretariat may write", async () => {
    const sec = w.users.secretary.token;
    const cases: [string, string, object, string][] = [
      [
        "POST",
        `/api/v1/funds/${fundId}/grants`,
        { title: "X", parts: [{ partyId: ids[0], amountOre: -5 }] },
        "parts.0.amountOre",
      ],
      [
        "POST",
        `/api/v1/funds/${fundId}/grants`,
        { title: "X", parts: [{ partyId: ids[0], amountOre: 12.5 }] },
        "parts.0.amountOre",
      ],
      [
        "POST",
        `/api/v1/funds/${fundId}/grants`,
        { title: "X", parts: [{ partyId: w.region.id + 999, amountOre: 5 }] },
        "parts.0.partyId",
      ],
      ["POST", `/api/v1/funds/${fundId}/grants`, { title: "X", parts: [] }, "parts"],
      [
        "POST",
        `/api/v1/funds/${fundId}/grants`,
        { title: "X", status: "approved", parts: [{ partyId: ids[0], amountOre: 5 }] },
        "approvedOn",
      ],
      [
        "POST",
        `/api/v1/funds/${fundId}/grants`,
        { title: "X", approvedOn: "2023-02-30", parts: [] },
        "approvedOn",
      ],
      [
        "PUT",
        `/api/v1/funds/${fundId}/income/2024`,
        { amounts: [{ partyId: ids[0], amountOre: "1,5" }] },
        "amounts.0.amountOre",
      ],
      ["POST", "/api/v1/funds", { bodyId: w.ssu.id, name: "Y", keyBasis: "income_year" }, "keyYear"],
    ];
    for (const [method, url, payload, path] of cases) {
      const res = await api(method as "POST", url, payload, sec);
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(400);
      const fields = res.json().error.fields as { path: string; message: string }[];
      expect(
        fields.map((f) => f.path.replace(/^body\./, "")),
        res.body,
      ).toContain(path);
      expect(res.json().error.message).toMatch(
        /[æøåÆØÅ]|Skal|Ugyldig|skal|ikke|Angiv|Vælg|Skriv|Beløbet|Bevillingen|Parten|gyldig/,
      );
    }
    const other = await createBody(t().system, { name: "Klynge uden midler", kind: "cluster_political" });
    const empty = await api("POST", "/api/v1/funds", { bodyId: other.id, name: "Tom" }, w.users.admin.token);
    const byKey = await api(
      "POST",
      `/api/v1/funds/${empty.json().id}/grants`,
      { title: "Z", keyAmountOre: 100 },
      w.users.admin.token,
    );
    expect(byKey.statusCode).toBe(400);
    expect(byKey.json().error.fields[0].path).toBe("keyAmountOre");
    const grant = { title: "Z", parts: [{ partyId: ids[0], amountOre: 1 }] };
    expect((await api("POST", `/api/v1/funds/${fundId}/grants`, grant)).statusCode).toBe(401);
    expect(
      (await api("POST", `/api/v1/funds/${fundId}/grants`, grant, w.users.outsider.token)).statusCode,
    ).toBe(403);
    expect(
      (await api("POST", `/api/v1/funds/${fundId}/grants`, grant, w.users.member.token)).statusCode,
    ).toBe(403);
    expect((await api("GET", "/api/v1/funds/999999/status")).statusCode).toBe(404);
  });

  it("closed is closed: a grant approved at a closed item shows its amounts but not the item; one pending at a closed item is not shown", async () => {
    const sec = w.users.secretary.token;
    const approved = await api(
      "POST",
      `/api/v1/funds/${fundId}/grants`,
      {
        title: "Rehabilitering i eget hjem",
        status: "approved",
        approvedOn: "2025-03-06",
        itemId: w.items.closed.id,
        parts: [{ partyId: ids[0], amountOre: "5000000" }],
      },
      sec,
    );
    expect(approved.statusCode, approved.body).toBe(201);
    const coming = await createMeeting(t().system, {
      bodyId: w.ssu.id,
      start: new Date("2026-09-03T08:00:00Z"),
    });
    const closedItem = await createItem(t().system, {
      meetingId: coming.id,
      title: `Forhandling om ${SECRET}`,
      access: "closed",
      sections: { economy: `Økonomi ${SECRET}` },
    });
    const pending = await api(
      "POST",
      `/api/v1/funds/${fundId}/grants`,
      {
        title: `Bevilling ${SECRET}`,
        pendingUntil: "2026-09-03",
        itemId: closedItem.id,
        parts: [{ partyId: ids[1], amountOre: "7391000" }],
      },
      sec,
    );
    expect(pending.statusCode, pending.body).toBe(201);

    for (const token of [undefined, w.users.outsider.token]) {
      const status = await api("GET", `/api/v1/funds/${fundId}/status`, undefined, token);
      expect(status.body).not.toContain(SECRET);
      expect(status.body).not.toContain("Kontraktforhandling");
      expect(status.body).not.toContain("73910");
      expect(status.json().partial).toBe(true);
      const shown = status
        .json()
        .grants.find((g: { title: string }) => g.title === "Rehabilitering i eget hjem");
      expect(shown.totalOre).toBe("5000000");
      expect(shown.item).toMatchObject({ itemId: w.items.closed.id, number: 2, title: null, closed: true });
      for (const url of [
        `/api/v1/funds/${fundId}/grants`,
        `/api/v1/funds/${fundId}/status.csv`,
        `/puljer/${fundId}`,
        "/puljer",
      ]) {
        const res = await t().request({
          method: "GET",
          url,
          headers: { accept: "text/html" },
          ...(token ? { token } : {}),
        });
        const body =
          res.statusCode === 301
            ? (
                await t().request({
                  method: "GET",
                  url: String(res.headers.location),
                  headers: { accept: "text/html" },
                  ...(token ? { token } : {}),
                })
              ).body
            : res.body;
        expect(body, url).not.toContain(SECRET);
        expect(body, url).not.toContain("Kontraktforhandling");
      }
      const xlsx = await t().request({
        method: "GET",
        url: `/api/v1/funds/${fundId}/status.xlsx`,
        ...(token ? { token } : {}),
      });
      const sheet = unzip(xlsx.rawPayload).get("xl/worksheets/sheet1.xml")?.toString("utf8") ?? "";
      expect(sheet).toContain("Rehabilitering i eget hjem");
      expect(sheet).not.toContain(SECRET);
      expect((await api("GET", `/api/v1/grants/${pending.json().id}`, undefined, token)).statusCode).toBe(
        404,
      );
    }
    // a member of the body sees both, and the approved grant's closed item by its title
    const member = (
      await api("GET", `/api/v1/funds/${fundId}/status`, undefined, w.users.member.token)
    ).json();
    expect(member.partial).toBe(false);
    expect(JSON.stringify(member)).toContain(`Bevilling ${SECRET}`);
    expect(
      member.grants.find((g: { title: string }) => g.title === "Rehabilitering i eget hjem").item.title,
    ).toContain(SECRET);
  });

  it("attaches the status table (public edition, open) to an agenda item; the full edition is attached closed", async () => {
    const sec = w.users.secretary.token;
    const coming = await createMeeting(t().system, {
      bodyId: w.ssu.id,
      start: new Date("2026-10-01T08:00:00Z"),
    });
    const item = await createItem(t().system, { meetingId: coming.id, title: "Status på klyngemidler" });
    const res = await api("POST", `/api/v1/funds/${fundId}/status.xlsx/attach`, { itemId: item.id }, sec);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      itemId: item.id,
      access: "open",
      hasFile: true,
      fileName: "status-klyngemidler-sydvest.xlsx",
    });
    const file = await api("GET", `/api/v1/attachments/${res.json().id}/content`, undefined, sec);
    const sheet = unzip(file.rawPayload).get("xl/worksheets/sheet1.xml")?.toString("utf8") ?? "";
    // Vejen's remaining; the public edition leaves out the grant pending at a closed item
    expect(sheet).toContain("<v>154378.46</v>");
    expect(sheet).not.toContain(SECRET);
    const full = await api(
      "POST",
      `/api/v1/funds/${fundId}/status.xlsx/attach`,
      { itemId: item.id, edition: "full" },
      sec,
    );
    expect(full.json().access).toBe("closed");
    const fullFile = await api("GET", `/api/v1/attachments/${full.json().id}/content`, undefined, sec);
    expect(unzip(fullFile.rawPayload).get("xl/worksheets/sheet1.xml")?.toString("utf8")).toContain(SECRET);
    const bad = await api("POST", `/api/v1/funds/${fundId}/status.xlsx/attach`, { itemId: 99999999 }, sec);
    expect(bad.statusCode).toBe(404);
  });

  it("records a carry-over of what is unspent as a decision", async () => {
    const sec = w.users.secretary.token;
    const res = await api(
      "POST",
      `/api/v1/funds/${fundId}/carry-overs`,
      { fromYear: 2023, decidedOn: "2024-01-25" },
      sec,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().toYear).toBe(2024);
    // Esbjerg: income 2022+2023 minus Kom Trygt Hjem and Akutområdet (both dated 2023)
    expect(res.json().parts[0]).toEqual({ partyId: ids[0], amountOre: ore("917.367,82") });
    expect(
      (
        await api(
          "POST",
          `/api/v1/funds/${fundId}/carry-overs`,
          { fromYear: 2023, decidedOn: "2024-01-25" },
          sec,
        )
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await api(
          "POST",
          `/api/v1/funds/${fundId}/carry-overs`,
          { fromYear: 2019, decidedOn: "2024-01-25" },
          sec,
        )
      ).statusCode,
    ).toBe(400);
  });
});
