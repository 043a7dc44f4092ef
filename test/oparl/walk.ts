import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const SCHEMA_DIR = path.resolve(import.meta.dirname, "../../../shared/oparl/schema");

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

/** The standard's own schemas, read as its README says: unknown keywords allowed, a `url` format added. */
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

export interface WalkResult {
  validated: Map<string, number>;
  /** distinct object ids seen (an object embedded in several places counts once) */
  distinct: Set<string>;
  errors: string[];
  bodies: string[];
}

/**
 * Walks an OParl installation from its System object: follows every reference and list (with
 * links.next), validates every object — embedded ones too — against the standard's schema, and
 * checks that each reference points to an object of the referenced type.
 */
export async function walkOparl(
  get: (url: string) => Promise<{ status: number; body: string }>,
  start: string,
) {
  const schemas = loadOparlSchemas();
  const result: WalkResult = { validated: new Map(), distinct: new Set(), errors: [], bodies: [] };
  const fetched = new Map<string, unknown>();
  const expectations: Array<{ url: string; type: string; from: string; elementType?: string | undefined }> =
    [];
  const queue: string[] = [start];

  const fetchJson = async (url: string) => {
    if (fetched.has(url)) {
      return fetched.get(url);
    }
    const res = await get(url);
    result.bodies.push(res.body);
    if (res.status !== 200) {
      result.errors.push(`${url}: HTTP ${res.status}`);
      fetched.set(url, null);
      return null;
    }
    const json = JSON.parse(res.body) as unknown;
    fetched.set(url, json);
    return json;
  };

  const visitObject = (obj: Record<string, unknown>, where: string) => {
    const typeName = String(obj.type ?? "").replace("https://schema.oparl.org/1.1/", "");
    const schema = schemas.get(typeName);
    if (!schema) {
      result.errors.push(`${where}: unknown type ${String(obj.type)}`);
      return;
    }
    if (!schema.validate(obj)) {
      result.errors.push(`${where} (${typeName}): ${JSON.stringify(schema.validate.errors)}`);
    }
    result.validated.set(typeName, (result.validated.get(typeName) ?? 0) + 1);
    if (typeof obj.id === "string") {
      result.distinct.add(obj.id);
    }
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
    const json = (await fetchJson(url)) as Record<string, unknown> | null;
    if (!json) {
      continue;
    }
    if (Array.isArray(json.data)) {
      for (const obj of json.data as Record<string, unknown>[]) {
        visitObject(obj, url);
        if (typeof obj.id === "string") {
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
    if (e.type === "externalList") {
      if (!target || !Array.isArray(target.data)) {
        result.errors.push(`${e.from}: ${e.url} is not a list`);
      } else if (e.elementType) {
        const wrong = (target.data as Array<{ type?: string }>).filter(
          (o) => o.type !== `https://schema.oparl.org/1.1/${e.elementType}`,
        );
        if (wrong.length > 0) {
          result.errors.push(`${e.from}: ${e.url} holds ${wrong[0]?.type}, not ${e.elementType}`);
        }
      }
    } else if (!target || target.type !== `https://schema.oparl.org/1.1/${e.type}`) {
      result.errors.push(`${e.from}: ${e.url} is not a ${e.type}`);
    }
  }
  return result;
}
