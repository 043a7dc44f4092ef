import type { PgTable } from "drizzle-orm/pg-core";
import { actions } from "../actions/actions.tables.ts";
import {
  agreementEvents,
  agreements,
  agreementVersions,
  hearingInvitees,
  hearingRemarks,
  hearingResponses,
  hearings,
  implementationChanges,
  ratificationSteps,
} from "../agreements/agreements.tables.ts";
import { auditLog } from "../audit/audit.tables.ts";
import { apiTokens, users } from "../auth/auth.tables.ts";
import { oidcIdentities } from "../auth/oidc.tables.ts";
import { bodies } from "../bodies/bodies.tables.ts";
import { caseLinkRejections, caseNumbers, cases, consultations } from "../cases/cases.tables.ts";
import { documentJobs, publishedDocumentModels, publishedDocuments } from "../documents/documents.tables.ts";
import { storedFiles } from "../files/files.tables.ts";
import {
  fundCarryOvers,
  fundHistory,
  fundIncome,
  fundParties,
  funds,
  grantParts,
  grants,
} from "../funds/funds.tables.ts";
import { importedDocuments } from "../import/import.tables.ts";
import {
  bodyDashboards,
  indicatorLoads,
  indicatorSnapshots,
  indicators,
  indicatorValues,
} from "../indicators/indicators.tables.ts";
import {
  initiativeDocuments,
  initiativeParties,
  initiativePartyFigures,
  initiativePartyVariants,
  initiativeStatusChanges,
  initiatives,
} from "../initiatives/initiatives.tables.ts";
import { mandateEvents, mandateVersions } from "../mandates/mandates.tables.ts";
import { matterAnswers, matterAttachments, matterBodyRules, matters } from "../matters/matters.tables.ts";
import { agendaSupplements } from "../meetings/agenda-supplements.tables.ts";
import { agendaItems, attachments, itemAbsences, minutesCorrections } from "../meetings/items.tables.ts";
import { attendance, meetings } from "../meetings/meetings.tables.ts";
import { minutesAnswers } from "../meetings/minutes-answers.tables.ts";
import { publicSubscriptions } from "../notifications/notifications.tables.ts";
import { obligationAddressees, obligations } from "../obligations/obligations.tables.ts";
import { deletedObjects } from "../oparl/oparl.tables.ts";
import { parties } from "../parties/parties.tables.ts";
import { memberships, persons } from "../people/people.tables.ts";
import { referenceAreas, referenceMemberships } from "../reference/reference.tables.ts";
import { personalDataRemovals } from "../removals/removals.tables.ts";
import { reorganisations, structureSuccessions } from "../reorganisation/reorganisation.tables.ts";
import { fileTexts, savedSearches, searchSubscriptions } from "../search/search.tables.ts";

/**
 * Every table an export holds, in an order where each row's references come before it.
 * Login sessions are left out on purpose: they are short-lived secrets, not data.
 */
export const EXPORT_TABLES: ReadonlyArray<{
  name: string;
  table: PgTable;
  sqlName: string;
  identity: boolean;
}> = [
  { name: "parties", table: parties, sqlName: "parties", identity: true },
  { name: "bodies", table: bodies, sqlName: "bodies", identity: true },
  { name: "persons", table: persons, sqlName: "persons", identity: true },
  { name: "memberships", table: memberships, sqlName: "memberships", identity: true },
  { name: "users", table: users, sqlName: "users", identity: true },
  { name: "apiTokens", table: apiTokens, sqlName: "api_tokens", identity: true },
  { name: "oidcIdentities", table: oidcIdentities, sqlName: "oidc_identities", identity: true },
  { name: "storedFiles", table: storedFiles, sqlName: "stored_files", identity: false },
  { name: "fileTexts", table: fileTexts, sqlName: "file_texts", identity: false },
  { name: "savedSearches", table: savedSearches, sqlName: "saved_searches", identity: true },
  {
    name: "publicSubscriptions",
    table: publicSubscriptions,
    sqlName: "public_subscriptions",
    identity: true,
  },
  {
    name: "searchSubscriptions",
    table: searchSubscriptions,
    sqlName: "search_subscriptions",
    identity: true,
  },
  { name: "meetings", table: meetings, sqlName: "meetings", identity: true },
  { name: "agendaItems", table: agendaItems, sqlName: "agenda_items", identity: true },
  { name: "attendance", table: attendance, sqlName: "attendance", identity: true },
  { name: "itemAbsences", table: itemAbsences, sqlName: "item_absences", identity: true },
  { name: "attachments", table: attachments, sqlName: "attachments", identity: true },
  { name: "minutesCorrections", table: minutesCorrections, sqlName: "minutes_corrections", identity: true },
  { name: "minutesAnswers", table: minutesAnswers, sqlName: "minutes_answers", identity: true },
  { name: "agendaSupplements", table: agendaSupplements, sqlName: "agenda_supplements", identity: true },
  { name: "publishedDocuments", table: publishedDocuments, sqlName: "published_documents", identity: true },
  {
    name: "publishedDocumentModels",
    table: publishedDocumentModels,
    sqlName: "published_document_models",
    identity: false,
  },
  {
    name: "personalDataRemovals",
    table: personalDataRemovals,
    sqlName: "personal_data_removals",
    identity: true,
  },
  // Pending work travels too, so a restore still makes the editions a publication asked for.
  { name: "documentJobs", table: documentJobs, sqlName: "document_jobs", identity: true },
  { name: "cases", table: cases, sqlName: "cases", identity: true },
  { name: "caseNumbers", table: caseNumbers, sqlName: "case_numbers", identity: true },
  { name: "consultations", table: consultations, sqlName: "consultations", identity: true },
  { name: "caseLinkRejections", table: caseLinkRejections, sqlName: "case_link_rejections", identity: true },
  { name: "actions", table: actions, sqlName: "actions", identity: true },
  { name: "obligations", table: obligations, sqlName: "obligations", identity: true },
  {
    name: "obligationAddressees",
    table: obligationAddressees,
    sqlName: "obligation_addressees",
    identity: true,
  },
  { name: "deletedObjects", table: deletedObjects, sqlName: "deleted_objects", identity: true },
  { name: "importedDocuments", table: importedDocuments, sqlName: "imported_documents", identity: true },
  // Last: restoring it as it was keeps the hash chain whole.
  { name: "auditLog", table: auditLog, sqlName: "audit_log", identity: true },
  { name: "initiatives", table: initiatives, sqlName: "initiatives", identity: true },
  { name: "initiativeParties", table: initiativeParties, sqlName: "initiative_parties", identity: true },
  {
    name: "initiativeDocuments",
    table: initiativeDocuments,
    sqlName: "initiative_documents",
    identity: true,
  },
  {
    name: "initiativeStatusChanges",
    table: initiativeStatusChanges,
    sqlName: "initiative_status_changes",
    identity: true,
  },
  {
    name: "initiativePartyVariants",
    table: initiativePartyVariants,
    sqlName: "initiative_party_variants",
    identity: true,
  },
  {
    name: "initiativePartyFigures",
    table: initiativePartyFigures,
    sqlName: "initiative_party_figures",
    identity: true,
  },
  { name: "funds", table: funds, sqlName: "funds", identity: true },
  { name: "fundParties", table: fundParties, sqlName: "fund_parties", identity: true },
  { name: "fundIncome", table: fundIncome, sqlName: "fund_income", identity: true },
  { name: "grants", table: grants, sqlName: "grants", identity: true },
  { name: "grantParts", table: grantParts, sqlName: "grant_parts", identity: true },
  { name: "fundCarryOvers", table: fundCarryOvers, sqlName: "fund_carry_overs", identity: true },
  { name: "fundHistory", table: fundHistory, sqlName: "fund_history", identity: true },
  { name: "mandateVersions", table: mandateVersions, sqlName: "mandate_versions", identity: true },
  { name: "mandateEvents", table: mandateEvents, sqlName: "mandate_events", identity: true },
  { name: "matters", table: matters, sqlName: "matters", identity: true },
  { name: "matterAnswers", table: matterAnswers, sqlName: "matter_answers", identity: true },
  { name: "matterBodyRules", table: matterBodyRules, sqlName: "matter_body_rules", identity: true },
  { name: "matterAttachments", table: matterAttachments, sqlName: "matter_attachments", identity: true },
  { name: "agreements", table: agreements, sqlName: "agreements", identity: true },
  { name: "agreementVersions", table: agreementVersions, sqlName: "agreement_versions", identity: true },
  { name: "agreementEvents", table: agreementEvents, sqlName: "agreement_events", identity: true },
  { name: "hearings", table: hearings, sqlName: "hearings", identity: true },
  { name: "hearingInvitees", table: hearingInvitees, sqlName: "hearing_invitees", identity: true },
  { name: "hearingResponses", table: hearingResponses, sqlName: "hearing_responses", identity: true },
  { name: "hearingRemarks", table: hearingRemarks, sqlName: "hearing_remarks", identity: true },
  {
    name: "implementationChanges",
    table: implementationChanges,
    sqlName: "implementation_changes",
    identity: true,
  },
  { name: "ratificationSteps", table: ratificationSteps, sqlName: "ratification_steps", identity: true },
  { name: "reorganisations", table: reorganisations, sqlName: "reorganisations", identity: true },
  {
    name: "structureSuccessions",
    table: structureSuccessions,
    sqlName: "structure_successions",
    identity: true,
  },
  { name: "referenceAreas", table: referenceAreas, sqlName: "reference_areas", identity: true },
  {
    name: "referenceMemberships",
    table: referenceMemberships,
    sqlName: "reference_memberships",
    identity: true,
  },
  { name: "indicators", table: indicators, sqlName: "indicators", identity: true },
  { name: "indicatorLoads", table: indicatorLoads, sqlName: "indicator_loads", identity: true },
  { name: "indicatorValues", table: indicatorValues, sqlName: "indicator_values", identity: true },
  { name: "bodyDashboards", table: bodyDashboards, sqlName: "body_dashboards", identity: true },
  { name: "indicatorSnapshots", table: indicatorSnapshots, sqlName: "indicator_snapshots", identity: true },
];
