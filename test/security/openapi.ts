/**
 * Reading the OpenAPI document to drive tests: the operations, a valid-looking sample of each
 * request (for the authorization matrix) and the parameters' schemas (for the fuzzer).
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  additionalProperties?: boolean | JsonSchema;
}

export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** the Fastify form: /api/v1/items/:id */
  path: string;
  parameters: Parameter[];
  body?: { type: string; schema: JsonSchema } | undefined;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

/** Every operation of the document, in the Fastify path form. */
export function operations(doc: unknown): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const content = op.requestBody?.content ?? {};
      const [type, media] = Object.entries(content)[0] ?? [];
      out.push({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ":$1"),
        parameters: op.parameters ?? [],
        body: type && media ? { type, schema: media.schema } : undefined,
      });
    }
  }
  return out;
}

/** Values for fields by name, so a sample refers to things that exist. */
export type Hints = (name: string) => unknown;

const DATE_NAMES = /(On|From|To|Until|Date|day|Day)$|^(from|to|on|date|since)$/;

/** A value the schema accepts (the first choice of each union, required fields only). */
export function sample(schema: JsonSchema, name: string, hints: Hints): unknown {
  const hinted = hints(name);
  if (hinted !== undefined) {
    return hinted;
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const pick = union.find((s) => s.type !== "null") ?? union[0];
    return pick ? sample(pick, name, hints) : null;
  }
  if (schema.allOf?.[0]) {
    return sample(schema.allOf[0], name, hints);
  }
  if (schema.const !== undefined) {
    return schema.const;
  }
  if (schema.enum) {
    return schema.enum[0];
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || hints(key) !== undefined) {
          out[key] = sample(prop, key, hints);
        }
      }
      return out;
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}, name, hints));
    case "integer":
    case "number": {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.max(low, 1);
    }
    case "boolean":
      return false;
    default: {
      if (schema.pattern === "^\\d{1,17}$") {
        return "100";
      }
      if (/email/i.test(name)) {
        return "ny@test.dk";
      }
      if (/^(start|end)$/.test(name)) {
        return "2026-06-01T10:00";
      }
      if (DATE_NAMES.test(name)) {
        return "2026-06-01";
      }
      const text = "Tekst til prøve";
      return text.padEnd(schema.minLength ?? 0, ".").slice(0, schema.maxLength ?? 1000);
    }
  }
}

/** The path with its parameters filled in. */
export function fillPath(path: string, value: (param: string) => string | number): string {
  return path.replace(/:(\w+)|\*$/g, (m: string, p?: string) => String(value(p ?? m)));
}
