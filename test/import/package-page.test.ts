import { randomBytes } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { agendaItems, attachments } from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld } from "../helpers/factories.ts";
import { ownEdocPackage } from "./package-fixtures.ts";

/** A multipart form with the CSRF field and one file in the field "files", as the page's form sends it. */
function form(csrf: string, fileName: string, bytes: Uint8Array) {
  const b = `tvaers-${randomBytes(8).toString("hex")}`;
  const field = `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`;
  const file = `--${b}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/zip\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(field + file), Buffer.from(bytes), Buffer.from(`\r\n--${b}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${b}`, accept: "text/html" },
  };
}

/** The web import page takes a package ZIP, shows it for review and writes it with each attachment's access. */
describeEachDatabase("Publication package through the web import page", (kind) => {
  const t = useTestApp(kind);

  it("uploads a ZIP, reviews it, confirms it: items and attachments keep the package's access", async () => {
    await seedWorld(t().system);
    const inject = (opts: Parameters<ReturnType<typeof t>["request"]>[0]) => t().request(opts);
    const cookie = await pageLogin(inject as never, "admin@test.dk", "korrekt-hest-batteri");
    const csrf = csrfFor(cookie);
    const page = await t().request({ method: "GET", url: "/arbejdsrum/import", headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('accept=".pdf,.docx,.html,.htm,.md,.txt,.zip"');
    const sent = form(csrf, "testudvalget.zip", ownEdocPackage());
    const upload = await t().request({
      method: "POST",
      url: "/arbejdsrum/import",
      payload: sent.payload,
      headers: { ...sent.headers, cookie },
    });
    expect(upload.statusCode).toBe(303);
    const reviewUrl = String(upload.headers.location);
    expect(reviewUrl).toMatch(/^\/arbejdsrum\/import\/[\w-]+$/);
    const review = await t().request({ method: "GET", url: reviewUrl, headers: { cookie } });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain("Status på fælles sundhedsindsats");
    const confirm = await t().request({
      method: "POST",
      url: reviewUrl,
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
      payload: new URLSearchParams({
        _csrf: csrf,
        kind: "minutes",
        start: "2026-11-02T15:00",
        location: "Mødelokale 4 på Rådhuset",
        "item.0.title": "Status på fælles sundhedsindsats",
        "item.0.access": "open",
        "item.1.title": "Personalesag",
        "item.1.access": "closed",
      }).toString(),
    });
    expect(confirm.statusCode).toBe(303);
    const meetingId = Number(/\/(\d+)/.exec(String(confirm.headers.location))?.[1]);
    const db = t().database.db;
    const items = await db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.number));
    expect(items.map((i) => [i.number, i.access])).toEqual([
      [1, "open"],
      [2, "closed"],
    ]);
    const files = await db
      .select()
      .from(attachments)
      .where(
        inArray(
          attachments.itemId,
          items.map((i) => i.id),
        ),
      )
      .orderBy(asc(attachments.itemId), asc(attachments.position));
    expect(files.map((f) => [f.access, f.fileName])).toEqual([
      ["open", "bilag-aabent.txt"],
      ["closed", "bilag-lukket.txt"],
      ["closed", "bilag-personale.txt"],
    ]);
  }, 120_000);
});
