/** The workspace pages of matters decided between meetings. */
export const matterPath = (id: number) => `/arbejdsrum/beslutningssager/${id}`;
export const bodyMattersPath = (bodyId: number) => `/arbejdsrum/organer/${bodyId}/beslutningssager`;
