/**
 * Finishes the OpenAPI document in one place, after every route has described itself: a stable,
 * verb-first `operationId` on each operation, the real media types of the file responses, the
 * `servers` list, and the error responses each operation can actually give. Routes keep their own
 * schemas; nothing here changes what a route does.
 */
type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses?: Record<string, Json>;
}

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ICS = "text/calendar";
const ATOM = "application/atom+xml";
const CSV = "text/csv";
/** A stored upload is sent with its own media type, whatever it is. */
const OWN_TYPE = "*/*";

const BY_EXTENSION: Record<string, string> = {
  pdf: PDF,
  docx: DOCX,
  xlsx: XLSX,
  ics: ICS,
  atom: ATOM,
  csv: CSV,
};

/** File responses whose path does not end in their type: "METHOD path" → media types. */
const FILE_TYPES: Record<string, string[]> = {
  "get /api/v1/attachments/{id}/content": [OWN_TYPE],
  "get /api/v1/documents/{id}/content": [PDF, DOCX],
  "get /api/v1/bodies/{id}/plan/{file}": [PDF, ICS],
  "get /api/v1/search/feed": [ATOM],
  "get /api/v1/initiatives/{id}/documents/{documentId}/content": [OWN_TYPE],
  "get /api/v1/agreement-versions/{id}/content": [OWN_TYPE],
  "get /api/v1/hearing-responses/{id}/content": [OWN_TYPE],
  "get /api/v1/matters/{id}/attachments/{attachmentId}/content": [OWN_TYPE],
  "get /oparl/v1.1/file/{key}/{how}": [OWN_TYPE],
};

/** The media types a GET operation's success sends when it is a file; undefined for JSON. */
export function fileTypesOf(method: string, path: string): string[] | undefined {
  const listed = FILE_TYPES[`${method} ${path}`];
  if (listed || method !== "get") {
    return listed;
  }
  const ext = /\.([a-z]+)$/.exec(path)?.[1];
  const type = ext ? BY_EXTENSION[ext] : undefined;
  return type ? [type] : undefined;
}

/** Names a generator would get wrong, or that would collide: "METHOD path" → operationId. */
const OPERATION_IDS: Record<string, string> = {
  "get /oparl/v1.1": "getOparlSystem",
  "get /oparl/v1.1/{kind}/{id}": "getOparlObject",
  "get /oparl/v1.1/body/{slug}/{list}": "listOparlBodyObjects",
  "get /oparl/v1.1/organization/{id}/{list}": "listOparlOrganizationObjects",
  "get /oparl/v1.1/file/{key}/{how}": "getOparlFileContent",
  "get /healthz": "checkHealth",
  "get /oparl/v1.1/body": "listOparlBodies",
  "get /oparl/v1.1/body/{slug}": "getOparlBody",
  "post /api/v1/auth/login": "logIn",
  "post /api/v1/auth/logout": "logOut",
  "get /api/v1/auth/me": "getCurrentUser",
  "post /api/v1/auth/oidc/{provider}/backchannel-logout": "logOutByOidcBackchannel",
  "get /api/v1/search": "search",
  "get /api/v1/meetings/{id}/details": "getMeetingDetails",
  "post /api/v1/persons/{id}/email": "changePersonEmail",
  "post /api/v1/email-confirmations": "confirmEmail",
  "post /api/v1/initiatives/{id}/status": "changeInitiativeStatus",
  "post /api/v1/bodies/{id}/mandate/status": "changeBodyMandateStatus",
  "post /api/v1/agreements/{id}/status": "changeAgreementStatus",
  "post /api/v1/initiatives/{id}/documents/file": "uploadInitiativeDocumentFile",
};

/** Words a path's last segment may be when it is the act itself (POST /meetings/{id}/cancel). */
const ACTS = new Set([
  "approve",
  "attach",
  "cancel",
  "close",
  "confirm",
  "login",
  "logout",
  "preview",
  "publish",
  "refer",
  "reject",
  "reorder",
  "transition",
]);

const IRREGULAR: Record<string, string> = {
  bodies: "body",
  minutes: "minutes",
  persons: "person",
  status: "status",
  parties: "party",
  absences: "absence",
  income: "income",
  responses: "response",
  attendance: "attendance",
  "carry-overs": "carry-over",
  "case-proposals": "case-proposal",
};

const singular = (word: string) =>
  IRREGULAR[word] ??
  (word.endsWith("ies")
    ? `${word.slice(0, -3)}y`
    : /(ch|sh|x|ss)es$/.test(word)
      ? word.slice(0, -2)
      : word.replace(/s$/, ""));
const isPlural = (word: string) => singular(word) !== word;
const pascal = (word: string) =>
  word
    .split(/[-._]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

/** "get /api/v1/meetings/{id}/agenda.pdf" → "getMeetingAgendaPdf"; "delete /api/v1/items/{id}" → "deleteItem". */
export function operationIdOf(method: string, path: string): string {
  const override = OPERATION_IDS[`${method} ${path}`];
  if (override) {
    return override;
  }
  const rest = path.replace(/^\/api\/v1/, "").replace(/^\/oparl\/v1\.1/, "/oparl");
  const segments = rest.split("/").filter(Boolean);
  const last = segments.at(-1) ?? "";
  const endsInParam = last.startsWith("{");
  let verb: string;
  let words = segments;
  if (method === "post" && ACTS.has(last)) {
    verb = last;
    words = segments.slice(0, -1);
  } else if (method === "get") {
    verb = endsInParam || last.includes(".") || !isPlural(last) ? "get" : "list";
  } else {
    verb = { post: "create", put: "set", patch: "update", delete: "delete" }[method] ?? method;
  }
  // A collection named before an id, or one made by POST, is one of its kind: singular.
  const nouns = words.flatMap((w, i) => {
    if (w.startsWith("{")) {
      return [];
    }
    const one = words[i + 1]?.startsWith("{") || (i === words.length - 1 && verb === "create");
    return [pascal(one ? singular(w) : w)];
  });
  return `${verb}${nouns.join("")}`;
}

const ERROR_DESCRIPTIONS: Record<string, string> = {
  "400": "Ugyldige parametre eller indhold",
  "401": "API-nøglen er ugyldig eller udløbet, eller handlingen kræver login",
  "403": "Ingen adgang til handlingen",
  "404": "Findes ikke, eller ikke synligt for den, der spørger",
  "409": "Versionskonflikt, eller data henviser til hinanden",
  "413": "Indholdet er for stort",
};

/** The error statuses an operation can answer with, from its shape (see docs/api.md). */
export function errorStatusesOf(method: string, path: string, op: Operation): string[] {
  const hasInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined || method !== "get";
  const hasPathParam = /\{[^}]+\}/.test(path);
  const isApi = path.startsWith("/api/v1");
  const out: string[] = [];
  if (hasInput) {
    out.push("400");
  }
  // Any request with a bad bearer token is refused (the auth plugin), whatever the route.
  out.push("401");
  if (isApi) {
    out.push("403");
  }
  if (hasPathParam) {
    out.push("404");
  }
  if (isApi && method !== "get") {
    out.push("409", "413");
  }
  return out;
}

const OPARL_ERROR = {
  description: "OParl-fejlobjekt (https://schema.oparl.org/1.1/Error) med Tværs' fejlform ved siden af",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          type: { type: "string", const: "https://schema.oparl.org/1.1/Error" },
          message: { type: "string" },
          debug: { type: "string" },
          error: { type: "object" },
        },
        required: ["type", "message"],
      },
    },
  },
};

function apiError(description: string): Json {
  return {
    description,
    content: {
      "application/json": {
        schema: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { path: { type: "string" }, message: { type: "string" } },
                    required: ["path", "message"],
                  },
                },
              },
              required: ["code", "message"],
            },
          },
          required: ["error"],
        },
      },
    },
  };
}

function finishOperation(method: string, path: string, op: Operation) {
  op.operationId ??= operationIdOf(method, path);
  const responses = op.responses ?? {};
  op.responses = responses;
  const types = fileTypesOf(method, path);
  const success = responses["200"];
  if (types && success) {
    const schema = { type: "string", format: "binary" };
    success.content = Object.fromEntries(types.map((t) => [t, { schema }]));
    if (types.includes(OWN_TYPE)) {
      success.description = "Filen med dens egen medietype (Content-Type som ved upload)";
    }
  }
  const allowed = errorStatusesOf(method, path, op);
  for (const status of Object.keys(responses)) {
    if (/^4\d\d$/.test(status) && status !== "429" && !allowed.includes(status)) {
      delete responses[status];
    }
  }
  for (const status of allowed) {
    if (path.startsWith("/oparl")) {
      responses[status] = { ...OPARL_ERROR, description: ERROR_DESCRIPTIONS[status] };
    } else {
      responses[status] ??= apiError(ERROR_DESCRIPTIONS[status] ?? "Fejl");
    }
  }
  if (path.startsWith("/oparl/v1.1/file/")) {
    responses["304"] = { description: "Uændret siden If-None-Match / If-Modified-Since" };
  }
}

/** The `transformObject` of @fastify/swagger: finishes every operation and names the server. */
export function finishOpenApi(publicUrl: string | undefined) {
  return ({ openapiObject }: { openapiObject: Json }) => {
    const paths = (openapiObject.paths ?? {}) as Record<string, Record<string, Operation>>;
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        finishOperation(method, path, op);
      }
    }
    if (publicUrl) {
      openapiObject.servers = [{ url: publicUrl, description: "Denne installation" }];
    }
    return openapiObject;
  };
}
