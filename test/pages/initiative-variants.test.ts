import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { createInitiative, initiativePartyVariants } from "../../src/modules/initiatives/index.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { createMembership } from "../../src/modules/people/index.ts";
import { daVariants } from "../../src/web/messages.variants.da.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { snapshot } from "../helpers/snapshot.ts";

const CSRF = "csrf-token-of-the-initiative-variants-test";
const form = { "content-type": "application/x-www-form-urlencoded", accept: "text/html" };
const REASON = "Ønsker ikke at udvide målgruppen på nuværende tidspunkt";

/** The parties' section of an initiative page (up to the status history that follows it). */
function section(html: string): string {
  const from = html.indexOf('aria-labelledby="parter"');
  const to = html.indexOf('aria-labelledby="history-h"');
  expect(from).toBeGreaterThan(0);
  return html.slice(from, to);
}

/**
 * The parties' variants on an initiative's page without JavaScript: the secretariat and a party's
 * representative set variants (history kept) and add figures shown as a table and an accessible SVG
 * chart; CSRF, stale versions, Danish errors and outsiders refused with nothing written; English page.
 */
describeEachDatabase("Initiative party variants (pages)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let path: string;
  const party: Record<"esbjerg" | "fanoe", { id: number }> = {} as never;
  const cookies: Record<string, string> = {};

  async function logIn(email: string) {
    const res = await t().request({
      method: "POST",
      url: "/log-ind",
      headers: { ...form, cookie: `tvaers_csrf=${CSRF}` },
      payload: new URLSearchParams({
        email,
        password: "korrekt-hest-batteri",
        _csrf: CSRF,
        next: "/",
      }).toString(),
    });
    const session = String(res.headers["set-cookie"]).match(/tvaers_session=([^;]+)/)?.[1];
    expect(session, email).toBeTruthy();
    return `tvaers_csrf=${CSRF}; tvaers_session=${session}`;
  }
  const get = (who?: string, lang?: "en") =>
    t().request({
      method: "GET",
      url: path,
      headers: {
        accept: "text/html",
        cookie: [who ? cookies[who] : "", lang ? `tvaers_lang=${lang}` : ""].filter(Boolean).join("; "),
      },
    });
  const post = (url: string, who: string, values: Record<string, string>, csrf = true) =>
    t().request({
      method: "POST",
      url: `${path}${url}`,
      headers: { ...form, cookie: cookies[who] },
      payload: new URLSearchParams({
        ...(csrf ? { _csrf: csrfFor(cookies[who] ?? "") } : {}),
        ...values,
      }).toString(),
    });
  const unchanged = async (run: () => Promise<unknown>) => {
    const before = await snapshot(t().database);
    await run();
    expect(await snapshot(t().database)).toBe(before);
  };
  const variantsOf = (partyId: number) =>
    t()
      .system.db.select()
      .from(initiativePartyVariants)
      .where(eq(initiativePartyVariants.partyId, partyId))
      .orderBy(initiativePartyVariants.id);

  beforeAll(async () => {
    const { system } = t();
    w = await seedWorld(system);
    party.esbjerg = await createParty(system, { type: "municipality", name: "Esbjerg Kommune" });
    party.fanoe = await createParty(system, { type: "municipality", name: "Fanø Kommune" });
    await createMembership(system, {
      personId: w.people.member.id,
      bodyId: w.ssu.id,
      role: "member",
      partyId: party.esbjerg.id,
    });
    const i = await createInitiative(
      { db: system.db, actor: SYSTEM_ACTOR },
      {
        title: "Tidlig opsporing",
        agreement: "Sundhedsaftalen 2024–2027",
        focusArea: "Sammenhængende forløb",
        scope: "parallel",
        ownerBodyId: w.ssu.id,
        partyIds: [party.esbjerg.id, party.fanoe.id],
        targetGroup: "Ældre",
        theme: "Opsporing",
      },
    );
    path = `/indsatser/${i.id}-tidlig-opsporing`;
    cookies.secretary = await logIn("sekretaer@test.dk");
    cookies.member = await logIn("medlem@test.dk");
    cookies.outsider = await logIn("udenfor@test.dk");
  });

  it("shows every participating party to the public, without forms", async () => {
    const page = await get();
    expect(page.statusCode).toBe(200);
    const html = section(page.body);
    expect(html).toContain("Parternes varianter");
    expect(html).toContain("Ingen oplysninger endnu: Esbjerg Kommune, Fanø Kommune.");
    expect(html).not.toContain("<form");
  });

  it("keeps opting in and out as history, with Danish dates in and out", async () => {
    const fanoe = `/parter/${party.fanoe.id}/variant`;
    const first = await post(fanoe, "secretary", {
      version: "0",
      model: "Model B, der afprøves",
      participation: "in",
      effectiveOn: "1-1-2025",
      contactName: "Kim Kontakt",
      contactEmail: "kim@fanoe.test",
    });
    expect(first.statusCode, first.body).toBe(303);
    expect(first.headers.location).toBe(`${path}?gemt=variant#parter-${party.fanoe.id}`);
    const out = await post(fanoe, "secretary", {
      version: "1",
      model: "Model B, der afprøves",
      participation: "out",
      reason: REASON,
      effectiveOn: "1. september 2025",
      contactName: "Kim Kontakt",
    });
    expect(out.statusCode, out.body).toBe(303);
    expect((await variantsOf(party.fanoe.id)).map((v) => [v.effectiveOn, v.participation])).toEqual([
      ["2025-01-01", "in"],
      ["2025-09-01", "out"],
    ]);
    const html = section((await get()).body);
    expect(html).toContain("Fanø Kommune: Står udenfor – Model B, der afprøves");
    expect(html).toContain(REASON);
    expect(html).toContain("1. september 2025 (gælder nu)");
    expect(html).toContain("1. januar 2025");
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The contact person is for logged-in readers only.
    expect(html).not.toContain("Kim Kontakt");
    expect(section((await get("outsider")).body)).toContain("Kim Kontakt");
  });

  it("refuses a stale version with 409 and the reason, writing nothing", async () => {
    await unchanged(async () => {
      const res = await post(`/parter/${party.fanoe.id}/variant`, "secretary", {
        version: "1",
        participation: "in",
      });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain("Partens variant er ændret af en anden");
    });
  });

  it("refuses a form without its CSRF field, writing nothing", async () => {
    await unchanged(async () => {
      const res = await post(
        `/parter/${party.esbjerg.id}/variant`,
        "secretary",
        { version: "0", participation: "in" },
        false,
      );
      expect(res.statusCode).toBe(403);
    });
  });

  it("shows Danish errors at the fields and writes nothing", async () => {
    await unchanged(async () => {
      const out = await post(`/parter/${party.esbjerg.id}/variant`, "secretary", {
        version: "0",
        participation: "out",
        effectiveOn: "32-13-2025",
      });
      expect(out.statusCode).toBe(400);
      const html = section(out.body);
      expect(html).toContain("Skriv, hvorfor parten står udenfor");
      expect(html).toContain(`id="ivarset-${party.esbjerg.id}-effectiveOn-error"`);
      expect(html).toContain('<details class="details" open');
      const figure = await post(`/parter/${party.esbjerg.id}/tal`, "secretary", {
        label: "",
        value: "mange",
        measuredOn: "",
      });
      expect(figure.statusCode).toBe(400);
      const f = section(figure.body);
      expect(f).toContain("Skriv et tal, fx 93 eller 12,5.");
      expect(f).toContain("Skal udfyldes.");
      expect(f).toContain('value="mange"');
    });
  });

  it("refuses outsiders and another party's representative, writing nothing", async () => {
    expect(section((await get("outsider")).body)).not.toContain("<form");
    const member = section((await get("member")).body);
    expect(member).toContain(`action="${path}/parter/${party.esbjerg.id}/tal"`);
    expect(member).not.toContain(`action="${path}/parter/${party.fanoe.id}/tal"`);
    await unchanged(async () => {
      const a = await post(`/parter/${party.esbjerg.id}/tal`, "outsider", {
        label: "patientforløb",
        value: "5",
        measuredOn: "30-6-2025",
      });
      expect(a.statusCode).toBe(403);
      const b = await post(`/parter/${party.fanoe.id}/variant`, "member", {
        version: "2",
        participation: "in",
      });
      expect(b.statusCode).toBe(403);
    });
  });

  it("shows a party's figures over time as a table and an accessible chart", async () => {
    for (const [measuredOn, value, share, period] of [
      ["30-6-2025", "40", "", "1. halvår 2025"],
      ["31-12-2025", "93", "23", "2. halvår 2025"],
      ["30-6-2026", "1.234,5", "", "1. halvår 2026"],
    ] as const) {
      const res = await post(`/parter/${party.esbjerg.id}/tal`, "member", {
        label: "patientforløb",
        value,
        unit: "forløb",
        sharePercent: share,
        measuredOn,
        period,
      });
      expect(res.statusCode, res.body).toBe(303);
    }
    const html = section((await get()).body);
    const table = html.slice(html.indexOf(`id="ivar-figures-${party.esbjerg.id}"`));
    expect(table).toContain("Målte tal for Esbjerg Kommune");
    expect(table).toContain("93 forløb (23 %)");
    expect(table).toContain("1.234,5 forløb");
    expect(table.indexOf("1. halvår 2025")).toBeLessThan(table.indexOf("2. halvår 2025"));
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      `aria-labelledby="ivar-chart-${party.esbjerg.id}-t ivar-chart-${party.esbjerg.id}-d"`,
    );
    expect(svg).toContain("Esbjerg Kommune: målte tal over tid");
    expect(svg).toContain("Linjediagram med 3 målte tal fra 30. juni 2025 til 30. juni 2026");
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(html).toContain(`href="#ivar-figures-${party.esbjerg.id}"`);
    // No script is needed: the page has none of its own for this section.
    expect(html).not.toContain("<script");
  });

  it("has no Danish interface text in the section on the English page", async () => {
    const page = await get("secretary", "en");
    expect(page.statusCode).toBe(200);
    const html = section(page.body);
    expect(html).toContain("variants</h2>");
    expect(html).toContain("Stands outside");
    expect(html).toContain("Measured figures of Esbjerg Kommune");
    expect(html).toContain("1 September 2025");
    for (const [key, value] of Object.entries(daVariants)) {
      for (const fragment of value.split(/\{\w+\}/)) {
        const text = fragment.trim();
        if (text.length >= 6) {
          expect(html, key).not.toContain(text);
        } else if (text.length > 0) {
          expect(html, key).not.toContain(`>${text}<`);
        }
      }
    }
  });
});
