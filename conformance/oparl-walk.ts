import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/** The shared OParl 1.1 schemas, beside the repository (../shared/oparl/schema), read at run time. */
export const SCHEMA_DIR = path.resolve(import.meta.dirname, "../../shared/oparl/schema");
const TYPE_PREFIX = "https://schema.oparl.org/1.1/";

/** OParl's date-time form (spec 2-04) with a Danish offset. */
export const DANISH_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/;
/** Fields that hold date-times in OParl 1.1 (others such as `date` or `startDate` are dates). */
const DATE_TIME_FIELDS = new Set(["created", "modified", "start", "end"]);
/** What a deleted object may still carry (spec 2-08). */
const DELETED_FIELDS = new Set(["id", "type", "created", "modified", "deleted"]);

interface PropertySchema {
  type?: string;
  format?: string;
  references?: string;
  schema?: string;
  items?: PropertySchema;
}
interface ObjectSchema {
  title: string;
  properties: Record<string, PropertySchema>;
}

/** The standard's own schemas, read as their README says: unknown keywords allowed, a `url` format added. */
export function loadOparlSchemas() {
  // The schemas' patterns escape ":" and "/", which only non-unicode regular expressions allow.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => void;
  addFormats(ajv);
  ajv.addFormat("url", /^https?:\/\/\S+$/);
  const schemas = new Map<string, { raw: ObjectSchema; validate: ValidateFunction }>();
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json"))) {
    const raw = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as ObjectSchema;
    schemas.set(raw.title, { raw, validate: ajv.compile(raw) });
  }
  return schemas;
}

/** URLs that point outside the OParl API (web pages, downloads, licences). */
const NOT_API = new Set([
  "web",
  "accessUrl",
  "downloadUrl",
  "website",
  "product",
  "vendor",
  "license",
  "fileLicense",
  "externalServiceUrl",
  "oparlVersion",
]);

export interface Fetched {
  status: number;
  body: string;
  headers: Record<string, string | undefined>;
}

export interface WalkResult {
  validated: Map<string, number>;
  /** distinct object ids seen (an object embedded in several places counts once) */
  distinct: Set<string>;
  errors: string[];
  bodies: string[];
  /** every object seen, by id (the last one seen wins) */
  objects: Map<string, Record<string, unknown>>;
  /** date-time values not in the spec's form with a Danish offset */
  badDates: string[];
  /** URLs whose answer lacked `Access-Control-Allow-Origin: *` */
  noCors: string[];
  /** URLs fetched */
  fetched: number;
}

/**
 * Walks an OParl installation from its System object: follows every reference and list (with
 * links.next, at most `maxRequests` requests), validates every object — embedded ones too — against
 * the standard's schema, checks that each reference points to an object of the referenced type, that
 * every date-time has the spec's form, that every answer carries CORS, and that deleted objects keep
 * only id, type, created and modified.
 */
export async function walkOparl(
  get: (url: string) => Promise<Fetched>,
  start: string,
  maxRequests = 5000,
): Promise<WalkResult> {
  const schemas = loadOparlSchemas();
  const result: WalkResult = {
    validated: new Map(),
    distinct: new Set(),
    errors: [],
    bodies: [],
    objects: new Map(),
    badDates: [],
    noCors: [],
    fetched: 0,
  };
  const fetched = new Map<string, unknown>();
  const expectations: Array<{ url: string; type: string; from: string; elementType?: string | undefined }> =
    [];
  const queue: string[] = [start];

  const fetchJson = async (url: string) => {
    if (fetched.has(url)) {
      return fetched.get(url);
    }
    const res = await get(url);
    result.fetched += 1;
    result.bodies.push(res.body);
    if (res.headers["access-control-allow-origin"] !== "*") {
      result.noCors.push(url);
    }
    if (res.status !== 200) {
      result.errors.push(`${url}: HTTP ${res.status}`);
      fetched.set(url, null);
      return null;
    }
    const json = JSON.parse(res.body) as unknown;
    fetched.set(url, json);
    return json;
  };

  const visitDeleted = (obj: Record<string, unknown>, where: string) => {
    const extra = Object.keys(obj).filter((k) => !DELETED_FIELDS.has(k));
    if (extra.length > 0 || typeof obj.created !== "string" || typeof obj.modified !== "string") {
      result.errors.push(`${where}: deleted object ${String(obj.id)} keeps ${Object.keys(obj).join(",")}`);
    }
  };

  const visitObject = (obj: Record<string, unknown>, where: string) => {
    for (const key of DATE_TIME_FIELDS) {
      const value = obj[key];
      if (value !== undefined && (typeof value !== "string" || !DANISH_DATE_TIME.test(value))) {
        result.badDates.push(`${where} ${key}=${String(value)}`);
      }
    }
    if (typeof obj.id === "string") {
      result.distinct.add(obj.id);
      result.objects.set(obj.id, obj);
    }
    if (obj.deleted === true) {
      visitDeleted(obj, where);
      return;
    }
    const typeName = String(obj.type ?? "").replace(TYPE_PREFIX, "");
    const schema = schemas.get(typeName);
    if (!schema) {
      result.errors.push(`${where}: unknown type ${String(obj.type)}`);
      return;
    }
    if (!schema.validate(obj)) {
      result.errors.push(`${where} (${typeName}): ${JSON.stringify(schema.validate.errors)}`);
    }
    result.validated.set(typeName, (result.validated.get(typeName) ?? 0) + 1);
    for (const [key, prop] of Object.entries(schema.raw.properties)) {
      const value = obj[key];
      if (value === undefined || NOT_API.has(key) || key === "id") {
        continue;
      }
      // Embedded objects: an object property, or an array of objects. (A URL property may also carry
      // items.schema: for an external list, that names the type of the list's elements.)
      const nested = prop.type === "object" || (prop.type === "array" && prop.items?.type === "object");
      if (nested) {
        for (const child of [value].flat()) {
          visitObject(child as Record<string, unknown>, `${where}.${key}`);
          const childId = (child as { id?: string }).id;
          if (childId) {
            queue.push(childId);
          }
        }
        continue;
      }
      const isUrl = prop.format === "url" || prop.items?.format === "url";
      if (!isUrl) {
        continue;
      }
      for (const url of [value].flat() as string[]) {
        queue.push(url);
        const ref = prop.references ?? prop.items?.references;
        if (ref) {
          const elementType = ref === "externalList" ? prop.items?.schema?.replace(".json", "") : undefined;
          expectations.push({ url, type: ref, from: `${where}.${key}`, elementType });
        }
      }
    }
  };

  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (fetched.has(url)) {
      continue;
    }
    if (result.fetched >= maxRequests) {
      result.errors.push(`stopped after ${maxRequests} requests; ${queue.length + 1} URLs not fetched`);
      break;
    }
    const json = (await fetchJson(url)) as Record<string, unknown> | null;
    if (!json) {
      continue;
    }
    if (Array.isArray(json.data)) {
      for (const obj of json.data as Record<string, unknown>[]) {
        visitObject(obj, url);
        if (typeof obj.id === "string" && obj.deleted !== true) {
          queue.push(obj.id);
        }
      }
      const next = (json.links as { next?: string } | undefined)?.next;
      if (next) {
        queue.push(next);
      }
    } else {
      visitObject(json, url);
    }
  }

  for (const e of expectations) {
    const target = fetched.get(e.url) as Record<string, unknown> | null | undefined;
    if (target === undefined) {
      continue;
    }
    if (e.type === "externalList") {
      if (!target || !Array.isArray(target.data)) {
        result.errors.push(`${e.from}: ${e.url} is not a list`);
      } else if (e.elementType) {
        const wrong = (target.data as Array<{ type?: string }>).filter(
          (o) => o.type !== `${TYPE_PREFIX}${e.elementType}`,
        );
        if (wrong.length > 0) {
          result.errors.push(`${e.from}: ${e.url} holds ${wrong[0]?.type}, not ${e.elementType}`);
        }
      }
    } else if (!target || target.type !== `${TYPE_PREFIX}${e.type}`) {
      result.errors.push(`${e.from}: ${e.url} is not a ${e.type}`);
    }
  }
  return result;
}
