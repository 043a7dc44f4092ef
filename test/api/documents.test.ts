import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { parseDocument } from "../../src/modules/import/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Everything a reader could learn from a file: its raw bytes and the text the importer reads out of it. */
async function readable(bytes: Buffer, fileName: string): Promise<string> {
  const parsed = await parseDocument({ bytes: new Uint8Array(bytes), fileName });
  return `${bytes.toString("latin1")}\n${JSON.stringify(parsed)}`;
}

/** The text layer of a PDF. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
  }
  await task.destroy();
  return text;
}

describeEachDatabase("Documents, calendars and feeds (API)", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const get = (url: string, token?: string) => t().request({ method: "GET", url, token });

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  for (const who of ["public", "outsider"] as const) {
    it(`${who}: the public edition and every feed leave closed material out; the full edition is refused`, async () => {
      const token = who === "public" ? undefined : w.users.outsider.token;
      const id = w.meeting.id;
      for (const name of ["agenda.pdf", "agenda.docx", "minutes.pdf", "minutes.docx"]) {
        for (const url of [
          `/api/v1/meetings/${id}/${name}`,
          `/api/v1/meetings/${id}/${name}?edition=public`,
        ]) {
          const res = await get(url, token);
          expect(res.statusCode, url).toBe(200);
          const text = await readable(res.rawPayload, name);
          expect(text, url).not.toContain(SECRET);
          expect(text, url).not.toContain("EMN-2025-99999");
          expect(text, url).toContain("Lukket punkt");
          expect(text, url).toContain("Godkendelse af dagsorden");
        }
        const full = await get(`/api/v1/meetings/${id}/${name}?edition=full`, token);
        expect(full.statusCode).toBe(who === "public" ? 401 : 403);
        if (who === "outsider") {
          expect(full.json().error.message).toContain("kun for forummets medlemmer");
        }
      }
      const danish = { "agenda.pdf": "dagsorden.pdf", "minutes.docx": "referat.docx" } as const;
      for (const [api, page] of Object.entries(danish)) {
        const res = await get(`/moeder/${id}-ssu-2025-03-06/${page}`, token);
        expect(res.statusCode, page).toBe(200);
        expect(await readable(res.rawPayload, api)).not.toContain(SECRET);
      }
      for (const url of [
        "/api/v1/calendar.ics",
        `/api/v1/bodies/${w.ssu.id}/calendar.ics`,
        `/api/v1/meetings/${id}/event.ics`,
        "/api/v1/feed.atom",
        `/api/v1/bodies/${w.ssu.id}/feed.atom`,
        `/api/v1/meetings/${id}/documents`,
        `/api/v1/bodies/${w.ssu.id}/plan/2025.ics`,
        "/kalender.ics",
        "/nyt.atom",
        `/organer/${w.ssu.id}/kalender.ics`,
      ]) {
        const res = await get(url, token);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain(SECRET);
      }
      const plan = await get(`/api/v1/bodies/${w.ssu.id}/plan/2025.pdf`, token);
      const planText = await pdfText(plan.rawPayload);
      expect(planText).toContain("Regionshuset");
      expect(planText).not.toContain(SECRET);
    });
  }

  it("member: the full edition holds the closed item, its decision and absence", async () => {
    const res = await get(`/api/v1/meetings/${w.meeting.id}/minutes.pdf?edition=full`, w.users.member.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const parsed = await parseDocument({ bytes: new Uint8Array(res.rawPayload), fileName: "m.pdf" });
    const closed = parsed.items.find((i) => i.number === 2);
    expect(closed?.title).toBe(`Kontraktforhandling ${SECRET}`);
    expect(closed?.access).toBe("closed");
    // The outcome label above the decision text, as the meeting page shows it (issue 16, item 8).
    expect(closed?.sections.decision).toBe(`Godkendt\n\nBeslutning ${SECRET}`);
    expect(closed?.attachments).toEqual([`Bilag til lukket ${SECRET}`]);
  });

  it("bad input gets clear Danish errors", async () => {
    const edition = await get(`/api/v1/meetings/${w.meeting.id}/minutes.pdf?edition=alt`);
    expect(edition.statusCode).toBe(400);
    expect(edition.json().error.fields[0].message).toContain("offentlig");
    const year = await get(`/api/v1/bodies/${w.ssu.id}/plan/tyve.pdf`);
    expect(year.statusCode).toBe(400);
    expect(year.json().error.fields[0].message).toContain("2026.pdf");
    expect((await get("/api/v1/meetings/999999/agenda.pdf")).json().error.code).toBe("not_found");
    expect((await get("/api/v1/bodies/999999/calendar.ics")).statusCode).toBe(404);
    expect((await get("/api/v1/documents/999999/content")).statusCode).toBe(404);
  });

  it("freezes the agenda and minutes on publication; a correction publishes a new version with its reason", async () => {
    const sec = w.users.secretary.token;
    const post = (url: string, payload: object, token = sec) =>
      t().request({ method: "POST", url, token, payload });
    const m = (
      await post("/api/v1/meetings", {
        bodyId: w.ssu.id,
        start: "2025-05-08T10:00",
        location: "Mødelokale 1",
      })
    ).json();
    const open = (
      await post(`/api/v1/meetings/${m.id}/items`, { title: "Status på sundhedsaftalen" })
    ).json();
    const closed = (
      await post(`/api/v1/meetings/${m.id}/items`, { title: `Personsag ${SECRET}`, access: "closed" })
    ).json();
    let version = m.version;
    const transition = async (to: string, token = sec) => {
      const res = await post(`/api/v1/meetings/${m.id}/transition`, { to, version }, token);
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
      version = res.json().version;
    };
    await transition("agenda_published");
    const listed = (await get(`/api/v1/meetings/${m.id}/documents`)).json();
    expect(listed.map((d: { kind: string; edition: string }) => `${d.kind}/${d.edition}`).sort()).toEqual([
      "agenda/public",
      "agenda/public",
    ]);
    const agenda = await get(`/api/v1/meetings/${m.id}/agenda.pdf`);
    expect(agenda.headers.etag).toBe(`"${sha(agenda.rawPayload)}"`);

    // Changing the agenda after publication does not change the published file.
    await t().request({
      method: "PATCH",
      url: `/api/v1/items/${open.id}`,
      token: sec,
      payload: {
        version: open.version,
        title: "Ny titel efter offentliggørelse",
        decisionText: "Taget til efterretning.",
      },
    });
    const again = await get(`/api/v1/meetings/${m.id}/agenda.pdf`);
    expect(sha(again.rawPayload)).toBe(sha(agenda.rawPayload));

    await transition("held");
    await transition("minutes_draft");
    await transition("minutes_approved", w.users.chair.token);
    await transition("minutes_published");
    const first = await get(`/api/v1/meetings/${m.id}/minutes.pdf`);
    const firstText = JSON.stringify(
      await parseDocument({ bytes: new Uint8Array(first.rawPayload), fileName: "a.pdf" }),
    );
    expect(firstText).toContain("Taget til efterretning.");

    const item = (await get(`/api/v1/items/${open.id}`, sec)).json();
    const corrected = await post(`/api/v1/items/${open.id}/corrections`, {
      version: item.version,
      reason: "Beslutningen var gengivet forkert",
      changes: { decisionText: "Godkendt med bemærkninger." },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const closedItem = (await get(`/api/v1/items/${closed.id}`, sec)).json();
    await post(`/api/v1/items/${closed.id}/corrections`, {
      version: closedItem.version,
      reason: `Rettet ${SECRET}`,
      changes: { decisionText: `Ny beslutning ${SECRET}` },
    });

    const second = await get(`/api/v1/meetings/${m.id}/minutes.pdf`);
    expect(sha(second.rawPayload)).not.toBe(sha(first.rawPayload));
    expect(
      JSON.stringify(await parseDocument({ bytes: new Uint8Array(second.rawPayload), fileName: "b.pdf" })),
    ).toContain("Godkendt med bemærkninger.");
    const docs = (await get(`/api/v1/meetings/${m.id}/documents`)).json();
    const minutesPdf = docs.filter(
      (d: { kind: string; format: string; edition: string }) =>
        d.kind === "minutes" && d.format === "pdf" && d.edition === "public",
    );
    expect(minutesPdf.map((d: { number: number; reason: string | null }) => [d.number, d.reason])).toEqual([
      [2, "Rettelse af punkt 1: Beslutningen var gengivet forkert"],
      [1, null],
    ]);
    expect(JSON.stringify(docs)).not.toContain(SECRET);
    const v1 = minutesPdf.find((d: { number: number }) => d.number === 1);
    const old = await get(v1.url);
    expect(sha(old.rawPayload)).toBe(v1.sha256);
    expect(old.rawPayload.equals(first.rawPayload)).toBe(true);

    const memberDocs = (await get(`/api/v1/meetings/${m.id}/documents`, w.users.member.token)).json();
    const fullReasons = memberDocs
      .filter((d: { edition: string }) => d.edition === "full")
      .map((d: { reason: string }) => d.reason);
    expect(fullReasons).toContain(`Rettelse af punkt 2: Rettet ${SECRET}`);
  });

  it("calendars: Europe/Copenhagen, folded CRLF lines, cancelled meetings, a link to the meeting", async () => {
    const sec = w.users.secretary.token;
    const coming = (
      await t().request({
        method: "POST",
        url: "/api/v1/meetings",
        token: sec,
        payload: {
          bodyId: w.ssu.id,
          start: "2099-06-18T14:30",
          title: "Temamøde om sammenhængende forløb, akutområdet; og rehabilitering",
        },
      })
    ).json();
    await t().request({
      method: "POST",
      url: `/api/v1/meetings/${coming.id}/cancel`,
      token: sec,
      payload: { version: coming.version, reason: "Formanden er forhindret" },
    });
    const all = (await get(`/api/v1/bodies/${w.ssu.id}/calendar.ics`)).body;
    expect(all.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(all).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen");
    expect(all).toContain("DTSTART;TZID=Europe/Copenhagen:20250306T100000");
    expect(all.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(all.replace(/\r\n /g, "")).toContain(
      "Temamøde om sammenhængende forløb\\, akutområdet\\; og rehabilitering",
    );
    const unfolded = all.replace(/\r\n /g, "");
    const event = unfolded.slice(unfolded.indexOf(`UID:moede-${coming.id}@`));
    expect(event.slice(0, event.indexOf("END:VEVENT"))).toContain("STATUS:CANCELLED");
    const single = (await get(`/api/v1/meetings/${w.meeting.id}/event.ics`)).body.replace(/\r\n /g, "");
    expect(single.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(single).toMatch(new RegExp(`URL;VALUE=URI:http://[^\\r]+/moeder/${w.meeting.id}\\r\\n`));
    expect(single).toContain("LOCATION:Regionshuset");
    const plan = (await get(`/api/v1/bodies/${w.ssu.id}/plan/2099.ics`)).body;
    expect(plan.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it("Atom: published agendas and minutes, per body and overall", async () => {
    const res = await get(`/api/v1/bodies/${w.ssu.id}/feed.atom`);
    expect(res.headers["content-type"]).toContain("application/atom+xml");
    expect(res.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(res.body).toContain("<title>Referat: Sundhedssamarbejdsudvalget 6. marts 2025</title>");
    expect(res.body).toContain(`/api/v1/meetings/${w.meeting.id}/minutes.pdf`);
    const other = (await get(`/api/v1/bodies/${w.other.id}/feed.atom`)).body;
    expect(other).not.toContain("<entry>");
  });
});
