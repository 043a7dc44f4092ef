import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzip } from "../../src/lib/zip.ts";
import { extractPlainText } from "../../src/modules/import/index.ts";
import { type TestApp, useTestApp } from "../helpers/app.ts";
import { SECRET } from "../helpers/factories.ts";
import { walkOparl } from "../oparl/walk.ts";
import { fillPath, operations } from "./openapi.ts";
import { type Role, type SecurityWorld, seedSecurityWorld } from "./world.ts";

/** What closed material is made of in the world: none of it may reach a reader outside the body. */
const MARKERS = [SECRET, "HEMMELIG", "EMN-2025-99999", "Fortroligt", "Kontraktforhandling"];
const ORIGIN = "http://localhost:80";
/** Searches that match the closed material; lower case, so that a page echoing the query is no hit. */
const SEARCHES = [
  "hemmelig",
  "hemmelig forhandling",
  "kontraktforhandling",
  "fortroligt",
  "emn-2025-99999",
  "bilag",
  "lukket",
];

/** The text a reader gets: documents through the importer's converters, spreadsheets unzipped. */
async function readable(body: Buffer, type: string): Promise<string> {
  const raw = body.toString("latin1") + body.toString("utf8");
  if (/pdf|wordprocessingml/.test(type)) {
    return `${raw}\n${(await extractPlainText(new Uint8Array(body)).catch(() => "")) ?? ""}`;
  }
  if (/spreadsheetml/.test(type)) {
    return [...unzip(new Uint8Array(body)).values()].map((b) => b.toString("utf8")).join("\n");
  }
  return raw;
}

/**
 * The closed-item canary: closed items, closed attachments on open items and a draft mandate hold a
 * marker; every public surface is crawled as the public, a logged-in outsider and members of another
 * body — pages from / and the sitemap (every link followed: documents, calendars, feeds, exports), every
 * GET of the OpenAPI document with every id of the world (closed ones too), OParl from the System object,
 * search (hits, snippets, facets, feeds), error pages. Zero hits allowed.
 */
describe("Closed-item canary: no public surface ever shows closed material", () => {
  const t = useTestApp("pglite");
  let s: SecurityWorld;
  let app: TestApp;

  beforeAll(async () => {
    app = t();
    s = await seedSecurityWorld(app);
  }, 120_000);
  afterAll(() => undefined);

  async function crawl(role: Role) {
    const token = s.tokens[role];
    const hits: string[] = [];
    const seen = new Set<string>();
    let requests = 0;
    const get = async (url: string, accept = "text/html") => {
      const res = await app.request({ method: "GET", url, token, headers: { accept } });
      requests++;
      const text = await readable(res.rawPayload, String(res.headers["content-type"] ?? ""));
      for (const marker of MARKERS) {
        if (text.includes(marker)) {
          hits.push(`${url} (${res.statusCode}) shows "${marker}"`);
        }
      }
      return { res, text, body: res.body };
    };

    // 1. Pages: from the front page and the sitemap, following every link on this site.
    const queue = [
      "/",
      "/sitemap.xml",
      "/findes-ikke",
      `/moeder/${s.w.meeting.id}`,
      `/moeder/${s.publishedViaApi}`,
      // a public initiative whose document links to a closed attachment: the link must not open it
      `/indsatser/${s.ids.initiative.id}`,
    ];
    for (const q of SEARCHES) {
      queue.push(`/soeg?q=${encodeURIComponent(q)}`, `/soeg/feed.atom?q=${encodeURIComponent(q)}`);
    }
    // Calendars and lists link on without end: at most 12 addresses of one shape (digits aside).
    const shapes = new Map<string, number>();
    while (queue.length > 0 && seen.size < 2500) {
      const url = queue.shift() as string;
      const shape = url.replace(/\d+/g, "#");
      if (seen.has(url) || (shapes.get(shape) ?? 0) >= 12) {
        continue;
      }
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      seen.add(url);
      const { res, text } = await get(url);
      const links = [
        ...text.matchAll(/(?:href|src)="([^"#]+)"/g),
        ...text.matchAll(/<loc>([^<]+)<\/loc>/g),
        ...text.matchAll(/<link[^>]+href="([^"]+)"/g),
      ];
      if (res.statusCode === 301 || res.statusCode === 302) {
        links.push(["", String(res.headers.location)] as unknown as RegExpExecArray);
      }
      for (const [, href] of links) {
        const path = (href ?? "").replaceAll("&amp;", "&").replace(/^https?:\/\/[^/]+/, "");
        if (
          path.startsWith("/") &&
          !path.startsWith("//") &&
          !path.startsWith("/static/") &&
          !/lang=/.test(path)
        ) {
          queue.push(path);
        }
      }
    }
    const pages = seen.size;

    // 2. Every GET of the API with every id of the world, closed ones included.
    const doc = (await app.request({ method: "GET", url: "/api/openapi.json" })).json();
    const { w, ids } = s;
    const candidates: Record<string, number[]> = {
      meetings: [w.meeting.id, ids.draftMeeting.id, s.publishedViaApi],
      items: [w.items.open.id, w.items.closed.id, ids.draftItem.id],
      attachments: [
        w.attachments.open.id,
        w.attachments.closedOnOpen.id,
        w.attachments.onClosed.id,
        ids.draftFile.id,
      ],
      absences: [1, ids.absence.id],
      attendance: [ids.attendance.id],
      bodies: [w.ssu.id, w.other.id, ids.group],
      cases: [ids.case.id],
      consultations: [ids.consultation.id, ids.closedConsultation.id],
      actions: [ids.action.id],
      funds: [ids.fund.id],
      grants: [ids.grant.id],
      initiatives: [ids.initiative.id],
      agreements: [ids.agreement.id],
      "agreement-versions": [ids.agreementVersion.id],
      "mandate-versions": [ids.mandateVersion.id],
      "hearing-responses": [ids.response.id],
      hearings: [ids.hearing.id],
      documents: [s.documentId, s.documentId + 1, s.documentId + 2, s.documentId + 3],
      persons: [w.people.member.id],
      parties: [w.region.id],
      memberships: [s.spareMembership],
      imports: [s.pendingImport],
      "saved-searches": [ids.saved.id],
      users: [s.spareUser.id],
      tokens: [ids.spareToken.id],
    };
    let api = 0;
    for (const op of operations(doc).filter((o) => o.method === "GET")) {
      const seg = (op.path.split("/:")[0] ?? "").split("/").at(-1) ?? "";
      const values = op.path.includes(":") ? (candidates[seg] ?? [1]) : [0];
      for (const id of values) {
        const url = fillPath(op.path, (p) => (p === "file" ? "2025.pdf" : p === "year" ? 2025 : id));
        const variants = [url];
        if (
          op.path === "/api/v1/search" ||
          op.path === "/api/v1/search/feed" ||
          op.path === "/api/v1/items"
        ) {
          variants.push(...SEARCHES.map((q) => `${url}?q=${encodeURIComponent(q)}`));
        }
        if (op.path === "/api/v1/items") {
          variants.push(
            `${url}?caseNumber=EMN-2025-99999`,
            `${url}?access=closed`,
            `${url}?meetingId=${s.publishedViaApi}`,
          );
        }
        if (op.path.endsWith(".pdf") || op.path.endsWith(".docx")) {
          variants.push(`${url}?edition=full`);
        }
        for (const v of variants) {
          await get(v, "application/json");
          api++;
        }
      }
    }

    // 3. OParl from the System object.
    const walked = await walkOparl(async (url) => {
      const { res, body } = await get(url.replace(ORIGIN, ""), "application/json");
      const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, v?.toString()]));
      return { status: res.statusCode, body, headers };
    }, `${ORIGIN}/oparl/v1.1`);
    return { hits, pages, api, oparl: walked.bodies.length, requests };
  }

  for (const role of ["anonymous", "outsider", "otherMember", "otherSecretary"] as const) {
    it(`${role}: zero hits on every public surface`, { timeout: 240_000 }, async () => {
      const result = await crawl(role);
      process.stdout.write(
        `canary ${role}: ${result.pages} pages and files, ${result.api} API reads, ${result.oparl} OParl objects/lists; ${result.requests} requests, ${result.hits.length} hits\n`,
      );
      expect(result.pages).toBeGreaterThan(40);
      expect(result.hits).toEqual([]);
    });
  }

  it("member: the same crawl finds the marker (the canary can sing)", { timeout: 240_000 }, async () => {
    const result = await crawl("member");
    expect(result.hits.length).toBeGreaterThan(10);
  });
});
