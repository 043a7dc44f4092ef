/** The workspace pages of matters decided between meetings. */
export const matterPath = (id: number) => `/arbejdsrum/beslutningssager/${id}`;
/** The obligations fanned out from a decided matter (the obligations module's page, which builds on matters). */
export const matterObligationsPath = (id: number) => `/arbejdsrum/forpligtelser/sag/${id}`;
export const bodyMattersPath = (bodyId: number) => `/arbejdsrum/organer/${bodyId}/beslutningssager`;
