/** drizzle-kit entry: every module's tables. */
export * from "../modules/actions/actions.tables.ts";
export * from "../modules/agreements/agreements.tables.ts";
export * from "../modules/auth/auth.tables.ts";
export * from "../modules/bodies/bodies.tables.ts";
export * from "../modules/cases/cases.tables.ts";
export * from "../modules/documents/documents.tables.ts";
export * from "../modules/files/files.tables.ts";
export * from "../modules/funds/funds.tables.ts";
export * from "../modules/import/import.tables.ts";
export * from "../modules/initiatives/initiatives.tables.ts";
export * from "../modules/mandates/mandates.tables.ts";
export * from "../modules/meetings/items.tables.ts";
export * from "../modules/meetings/meetings.tables.ts";
export * from "../modules/oparl/oparl.tables.ts";
export * from "../modules/parties/parties.tables.ts";
export * from "../modules/people/people.tables.ts";
export * from "../modules/search/search.tables.ts";
