/** Addresses of the obligation pages (under the workspace, behind the log-in). */
export const oblPath = (id: number) => `/arbejdsrum/forpligtelser/${id}`;
export const oblItemPath = (itemId: number) => `/arbejdsrum/forpligtelser/punkt/${itemId}`;
/** The obligations from a matter decided between meetings (its address kept by the matters module, which links it). */
export { matterObligationsPath as oblMatterPath } from "../matters/index.ts";
export const oblBodyPath = (bodyId: number) => `/arbejdsrum/organer/${bodyId}/forpligtelser`;
export const oblSideBySidePath = (id: number) => `/arbejdsrum/forpligtelser/${id}/side-om-side`;
export const oblReportPath = (id: number) => `/arbejdsrum/forpligtelser/${id}/rapport`;
export const oblAnswerFilePath = (id: number, addresseeId: number) =>
  `/arbejdsrum/forpligtelser/${id}/svar/${addresseeId}/fil`;
/** The reader's own obligations across their bodies and parties. */
export const oblMinePath = "/arbejdsrum/forpligtelser";
