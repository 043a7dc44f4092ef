/**
 * The OpenAPI document against the running app: every operation named, and every file a GET
 * operation declares fetched from the demo and its Content-Type compared with the declaration.
 */
import { sql } from "drizzle-orm";
import { type Check, type ConformanceContext, failIf } from "./check.ts";

type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, unknown> }> };
type Paths = Record<string, Record<string, Operation>>;

let doc: Promise<{ paths: Paths }> | undefined;
const openapi = (ctx: ConformanceContext) => {
  doc ??= ctx.fetch("/api/openapi.json").then((r) => r.json() as Promise<{ paths: Paths }>);
  return doc;
};

const operationIdCheck: Check = {
  name: "openapi-operation-ids",
  async run(ctx) {
    const { paths } = await openapi(ctx);
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const id = op.operationId;
        if (!id || !/^[a-z]+[A-Z0-9]?[A-Za-z0-9]*$/.test(id)) {
          problems.push(`${method.toUpperCase()} ${path}: ${id ?? "no operationId"}`);
        } else if (seen.has(id)) {
          problems.push(`${id} on ${seen.get(id)} and ${method.toUpperCase()} ${path}`);
        } else {
          seen.set(id, `${method.toUpperCase()} ${path}`);
        }
      }
    }
    failIf(problems, "operations without a unique operationId");
    return `${seen.size} operations, each with its own operationId`;
  },
};

/** One row of a demo table, for a path parameter; null when the demo has none. */
async function firstId(ctx: ConformanceContext, query: string): Promise<number | null> {
  const res = (await ctx.demo.database.db.execute(sql.raw(query))) as unknown as {
    rows: Array<{ id: number }>;
  };
  return res.rows[0]?.id ?? null;
}

const PUBLISHED_MEETING =
  "select id from meetings where status = 'minutes_published' and exists (select 1 from published_documents d where d.meeting_id = meetings.id and d.kind = 'minutes') order by id limit 1";

/** Concrete demo URLs for each file operation's path (several where one path sends several types). */
async function samplesFor(ctx: ConformanceContext, path: string): Promise<string[]> {
  const meeting = await firstId(ctx, PUBLISHED_MEETING);
  const year = new Date().getFullYear();
  const ids: Record<string, string> = {
    "/api/v1/meetings/{id}/": `select ${meeting ?? 0} as id`,
    "/api/v1/bodies/{id}/": `select body_id as id from meetings where id = ${meeting ?? 0}`,
    "/api/v1/documents/{id}/":
      "select id from published_documents where edition = 'public' order by id limit 1",
    "/api/v1/attachments/{id}/":
      "select a.id from attachments a join agenda_items i on i.id = a.item_id join meetings m on m.id = i.meeting_id where a.sha256 is not null and a.access = 'open' and i.access = 'open' and m.status = 'minutes_published' order by a.id limit 1",
    "/api/v1/funds/{id}/": "select id from funds order by id limit 1",
    "/api/v1/hearings/{id}/": "select id from hearings order by id limit 1",
    "/api/v1/agreement-versions/{id}/":
      "select id from agreement_versions where sha256 is not null order by id limit 1",
    "/api/v1/hearing-responses/{id}/":
      "select id from hearing_responses where sha256 is not null order by id limit 1",
    "/api/v1/initiatives/{id}/":
      "select initiative_id as id from initiative_documents where sha256 is not null order by id limit 1",
    "/api/v1/matters/{id}/": "select matter_id as id from matter_attachments order by id limit 1",
  };
  let url = path;
  for (const [prefix, query] of Object.entries(ids)) {
    if (path.startsWith(prefix)) {
      const id = await firstId(ctx, query);
      if (id === null) {
        return [];
      }
      url = url.replace("{id}", String(id));
    }
  }
  if (url.includes("{documentId}")) {
    const initiative = url.split("/")[4];
    const doc = await firstId(
      ctx,
      `select id from initiative_documents where sha256 is not null and initiative_id = ${Number(initiative)} order by id limit 1`,
    );
    url = url.replace("{documentId}", String(doc));
  }
  if (url.includes("{attachmentId}")) {
    const matter = url.split("/")[4];
    const attachment = await firstId(
      ctx,
      `select id from matter_attachments where matter_id = ${Number(matter)} order by id limit 1`,
    );
    url = url.replace("{attachmentId}", String(attachment));
  }
  if (url.includes("{key}")) {
    const attachment = await firstId(ctx, ids["/api/v1/attachments/{id}/"] as string);
    url = url.replace("{key}", String(attachment)).replace("{how}", "access");
  }
  if (url.endsWith("{file}")) {
    return [url.replace("{file}", `${year}.pdf`), url.replace("{file}", `${year}.ics`)];
  }
  if (url.includes("/documents/") && url.endsWith("/content") && url.startsWith("/api/v1/documents/")) {
    const docx = await firstId(
      ctx,
      "select id from published_documents where edition = 'public' and format = 'docx' order by id limit 1",
    );
    return docx === null ? [url] : [url, url.replace(/\/documents\/\d+\//, `/documents/${docx}/`)];
  }
  return url.includes("{") ? [] : [url];
}

/**
 * Uploads where the demo has no file yet, through the API's own upload operations (a published PDF
 * from the demo as the bytes), so every file operation can be compared.
 */
async function uploadSamples(ctx: ConformanceContext, cookie: string): Promise<void> {
  const doc = await firstId(
    ctx,
    "select id from published_documents where format = 'pdf' order by id limit 1",
  );
  const pdf = new Uint8Array(
    await (await ctx.fetch(`/api/v1/documents/${doc}/content`, { headers: { cookie } })).arrayBuffer(),
  );
  const put = async (url: string, method = "PUT") => {
    const res = await ctx.fetch(url, {
      method,
      headers: { cookie, "content-type": "application/pdf" },
      body: pdf,
    });
    await res.arrayBuffer();
  };
  // An approved version takes no file: a new version of the first agreement does.
  const agreement = await firstId(ctx, "select id from agreements order by id limit 1");
  if (agreement !== null) {
    const res = await ctx.fetch(`/api/v1/agreements/${agreement}/versions`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ label: "Konformansudkast" }),
    });
    await res.arrayBuffer();
  }
  const version = await firstId(
    ctx,
    "select id from agreement_versions where sha256 is null and approved_on is null order by id desc limit 1",
  );
  if (version !== null) {
    await put(`/api/v1/agreement-versions/${version}/content?fileName=aftale.pdf`);
  }
  const response = await firstId(
    ctx,
    "select id from hearing_responses where sha256 is null order by id limit 1",
  );
  if (response !== null) {
    await put(`/api/v1/hearing-responses/${response}/content?fileName=svar.pdf`);
  }
  const initiative = await firstId(ctx, "select id from initiatives order by id limit 1");
  if (initiative !== null) {
    await put(`/api/v1/initiatives/${initiative}/documents/file?fileName=notat.pdf&title=Notat`, "POST");
  }
}

const mediaType = (value: string | null) => (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

const fileTypesCheck: Check = {
  name: "openapi-file-types",
  async run(ctx) {
    const { paths } = await openapi(ctx);
    const cookie = await ctx.adminCookie();
    await uploadSamples(ctx, cookie);
    const problems: string[] = [];
    const compared: string[] = [];
    const noDemo: string[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      const declared = Object.keys(ops.get?.responses?.["200"]?.content ?? {});
      if (!ops.get || declared.length === 0 || declared.every((t) => t === "application/json")) {
        continue;
      }
      const urls = await samplesFor(ctx, path);
      if (urls.length === 0) {
        noDemo.push(path);
        continue;
      }
      for (const url of urls) {
        const res = await ctx.fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        const got = mediaType(res.headers.get("content-type"));
        const fits = declared.includes("*/*")
          ? got !== "" && got !== "application/json"
          : declared.includes(got);
        if (res.status !== 200 || !fits) {
          problems.push(`${url}: ${res.status} ${got}, declared ${declared.join(" | ")}`);
        } else {
          compared.push(url);
        }
      }
    }
    failIf(problems, "file responses whose Content-Type differs from the OpenAPI document");
    failIf(
      noDemo.map((p) => `${p} has no demo data to fetch`),
      "file operations not compared",
    );
    return `${compared.length} file responses (${new Set(compared.map((u) => u.replace(/\d+/g, "N"))).size} operations) send the declared media type`;
  },
};

const errorResponsesCheck: Check = {
  name: "openapi-errors",
  async run(ctx) {
    const { paths } = await openapi(ctx);
    const problems: string[] = [];
    let count = 0;
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        count += 1;
        const statuses = Object.keys(op.responses ?? {});
        const name = `${method.toUpperCase()} ${path}`;
        if (!statuses.some((s) => /^4\d\d$/.test(s))) {
          problems.push(`${name} documents no 4xx`);
        }
        if (!path.includes("{") && statuses.includes("404")) {
          problems.push(`${name}: 404 without a path parameter`);
        }
        if (method === "get" && (statuses.includes("409") || statuses.includes("413"))) {
          problems.push(`${name}: 409/413 on a read`);
        }
      }
    }
    failIf(problems, "operations with wrong error responses");
    return `${count} operations document their 4xx, none that cannot happen by the operation's shape`;
  },
};

export const checks: Check[] = [operationIdCheck, fileTypesCheck, errorResponsesCheck];
