/** Addresses of the obligation pages (under the workspace, behind the log-in). */
export const oblPath = (id: number) => `/arbejdsrum/forpligtelser/${id}`;
export const oblItemPath = (itemId: number) => `/arbejdsrum/forpligtelser/punkt/${itemId}`;
export const oblBodyPath = (bodyId: number) => `/arbejdsrum/organer/${bodyId}/forpligtelser`;
