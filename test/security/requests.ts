import { randomBytes } from "node:crypto";
import { ASSETS } from "../../src/server/static.ts";
import { fillPath, type Hints, type Operation, sample } from "./openapi.ts";
import type { SecurityWorld } from "./world.ts";

export interface Built {
  method: string;
  url: string;
  payload?: string | Buffer | object | undefined;
  headers: Record<string, string>;
}

/** The OpenID provider the authorization test configures (a real oidc-provider on loopback). */
export const OIDC_PROVIDER = "rv";

const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The id each path parameter takes: published material for reads, the SSU's draft for writes. */
function paramValue(s: SecurityWorld, method: string, path: string, param: string): string | number {
  const { w, ids } = s;
  const write = WRITE.has(method);
  const seg = (path.split("/:")[0] ?? "").split("/").at(-1) ?? "";
  if (path.startsWith("/static/js/")) {
    const [hash, ...file] = s.script.split("/").slice(3);
    return param === "hash" ? (hash ?? "") : file.join("/");
  }
  if (param === "year") {
    return 2025;
  }
  if (path.startsWith("/mine-moeder/")) {
    return `${s.calendarToken}.ics`;
  }
  if (param === "file") {
    return "2025.pdf";
  }
  if (param === "token") {
    // Real secrets: without one these routes answer 404 to everyone.
    if (path.startsWith("/soeg/") || path.startsWith("/api/v1/search/")) {
      return s.searchSubscriptionToken;
    }
    return path.startsWith("/abonnement/")
      ? s.subscriptionToken
      : path.startsWith("/afmeld/") || path.includes("/unsubscribe/")
        ? s.unsubscribeToken
        : s.emailToken;
  }
  if (param === "provider") {
    return OIDC_PROVIDER;
  }
  if (path.startsWith("/oparl/v1.1/file/")) {
    return param === "key" ? s.w.attachments.open.id : "download";
  }
  if (path.startsWith("/indikatorer/omraade/")) {
    return param === "kind" ? s.area.kind : s.area.code;
  }
  if (param === "code") {
    return s.indicator;
  }
  if (path.startsWith("/oparl/")) {
    return (
      {
        slug: s.oparlBody,
        list: "meeting",
        kind: "meeting",
        id: path.includes("organization") ? w.ssu.id : w.meeting.id,
      }[param] ?? 1
    );
  }
  if (param === "version") {
    return path.startsWith("/static/dkfds")
      ? (ASSETS.dkfdsCss.split("/")[3] ?? "")
      : (ASSETS.appCss.split("/")[3] ?? "");
  }
  if (param === "*") {
    return path.startsWith("/static/dkfds")
      ? "css/dkfds.min.css"
      : path.startsWith("/static/app")
        ? "tvaers.css"
        : "index.css";
  }
  // A matter's file (issue 21): the world's closed chair decision carries one.
  if (param === "aid" || (param === "attachmentId" && path.startsWith("/api/v1/matters/"))) {
    return s.matterAttachment;
  }
  const named: Record<string, number> = {
    itemId: ids.draftItem.id,
    attachmentId: ids.draftFile.id,
    attendanceId: ids.attendance.id,
    remarkId: ids.remark.id,
    documentId: ids.initiativeDocument.id,
    addresseeId: s.obligationAddressee,
    matterId: s.matter,
    agreementId: ids.agreement.id,
    stepId: s.ratificationStep,
    // the party of a route's second parameter (the first decides the resource)
    partyId: w.region.id,
  };
  if (named[param] !== undefined) {
    return named[param];
  }
  if (path.startsWith("/arbejdsrum/")) {
    return (
      {
        moeder: ids.draftMeeting.id,
        organer: w.ssu.id,
        import: s.pendingImport,
        forpligtelser: s.obligation,
        beslutningssager: s.matter,
      }[seg] ?? 0
    );
  }
  if ((path.includes("/mandate") && seg === "bodies") || path.includes("/kommissorium")) {
    return ids.group;
  }
  const byResource: Record<string, number> = {
    meetings: write ? ids.draftMeeting.id : w.meeting.id,
    items:
      path.endsWith("/corrections") || path.endsWith("/refer")
        ? w.items.open.id
        : write
          ? ids.draftItem.id
          : w.items.open.id,
    attachments: write ? ids.draftFile.id : w.attachments.open.id,
    absences: ids.absence.id,
    attendance: ids.attendance.id,
    bodies: w.ssu.id,
    parties: w.region.id,
    persons: write ? s.sparePerson : w.people.member.id,
    memberships: s.spareMembership,
    users: s.spareUser.id,
    tokens: ids.spareToken.id,
    cases: ids.case.id,
    consultations: ids.consultation.id,
    actions: ids.action.id,
    funds: ids.fund.id,
    grants: ids.grant.id,
    initiatives: ids.initiative.id,
    agreements: ids.agreement.id,
    "agreement-versions": ids.agreementVersion.id,
    "mandate-versions": ids.mandateVersion.id,
    hearings: ids.hearing.id,
    "hearing-responses": ids.response.id,
    "hearing-remarks": ids.remark.id,
    "ratification-steps": s.ratificationStep,
    "saved-searches": ids.saved.id,
    imports: s.pendingImport,
    documents: s.documentId,
    moeder: w.meeting.id,
    organer: w.ssu.id,
    personer: w.people.member.id,
    sager: ids.case.id,
    puljer: ids.fund.id,
    indsatser: ids.initiative.id,
    aftaler: ids.agreement.id,
    js: 0,
    status: w.meeting.id,
    "indicator-snapshots": s.snapshot,
    billede: s.snapshot,
    forum: w.ssu.id,
    reorganisations: s.reorganisation,
    obligations: s.obligation,
    matters: s.matter,
    strukturaendringer: s.reorganisation,
    afventende: path.endsWith("/afvis") ? (s.pendingIdentities[1] ?? 0) : (s.pendingIdentities[0] ?? 0),
  };
  const id = byResource[seg];
  if (id === undefined) {
    throw new Error(`requests.ts: no id for :${param} in ${method} ${path} — add the resource "${seg}"`);
  }
  return id;
}

function hints(s: SecurityWorld): Hints {
  const { w, ids } = s;
  const byName: Record<string, unknown> = {
    bodyId: w.ssu.id,
    ownerBodyId: w.ssu.id,
    decidingBodyId: w.ssu.id,
    reportsToId: w.ssu.id,
    approverBodyId: w.ssu.id,
    meetingId: ids.draftMeeting.id,
    itemId: ids.draftItem.id,
    // not the secretary's own person: nobody grants a membership to themselves (issue 18.3)
    personId: s.sparePerson,
    partyId: w.region.id,
    caseId: ids.case.id,
    initiativeId: ids.initiative.id,
    version: 1,
    email: "ny-bruger@test.dk",
    name: "Navn til prøve",
    password: "en-lang-og-sjælden-sætning",
    query: "aftale",
    url: "https://www.example.org/projektbeskrivelse.pdf",
  };
  return (name) => byName[name];
}

export function multipart(fileName: string, text: string, fields: Record<string, string> = {}) {
  const boundary = `tvaers-${randomBytes(8).toString("hex")}`;
  const plain = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("");
  const head = `${plain}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(text), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const CSRF = "csrf-token-of-the-authorization-test-0123";

export const MINUTES_TEXT =
  "Referat\nSundhedssamarbejdsudvalget\n6. marts 2025\n\nPunkt 1: Godkendelse af dagsorden\n\nBeslutning: Godkendt.\n";

const closeRegion = (s: SecurityWorld) => ({
  kind: "close",
  title: "Regionen nedlægges",
  effectiveDate: "2031-01-01",
  links: [{ predecessor: { kind: "party", id: s.w.region.id }, successors: [] }],
});

/** Bodies a generated sample cannot guess (rules beyond the schema). */
const OVERRIDES: Record<string, (s: SecurityWorld) => object> = {
  "POST /api/v1/auth/login": () => ({ email: "medlem@test.dk", password: "korrekt-hest-batteri" }),
  "POST /api/v1/items/:id/corrections": (s) => ({
    version: s.w.items.open.version,
    reason: "Stavefejl i titlen",
    changes: { title: "Godkendelse af dagsordenen" },
  }),
  "POST /api/v1/case-proposals/confirm": (s) => ({
    itemIds: [s.w.items.open.id, s.ids.draftItem.id],
    title: "Sag",
  }),
  "POST /api/v1/case-proposals/reject": (s) => ({ itemIds: [s.w.items.open.id, s.ids.draftItem.id] }),
  "POST /api/v1/actions": (s) => ({ bodyId: s.w.ssu.id, text: "Følg op" }),
  "POST /api/v1/items/:id/obligations": (s) => ({
    text: "Lav en plan",
    deadline: "2027-01-01",
    returns: "document",
    addressees: { bodyIds: [s.w.other.id] },
  }),
  "POST /api/v1/matters/:id/obligations": (s) => ({
    text: "Lav en plan",
    deadline: "2027-01-01",
    returns: "document",
    addressees: { bodyIds: [s.w.other.id] },
  }),
  "POST /api/v1/obligations/:id/answers": (s) => ({
    bodyId: s.ids.group,
    state: "done",
    answerText: "Udført",
  }),
  "POST /api/v1/matters": (s) => ({
    bodyId: s.w.ssu.id,
    procedure: "chair_decision",
    title: "Sag til formandskabet",
    question: "Det indstilles, at sagen godkendes.",
  }),
  "POST /api/v1/matters/:id/decision": () => ({ decision: "approved" }),
  "POST /api/v1/matters/:id/answers": () => ({ answer: "approve" }),
  "POST /api/v1/indicators": () => ({
    code: "sikkerhedstest",
    name: "Indikator til prøve",
    definition: "Antal af noget pr. år.",
    unit: "antal",
    direction: "lower_is_better",
    source: "Prøve",
    rhythm: "year",
  }),
  // A preview writes nothing; carrying out with a digest no preview gave is refused after the rights check.
  "POST /api/v1/reorganisations/preview": (s) => closeRegion(s),
  "POST /api/v1/reorganisations": (s) => ({ ...closeRegion(s), previewDigest: "0".repeat(64) }),
  "POST /api/v1/groups": (s) => ({
    name: `Gruppe ${randomBytes(3).toString("hex")}`,
    kind: "ad_hoc_group",
    reportsToId: s.w.ssu.id,
    approverBodyId: s.w.ssu.id,
    purpose: "Gruppen beskriver en fælles model for noget vigtigt.",
    periodFrom: "2025-03-06",
    periodTo: "2026-12-31",
    on: "2025-03-06",
  }),
};

/** A request for the operation (or page route) that passes validation, so that only the rights decide. */
export function buildRequest(s: SecurityWorld, op: Operation | { method: string; path: string }): Built {
  const { method, path } = op;
  const url = fillPath(path, (p) => paramValue(s, method, path, p));
  if (path === "/api/v1/imports" && method === "POST") {
    return { method, url: `${url}?bodyId=${s.w.ssu.id}`, ...multipart("referat.txt", MINUTES_TEXT) };
  }
  if (path === "/api/v1/indicators/load") {
    // Any readable sheet: the rights are checked before its columns.
    return {
      method,
      url: `${url}?fileName=vaerdier.csv`,
      payload: "indicator,area_kind,area_code,period,value\n",
      headers: { "content-type": "text/csv" },
    };
  }
  if (method === "PUT" && (path.endsWith("/content") || path.startsWith("/api/v1/obligations/"))) {
    const query = path.startsWith("/api/v1/attachments")
      ? `?version=${s.ids.draftFile.version}`
      : path.endsWith("/answers/file")
        ? `?bodyId=${s.ids.group}&fileName=svar.txt`
        : path.endsWith("/report")
          ? "?fileName=rapport.txt"
          : "";
    return { method, url: `${url}${query}`, payload: "Et bilag.", headers: { "content-type": "text/plain" } };
  }
  if (!path.startsWith("/api/") && method === "POST") {
    // Page forms, with the CSRF cookie and field a browser would send (web/csrf.ts).
    const cookie = { cookie: `tvaers_csrf=${CSRF}` };
    if (path === "/arbejdsrum/import" || (path.startsWith("/arbejdsrum/") && path.endsWith("/bilag"))) {
      const form = multipart("referat.txt", MINUTES_TEXT, { _csrf: CSRF });
      return { method, url, payload: form.payload, headers: { ...form.headers, ...cookie } };
    }
    const fields =
      path === "/log-ind"
        ? "email=medlem%40test.dk&password=korrekt-hest-batteri"
        : `x=1&versionId=${s.ids.mandateVersion.id}`;
    return {
      method,
      url: path === "/indikatorer/billede/ny" ? `${url}?punkt=${s.ids.draftItem.id}` : url,
      payload: `${fields}&_csrf=${CSRF}`,
      headers: { "content-type": "application/x-www-form-urlencoded", ...cookie },
    };
  }
  const override = OVERRIDES[`${method} ${path}`]?.(s);
  const body = override ?? ("body" in op && op.body ? sample(op.body.schema, "", hints(s)) : undefined);
  const query = "parameters" in op ? op.parameters.filter((p) => p.in === "query" && p.required) : [];
  const qs = query.map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name, hints(s))))}`);
  return {
    method,
    url: qs.length > 0 ? `${url}?${qs.join("&")}` : url,
    payload: body as object | undefined,
    headers: {},
  };
}
