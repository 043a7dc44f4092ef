import { ROLES, type Role } from "./world.ts";

/**
 * Who may call each route, relative to the body the target belongs to (the SSU in the test world).
 * docs/security.md explains the groups; keep both in step. Every route Fastify registers must have a
 * rule here (the authorization test fails on one without), keyed by "METHOD /path" exactly as registered.
 *
 * - allow: the roles that get through; every other role is refused: 401 when anonymous, else 403.
 * Pages answer a refused reader as pages do: anonymous GETs are sent to /log-ind (303), anonymous form
 * posts fail the CSRF check (403, no session means no form), and a form is read before the rights are
 * checked, so a logged-in reader without the right may get the form back with its errors (400); the test
 * checks that nothing changed in every case.
 * - hidden: a refused role may get 404 instead, because the target is not visible to it (a draft
 *   meeting's item, someone else's saved search): it must not learn that the thing exists.
 */
export interface Rule {
  allow: readonly Role[];
  hidden?: boolean;
}

const ALL = ROLES;
const USERS = ROLES.filter((r) => r !== "anonymous");
const MEMBERS: Role[] = ["member", "chair", "secretary", "admin"];
const SECRETARIAT: Role[] = ["secretary", "admin"];
const ANY_SECRETARY: Role[] = ["otherSecretary", "secretary", "admin"];
const CHAIR: Role[] = ["chair", "admin"];
const ADMIN: Role[] = ["admin"];
/** the target belongs to the member (their own token, saved search): nobody else, not even an admin */
const OWNER: Role[] = ["member"];

const r = (allow: readonly Role[], hidden = false): Rule => ({ allow, hidden });

/** Rules by route group: the same table as docs/security.md. */
export const RULES: Record<string, Rule> = {
  // Operations, documentation, static files
  "GET /healthz": r(ALL),
  "GET /api/openapi.json": r(ALL),
  "GET /api/docs": r(ALL),
  "GET /api/docs/static/index.html": r(ALL),
  "GET /api/docs/static/swagger-initializer.js": r(ALL),
  "GET /api/docs/json": r(ALL),
  "GET /api/docs/yaml": r(ALL),
  "GET /api/docs/static/*": r(ALL),
  "GET /static/dkfds/:version/*": r(ALL),
  "GET /static/app/:version/*": r(ALL),

  // Log-in, tokens, users
  "POST /api/v1/auth/login": r(ALL),
  "POST /api/v1/auth/logout": r(ALL),
  "GET /api/v1/auth/me": r(USERS),
  "GET /api/v1/tokens": r(USERS),
  "POST /api/v1/tokens": r(USERS),
  "DELETE /api/v1/tokens/:id": r(OWNER, true),
  "GET /api/v1/users": r(ADMIN),
  "GET /api/v1/users/:id": r(ADMIN),
  "POST /api/v1/users": r(ADMIN),
  "PATCH /api/v1/users/:id": r(ADMIN),
  "DELETE /api/v1/users/:id": r(ADMIN),

  // Parties, bodies, persons, memberships
  "GET /api/v1/parties": r(ALL),
  "GET /api/v1/parties/:id": r(ALL),
  "POST /api/v1/parties": r(ADMIN),
  "PATCH /api/v1/parties/:id": r(ADMIN),
  "DELETE /api/v1/parties/:id": r(ADMIN),
  "GET /api/v1/bodies": r(ALL),
  "GET /api/v1/bodies/:id": r(ALL),
  "POST /api/v1/bodies": r(ADMIN),
  "PATCH /api/v1/bodies/:id": r(SECRETARIAT),
  "DELETE /api/v1/bodies/:id": r(ADMIN),
  "GET /api/v1/persons": r(ALL),
  "GET /api/v1/persons/:id": r(ALL),
  "POST /api/v1/persons": r(ANY_SECRETARY),
  "PATCH /api/v1/persons/:id": r(ANY_SECRETARY),
  "DELETE /api/v1/persons/:id": r(ANY_SECRETARY),
  "GET /api/v1/memberships": r(ALL),
  "GET /api/v1/memberships/:id": r(ALL),
  "POST /api/v1/memberships": r(SECRETARIAT),
  "PATCH /api/v1/memberships/:id": r(SECRETARIAT),
  "DELETE /api/v1/memberships/:id": r(SECRETARIAT),

  // Meetings, items and their children (reads: published material; closed parts are the canary's job)
  "GET /api/v1/meetings": r(ALL),
  "GET /api/v1/meetings/:id": r(ALL),
  "GET /api/v1/meetings/:id/details": r(ALL),
  "POST /api/v1/meetings": r(SECRETARIAT),
  "PATCH /api/v1/meetings/:id": r(SECRETARIAT),
  "DELETE /api/v1/meetings/:id": r(SECRETARIAT),
  "POST /api/v1/meetings/:id/transition": r(SECRETARIAT),
  "POST /api/v1/meetings/:id/cancel": r(SECRETARIAT),
  "POST /api/v1/meetings/:id/items/reorder": r(SECRETARIAT),
  "GET /api/v1/meetings/:parentId/attendance": r(ALL),
  "GET /api/v1/attendance/:id": r(MEMBERS, true),
  "POST /api/v1/meetings/:parentId/attendance": r(SECRETARIAT),
  "PATCH /api/v1/attendance/:id": r(SECRETARIAT, true),
  "DELETE /api/v1/attendance/:id": r(SECRETARIAT, true),
  "GET /api/v1/meetings/:parentId/items": r(ALL),
  "GET /api/v1/items": r(ALL),
  "GET /api/v1/items/:id": r(ALL),
  "POST /api/v1/meetings/:parentId/items": r(SECRETARIAT),
  "PATCH /api/v1/items/:id": r(SECRETARIAT, true),
  "DELETE /api/v1/items/:id": r(SECRETARIAT, true),
  "POST /api/v1/items/:id/corrections": r(SECRETARIAT),
  "GET /api/v1/items/:id/corrections": r(ALL),
  "GET /api/v1/items/:parentId/absences": r(ALL),
  "GET /api/v1/absences/:id": r(MEMBERS, true),
  "POST /api/v1/items/:parentId/absences": r(SECRETARIAT, true),
  "PATCH /api/v1/absences/:id": r(SECRETARIAT, true),
  "DELETE /api/v1/absences/:id": r(SECRETARIAT, true),
  "GET /api/v1/items/:parentId/attachments": r(ALL),
  "GET /api/v1/attachments/:id": r(ALL),
  "POST /api/v1/items/:parentId/attachments": r(SECRETARIAT, true),
  "PATCH /api/v1/attachments/:id": r(SECRETARIAT, true),
  "DELETE /api/v1/attachments/:id": r(SECRETARIAT, true),
  "PUT /api/v1/attachments/:id/content": r(SECRETARIAT, true),
  "GET /api/v1/attachments/:id/content": r(ALL),
  "GET /api/v1/meetings/:id/history": r(SECRETARIAT),
  "GET /api/v1/items/:id/history": r(SECRETARIAT),

  // Cases and follow-ups
  "GET /api/v1/cases": r(ALL),
  "GET /api/v1/cases/:id": r(ALL),
  "POST /api/v1/cases": r(SECRETARIAT),
  "PATCH /api/v1/cases/:id": r(SECRETARIAT),
  "DELETE /api/v1/cases/:id": r(SECRETARIAT),
  "GET /api/v1/cases/:parentId/consultations": r(ALL),
  "GET /api/v1/consultations/:id": r(ALL),
  "POST /api/v1/cases/:parentId/consultations": r(SECRETARIAT, true),
  "PATCH /api/v1/consultations/:id": r(SECRETARIAT),
  "DELETE /api/v1/consultations/:id": r(SECRETARIAT),
  "GET /api/v1/cases/:id/timeline": r(ALL),
  "POST /api/v1/items/:id/refer": r(SECRETARIAT),
  "GET /api/v1/bodies/:id/next-meeting/cases": r(MEMBERS),
  "GET /api/v1/case-proposals": r(ANY_SECRETARY),
  "POST /api/v1/case-proposals/confirm": r(SECRETARIAT, true),
  "POST /api/v1/case-proposals/reject": r(SECRETARIAT, true),
  "GET /api/v1/actions": r(ALL),
  "GET /api/v1/actions/:id": r(MEMBERS, true),
  "POST /api/v1/actions": r(SECRETARIAT),
  "PATCH /api/v1/actions/:id": r(SECRETARIAT, true),
  "DELETE /api/v1/actions/:id": r(SECRETARIAT, true),
  "GET /api/v1/items/:id/action-proposals": r(SECRETARIAT),
  "GET /api/v1/bodies/:id/next-agenda/actions": r(ALL),

  // Documents, calendars, feeds (public editions; members may ask for the full one)
  "GET /api/v1/meetings/:id/agenda.pdf": r(ALL),
  "GET /api/v1/meetings/:id/agenda.docx": r(ALL),
  "GET /api/v1/meetings/:id/minutes.pdf": r(ALL),
  "GET /api/v1/meetings/:id/minutes.docx": r(ALL),
  "GET /api/v1/meetings/:id/documents": r(ALL),
  "GET /api/v1/documents/:id/content": r(ALL),
  "GET /api/v1/meetings/:id/event.ics": r(ALL),
  "GET /api/v1/calendar.ics": r(ALL),
  "GET /api/v1/bodies/:id/calendar.ics": r(ALL),
  "GET /api/v1/feed.atom": r(ALL),
  "GET /api/v1/bodies/:id/feed.atom": r(ALL),
  "GET /api/v1/bodies/:id/plan/:file": r(ALL),

  // Import
  "POST /api/v1/imports": r(SECRETARIAT),
  "GET /api/v1/imports/:id": r(SECRETARIAT, true),
  "POST /api/v1/imports/:id/confirm": r(SECRETARIAT, true),
  "DELETE /api/v1/imports/:id": r(SECRETARIAT, true),

  // Search
  "GET /api/v1/search": r(ALL),
  "GET /api/v1/search/feed": r(ALL),
  "GET /api/v1/saved-searches": r(USERS),
  "GET /api/v1/saved-searches/:id": r(OWNER, true),
  "POST /api/v1/saved-searches": r(USERS),
  "PATCH /api/v1/saved-searches/:id": r(OWNER, true),
  "DELETE /api/v1/saved-searches/:id": r(OWNER, true),

  // Funds and initiatives
  "GET /api/v1/funds": r(ALL),
  "GET /api/v1/funds/:id": r(ALL),
  "POST /api/v1/funds": r(SECRETARIAT),
  "PATCH /api/v1/funds/:id": r(SECRETARIAT),
  "DELETE /api/v1/funds/:id": r(SECRETARIAT),
  "PUT /api/v1/funds/:id/parties": r(SECRETARIAT),
  "PUT /api/v1/funds/:id/income/:year": r(SECRETARIAT),
  "GET /api/v1/funds/:id/grants": r(ALL),
  "POST /api/v1/funds/:id/grants/preview": r(SECRETARIAT),
  "POST /api/v1/funds/:id/grants": r(SECRETARIAT),
  "GET /api/v1/grants/:id": r(ALL),
  "PATCH /api/v1/grants/:id": r(SECRETARIAT),
  "DELETE /api/v1/grants/:id": r(SECRETARIAT),
  "POST /api/v1/funds/:id/carry-overs": r(SECRETARIAT),
  "GET /api/v1/funds/:id/status": r(ALL),
  "GET /api/v1/funds/:id/status.csv": r(ALL),
  "GET /api/v1/funds/:id/status.xlsx": r(ALL),
  "POST /api/v1/funds/:id/status.xlsx/attach": r(SECRETARIAT),
  "GET /api/v1/funds/:id/history": r(MEMBERS),
  "GET /api/v1/initiatives/overview": r(ALL),
  "GET /api/v1/initiatives": r(ALL),
  "GET /api/v1/initiatives/:id": r(ALL),
  "POST /api/v1/initiatives": r(SECRETARIAT),
  "PATCH /api/v1/initiatives/:id": r(SECRETARIAT),
  "DELETE /api/v1/initiatives/:id": r(SECRETARIAT),
  "POST /api/v1/initiatives/:id/status": r(SECRETARIAT),
  "GET /api/v1/initiatives/:id/status-history": r(ALL),
  "GET /api/v1/meetings/:id/initiative-status": r(ALL),

  // Working groups and mandates; agreements and hearings
  "POST /api/v1/groups": r(SECRETARIAT),
  "GET /api/v1/bodies/:id/mandate": r(ALL),
  "POST /api/v1/bodies/:id/mandate": r(SECRETARIAT),
  "POST /api/v1/bodies/:id/mandate/versions": r(SECRETARIAT),
  "POST /api/v1/mandate-versions/:id/approve": r(SECRETARIAT),
  "POST /api/v1/bodies/:id/mandate/reports": r(SECRETARIAT),
  "POST /api/v1/bodies/:id/mandate/status": r(SECRETARIAT),
  "GET /api/v1/bodies/:id/groups": r(ALL),
  "GET /api/v1/agreements": r(ALL),
  "POST /api/v1/agreements": r(SECRETARIAT),
  "GET /api/v1/agreements/:id": r(ALL),
  "PATCH /api/v1/agreements/:id": r(SECRETARIAT),
  "POST /api/v1/agreements/:id/versions": r(SECRETARIAT),
  "POST /api/v1/agreement-versions/:id/publish": r(SECRETARIAT),
  "PUT /api/v1/agreement-versions/:id/content": r(SECRETARIAT),
  "GET /api/v1/agreement-versions/:id/content": r(ALL),
  "POST /api/v1/agreements/:id/approve": r(SECRETARIAT),
  "POST /api/v1/agreements/:id/status": r(SECRETARIAT),
  "GET /api/v1/toolbox": r(ALL),
  "POST /api/v1/agreements/:id/hearings": r(SECRETARIAT),
  "POST /api/v1/hearings/:id/responses": r(SECRETARIAT),
  "POST /api/v1/hearings/:id/close": r(SECRETARIAT),
  "PUT /api/v1/hearing-responses/:id/content": r(SECRETARIAT),
  "GET /api/v1/hearing-responses/:id/content": r(MEMBERS, true),
  "POST /api/v1/hearing-responses/:id/remarks": r(SECRETARIAT),
  "PATCH /api/v1/hearing-remarks/:id": r(SECRETARIAT),
  "GET /api/v1/hearings/:id/matrix.csv": r(MEMBERS, true),
  "GET /api/v1/hearings/:id/matrix.docx": r(MEMBERS, true),

  // OParl: public data only, whoever asks
  "GET /oparl/v1.1": r(ALL),
  "GET /oparl/v1.1/body": r(ALL),
  "GET /oparl/v1.1/body/:slug": r(ALL),
  "GET /oparl/v1.1/body/:slug/:list": r(ALL),
  "GET /oparl/v1.1/organization/:id/:list": r(ALL),
  "GET /oparl/v1.1/:kind/:id": r(ALL),

  // Readable documents, calendars and feeds for the pages
  "GET /soeg/feed.atom": r(ALL),
  "GET /moeder/:param/dagsorden.pdf": r(ALL),
  "GET /moeder/:param/dagsorden.docx": r(ALL),
  "GET /moeder/:param/referat.pdf": r(ALL),
  "GET /moeder/:param/referat.docx": r(ALL),
  "GET /moeder/:param/kalender.ics": r(ALL),
  "GET /kalender.ics": r(ALL),
  "GET /organer/:param/kalender.ics": r(ALL),
  "GET /nyt.atom": r(ALL),
  "GET /organer/:param/nyt.atom": r(ALL),
  "GET /organer/:param/moedeplan/:file": r(ALL),

  // Pages (GET: everyone, closed parts are the canary's job; forms: the body's secretariat)
  "GET /": r(ALL),
  "GET /organer": r(ALL),
  "GET /organer/:param": r(ALL),
  "GET /sitemap.xml": r(ALL),
  "GET /moeder/:param": r(ALL),
  "GET /kalender": r(ALL),
  "GET /soeg": r(ALL),
  "GET /personer/:param": r(ALL),
  "GET /log-ind": r(ALL),
  "POST /log-ind": r(ALL),
  "GET /log-ud": r(ALL),
  "POST /log-ud": r(ALL),
  "GET /puljer": r(ALL),
  "GET /puljer/:param": r(ALL),
  "GET /puljer/:param/status.csv": r(ALL),
  "GET /puljer/:param/status.xlsx": r(ALL),
  "POST /puljer/:param/indtaegt": r(SECRETARIAT),
  "POST /puljer/:param/bevillinger": r(SECRETARIAT),
  "POST /puljer/:param/bilag": r(SECRETARIAT),
  "POST /puljer/:param/overfoersel": r(SECRETARIAT),
  "GET /indsatser": r(ALL),
  "GET /indsatser/kort": r(ALL),
  "GET /indsatser/status/:id": r(ALL),
  "GET /indsatser/:param": r(ALL),
  "POST /indsatser/:param/status": r(SECRETARIAT),
  "GET /static/js/:hash/:file": r(ALL),

  // Mandates and agreements pages
  "GET /organer/:param/kommissorium": r(ALL),
  "POST /organer/:param/kommissorium/godkend": r(SECRETARIAT),
  "POST /organer/:param/kommissorium/afrapportering": r(SECRETARIAT),
  "POST /organer/:param/kommissorium/revider": r(SECRETARIAT),
  "POST /organer/:param/kommissorium/status": r(SECRETARIAT),
  "GET /organer/:param/grupper": r(ALL),
  "POST /organer/:param/grupper": r(SECRETARIAT),
  "GET /vaerktoejskasse": r(ALL),
  "GET /aftaler/ny": r(ANY_SECRETARY),
  "POST /aftaler/ny": r(SECRETARIAT),
  "GET /aftaler/:param": r(ALL),
  "POST /aftaler/:param/version": r(SECRETARIAT),
  "POST /aftaler/:param/hoering": r(SECRETARIAT),
  "POST /aftaler/:param/svar": r(SECRETARIAT),
  "POST /aftaler/:param/bemaerkning/:remarkId": r(SECRETARIAT),
  "POST /aftaler/:param/afslut-hoering": r(SECRETARIAT),
  "POST /aftaler/:param/godkend": r(SECRETARIAT),
  "POST /aftaler/:param/status": r(SECRETARIAT),

  // The secretariat's workspace (/arbejdsrum): logged-in users; a body's meetings for its secretariat
  "GET /arbejdsrum": r(USERS),
  "GET /arbejdsrum/organer/:id": r(MEMBERS, true),
  "POST /arbejdsrum/organer/:id/moeder": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/standardpunkter": r(SECRETARIAT, true),
  "GET /arbejdsrum/moeder/:id": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/punkter": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/punkter/:itemId/flyt": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/raekkefoelge": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/sager": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/opfoelgninger": r(SECRETARIAT, true),
  "GET /arbejdsrum/moeder/:id/punkter/:itemId": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/punkter/:itemId": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/punkter/:itemId/slet": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/punkter/:itemId/bilag": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/punkter/:itemId/bilag/:attachmentId/slet": r(SECRETARIAT, true),
  "POST /arbejdsrum/forhaandsvisning": r(USERS),
  "GET /arbejdsrum/moeder/:id/moedet": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/moedet/fremmoede": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/moedet/fremmoede/ekstra": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/moedet/fremmoede/:attendanceId/slet": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/moedet/punkter/:itemId": r(SECRETARIAT, true),
  "GET /arbejdsrum/moeder/:id/referat": r(MEMBERS, true),
  "POST /arbejdsrum/moeder/:id/referat/punkter/:itemId/rettelse": r(SECRETARIAT, true),
  "POST /arbejdsrum/moeder/:id/status": r(SECRETARIAT, true),
  "GET /arbejdsrum/import": r(ANY_SECRETARY),
  "POST /arbejdsrum/import": r(ANY_SECRETARY),
  "GET /arbejdsrum/import/:id": r(SECRETARIAT, true),
  "POST /arbejdsrum/import/:id": r(SECRETARIAT, true),
};

export const GROUPS = { ALL, USERS, MEMBERS, SECRETARIAT, ANY_SECRETARY, CHAIR, ADMIN, OWNER };
