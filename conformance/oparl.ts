/**
 * OParl 1.1 conformance, checked as a client sees it (spec sections in brackets): a walk from the
 * System object that follows every link [2-01, 3], date-times [2-04], list filters [2-05], CORS
 * [2-06], files [2-07], deletions and parents' modified [2-08], and closed material kept out.
 */
import { eq } from "drizzle-orm";
import { agendaItems, attachments } from "../src/modules/meetings/index.ts";
import { type Check, CheckFailed, type ConformanceContext, failIf } from "./check.ts";
import { DANISH_DATE_TIME, type Fetched, type WalkResult, walkOparl } from "./oparl-walk.ts";

const SYSTEM = "/oparl/v1.1";
const TYPE = "https://schema.oparl.org/1.1/";

const headersOf = (res: Response) => Object.fromEntries(res.headers.entries());

async function getFrom(ctx: ConformanceContext, url: string): Promise<Fetched> {
  const res = await ctx.fetch(url);
  return { status: res.status, body: await res.text(), headers: headersOf(res) };
}

async function json(ctx: ConformanceContext, url: string, init?: RequestInit) {
  const res = await ctx.fetch(url, init);
  const text = await res.text();
  return { res, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

let walked: Promise<WalkResult> | undefined;
/** One walk for all checks of a run. */
const walk = (ctx: ConformanceContext) => {
  walked ??= walkOparl((url) => getFrom(ctx, url), `${ctx.demo.url}${SYSTEM}`, 6000);
  return walked;
};

const ofType = (w: WalkResult, type: string) =>
  [...w.objects.values()].filter((o) => o.type === `${TYPE}${type}` && o.deleted !== true);

const walkCheck: Check = {
  name: "oparl-walk",
  async run(ctx) {
    const w = await walk(ctx);
    failIf(w.errors, "problems");
    const needed = [
      "System",
      "Body",
      "Organization",
      "Person",
      "Membership",
      "Meeting",
      "AgendaItem",
      "File",
    ];
    failIf(
      needed.filter((t) => !w.validated.get(t)),
      "object types never reached",
    );
    const total = [...w.validated.values()].reduce((a, b) => a + b, 0);
    return `${w.fetched} requests, ${total} objects valid against the OParl 1.1 schemas (${w.distinct.size} distinct)`;
  },
};

const datesCheck: Check = {
  name: "oparl-dates",
  async run(ctx) {
    const w = await walk(ctx);
    failIf(w.badDates, "date-times not in the form yyyy-mm-ddThh:mm:ss+01:00/+02:00");
    const summer = [...w.objects.values()].some((o) => String(o.start ?? "").endsWith("+02:00"));
    const winter = [...w.objects.values()].some((o) => String(o.start ?? "").endsWith("+01:00"));
    return `every created/modified/start/end in the spec's form${summer && winter ? ", summer and winter offsets seen" : ""}`;
  },
};

const corsCheck: Check = {
  name: "oparl-cors",
  async run(ctx) {
    const w = await walk(ctx);
    const problems = w.noCors.map((u) => `no Access-Control-Allow-Origin: * on ${u}`);
    const body = ofType(w, "Body")[0];
    for (const url of [SYSTEM, String(body?.meeting ?? `${SYSTEM}/body`)]) {
      const res = await ctx.fetch(url, {
        method: "OPTIONS",
        headers: { origin: "https://example.org", "access-control-request-method": "GET" },
      });
      if (res.status >= 300 || res.headers.get("access-control-allow-origin") !== "*") {
        problems.push(`preflight ${url}: ${res.status}`);
      }
      if (!(res.headers.get("access-control-allow-methods") ?? "").includes("GET")) {
        problems.push(`preflight ${url} does not allow GET`);
      }
    }
    const missing = await ctx.fetch(`${SYSTEM}/meeting/999999999`);
    if (missing.headers.get("access-control-allow-origin") !== "*") {
      problems.push("no CORS on an error");
    }
    failIf(problems, "CORS problems");
    return `${w.fetched} answers and 2 preflights carry Access-Control-Allow-Origin: *`;
  },
};

const filtersCheck: Check = {
  name: "oparl-filters",
  async run(ctx) {
    const w = await walk(ctx);
    const problems: string[] = [];
    const lists = [`${ctx.demo.url}${SYSTEM}/body`];
    for (const b of ofType(w, "Body")) {
      for (const key of [
        "organization",
        "person",
        "meeting",
        "paper",
        "agendaItem",
        "consultation",
        "file",
        "locationList",
        "legislativeTermList",
        "membership",
      ]) {
        if (typeof b[key] === "string") {
          lists.push(b[key] as string);
        }
      }
    }
    const future = encodeURIComponent("2999-01-01T00:00:00+01:00");
    const past = encodeURIComponent("1990-01-01T00:00:00+01:00");
    for (const list of lists) {
      const sep = list.includes("?") ? "&" : "?";
      const all = await json(ctx, list);
      const count = (all.body.data as unknown[] | undefined)?.length ?? -1;
      const cases: Array<[string, (n: number) => boolean]> = [
        [`modified_since=${future}`, (n) => n === 0],
        [`created_since=${future}`, (n) => n === 0],
        [`created_until=${past}`, (n) => n === 0],
        [`modified_until=${past}`, (n) => n === 0],
        [`modified_since=${past}`, (n) => n === count],
        [`created_until=${future}&modified_until=${future}`, (n) => n === count],
      ];
      for (const [query, ok] of cases) {
        const { res, body } = await json(ctx, `${list}${sep}${query}`);
        const n = (body.data as unknown[] | undefined)?.length ?? -1;
        if (res.status !== 200 || !ok(n)) {
          problems.push(`${list}?${decodeURIComponent(query)}: ${res.status}, ${n} of ${count}`);
        }
      }
      for (const query of ["limit=5000", "omit_internal=true", "ukendt=1"]) {
        const { res, body } = await json(ctx, `${list}${sep}${query}`);
        const per = (body.pagination as { elementsPerPage?: number } | undefined)?.elementsPerPage ?? 0;
        if (res.status !== 200 || per > 1000) {
          problems.push(`${list}?${query}: ${res.status}, elementsPerPage ${per}`);
        }
      }
    }
    failIf(problems, "lists ignore a filter");
    return `${lists.length} external lists honour created_since/until and modified_since/until; limit capped, omit_internal and unknown parameters accepted`;
  },
};

const fileCheck: Check = {
  name: "oparl-files",
  async run(ctx) {
    const w = await walk(ctx);
    const files = ofType(w, "File");
    const problems: string[] = [];
    for (const f of files) {
      const access = String(f.accessUrl);
      const download = String(f.downloadUrl ?? "");
      if (!download || download === access) {
        problems.push(`${String(f.id)}: no separate downloadUrl`);
        continue;
      }
      const a = await ctx.fetch(access);
      const bytes = new Uint8Array(await a.arrayBuffer());
      const etag = a.headers.get("etag");
      const disposition = a.headers.get("content-disposition") ?? "";
      if (a.status !== 200 || /^\s*attachment/i.test(disposition)) {
        problems.push(`${access}: ${a.status}, Content-Disposition ${disposition}`);
      }
      if (f.mimeType && !(a.headers.get("content-type") ?? "").startsWith(String(f.mimeType))) {
        problems.push(
          `${access}: Content-Type ${a.headers.get("content-type")}, mimeType ${String(f.mimeType)}`,
        );
      }
      if (typeof f.size === "number" && f.size !== bytes.length) {
        problems.push(`${access}: ${bytes.length} bytes, size ${f.size}`);
      }
      if (!etag || !a.headers.get("last-modified") || a.headers.get("access-control-allow-origin") !== "*") {
        problems.push(`${access}: no ETag, Last-Modified or CORS`);
        continue;
      }
      const again = await ctx.fetch(access, { headers: { "if-none-match": etag } });
      if (again.status !== 304) {
        problems.push(`${access}: If-None-Match answered ${again.status}`);
      }
      const d = await ctx.fetch(download);
      await d.arrayBuffer();
      if (d.status !== 200 || !/^attachment/i.test(d.headers.get("content-disposition") ?? "")) {
        problems.push(
          `${download}: ${d.status}, Content-Disposition ${d.headers.get("content-disposition")}`,
        );
      }
    }
    if (files.length === 0) {
      problems.push("the walk found no files");
    }
    failIf(problems, "file problems");
    return `${files.length} files: accessUrl inline, downloadUrl as attachment, ETag/Last-Modified, If-None-Match → 304`;
  },
};

const meetingDocumentsCheck: Check = {
  name: "oparl-meeting-documents",
  async run(ctx) {
    const w = await walk(ctx);
    const meetings = ofType(w, "Meeting");
    const problems: string[] = [];
    let invitations = 0;
    let protocols = 0;
    for (const m of meetings) {
      const status = String(m["tvaers:status"]);
      const hasInvitation = typeof m.invitation === "object";
      const hasProtocol = typeof m.resultsProtocol === "object";
      invitations += hasInvitation ? 1 : 0;
      protocols += hasProtocol ? 1 : 0;
      if (status === "minutes_published" && !hasProtocol) {
        problems.push(`${String(m.id)} (minutes published) has no resultsProtocol`);
      }
      if (status === "planned" && (hasInvitation || hasProtocol)) {
        problems.push(`${String(m.id)} (planned) shows documents`);
      }
    }
    if (invitations === 0) {
      problems.push("no meeting has an invitation");
    }
    failIf(problems, "meetings without their published documents");
    return `${invitations} meetings with invitation, ${protocols} with resultsProtocol (frozen public editions)`;
  },
};

const systemCheck: Check = {
  name: "oparl-system",
  async run(ctx) {
    const { body: system } = await json(ctx, SYSTEM);
    const problems: string[] = [];
    for (const key of ["license", "vendor", "product", "website"]) {
      if (typeof system[key] !== "string") {
        problems.push(`System has no ${key}`);
      }
    }
    const w = await walk(ctx);
    for (const b of ofType(w, "Body")) {
      if (typeof b.license !== "string") {
        problems.push(`${String(b.id)} has no license`);
      }
    }
    failIf(problems, "missing fields");
    return `System and ${ofType(w, "Body").length} bodies state license ${String(system.license)}; vendor and product given`;
  },
};

const errorsCheck: Check = {
  name: "oparl-errors",
  async run(ctx) {
    const problems: string[] = [];
    for (const [url, status] of [
      [`${SYSTEM}/meeting/999999999`, 404],
      [`${SYSTEM}/findesikke/1/2/3`, 404],
      [`${SYSTEM}/body/findesikke/meeting?modified_since=igår`, 400],
    ] as const) {
      const { res, body } = await json(ctx, url);
      if (res.status !== status || body.type !== `${TYPE}Error` || typeof body.message !== "string") {
        problems.push(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 80)}`);
      }
    }
    failIf(problems, "errors not OParl Error objects");
    return "404 and 400 answered as OParl Error objects";
  },
};

const closedCheck: Check = {
  name: "oparl-closed",
  async run(ctx) {
    const w = await walk(ctx);
    const db = ctx.demo.database.db;
    const closedItems = await db
      .select({ id: agendaItems.id, title: agendaItems.title })
      .from(agendaItems)
      .where(eq(agendaItems.access, "closed"));
    const closedFiles = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.access, "closed"));
    const problems: string[] = [];
    const text = w.bodies.join("\n");
    for (const item of closedItems) {
      const seen = w.objects.get(`${ctx.demo.url}${SYSTEM}/agendaitem/${item.id}`);
      if (seen && (seen.public !== false || seen.name !== undefined)) {
        problems.push(`closed item ${item.id} shown with content`);
      }
      if (item.title.length > 12 && text.includes(item.title)) {
        problems.push(`the title of closed item ${item.id} appears`);
      }
    }
    for (const file of closedFiles) {
      if (w.objects.has(`${ctx.demo.url}${SYSTEM}/file/${file.id}`)) {
        problems.push(`closed attachment ${file.id} is a public file`);
      }
      const res = await ctx.fetch(`${SYSTEM}/file/${file.id}/access`);
      await res.arrayBuffer();
      if (res.status !== 404) {
        problems.push(`closed attachment ${file.id} served: ${res.status}`);
      }
    }
    if (closedItems.length === 0) {
      throw new CheckFailed("the demo has no closed items to check");
    }
    failIf(problems, "leaks");
    return `${closedItems.length} closed items only as number, ${closedFiles.length} closed attachments neither listed nor served`;
  },
};

const deletionCheck: Check = {
  name: "oparl-deletions",
  async run(ctx) {
    const cookie = await ctx.adminCookie();
    const write = (method: string, url: string, payload?: unknown) =>
      json(ctx, url, {
        method,
        headers: { cookie, ...(payload ? { "content-type": "application/json" } : {}) },
        body: payload ? JSON.stringify(payload) : null,
      });
    const w = await walk(ctx);
    // Two bodies of one region: the person keeps a membership there after the other one goes.
    const orgs = ofType(w, "Organization").filter((o) => /\/organization\/\d+$/.test(String(o.id)));
    const org = orgs[0];
    const other = orgs.find((o) => o.body === org?.body && o.id !== org?.id);
    const bodyId = Number(String(org?.id).split("/").at(-1));
    const since = new Date(Date.now() - 2000).toISOString();
    const person = await write("POST", "/api/v1/persons", { name: "Konformans Testperson" });
    const personId = person.body.id as number;
    const membership = await write("POST", "/api/v1/memberships", { personId, bodyId, role: "member" });
    const mId = membership.body.id as number;
    await write("POST", "/api/v1/memberships", {
      personId,
      bodyId: Number(String(other?.id).split("/").at(-1)),
      role: "member",
    });
    if (person.res.status !== 201 || membership.res.status !== 201) {
      throw new CheckFailed(`could not create: ${person.res.status} ${membership.res.status}`);
    }
    const before = (await json(ctx, `${SYSTEM}/person/${personId}`)).body;
    await new Promise((r) => setTimeout(r, 1100));
    const del = await ctx.fetch(`/api/v1/memberships/${mId}?version=${membership.body.version}`, {
      method: "DELETE",
      headers: { cookie },
    });
    const problems: string[] = [];
    if (del.status !== 204) {
      problems.push(`DELETE membership answered ${del.status}`);
    }
    const tomb = (await json(ctx, `${SYSTEM}/membership/${mId}`)).body;
    if (tomb.deleted !== true || typeof tomb.created !== "string" || tomb.type !== `${TYPE}Membership`) {
      problems.push(`deleted membership: ${JSON.stringify(tomb)}`);
    }
    const after = (await json(ctx, `${SYSTEM}/person/${personId}`)).body;
    if (!(String(after.modified) > String(before.modified))) {
      problems.push(`person's modified stayed ${String(after.modified)} after its membership went`);
    }
    const orgAfter = (await json(ctx, String(org?.id))).body;
    if (!(String(orgAfter.modified) >= String(tomb.modified))) {
      problems.push(`organization's modified ${String(orgAfter.modified)} is before the deletion`);
    }
    const body = String(org?.body);
    const q = `modified_since=${encodeURIComponent(since)}`;
    const members = (await json(ctx, `${body}/membership?${q}`)).body.data as Array<Record<string, unknown>>;
    if (!members.some((m) => String(m.id).endsWith(`/membership/${mId}`) && m.deleted === true)) {
      problems.push("the membership list with modified_since does not report the deletion");
    }
    const persons = (await json(ctx, `${body}/person?${q}`)).body.data as Array<Record<string, unknown>>;
    if (!persons.some((p) => String(p.id).endsWith(`/person/${personId}`))) {
      problems.push("the person list with modified_since does not show the person whose membership went");
    }
    failIf(problems, "deletion problems");
    for (const d of [
      DANISH_DATE_TIME.test(String(tomb.created)),
      DANISH_DATE_TIME.test(String(tomb.modified)),
    ]) {
      if (!d) {
        throw new CheckFailed("the deleted object's dates are not in the spec's form");
      }
    }
    return "a membership made and deleted through the API is deleted:true with id/type/created; its person and organization modified after it; the lists with modified_since show both";
  },
};

export const checks: Check[] = [
  walkCheck,
  datesCheck,
  corsCheck,
  filtersCheck,
  fileCheck,
  meetingDocumentsCheck,
  systemCheck,
  errorsCheck,
  closedCheck,
  deletionCheck,
];
