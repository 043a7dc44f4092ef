/** Addresses of the workspace's pages (all under /arbejdsrum, all behind the log-in). */
export const WS = "/arbejdsrum";
export const wsBody = (bodyId: number) => `${WS}/organer/${bodyId}`;
export const wsAgenda = (meetingId: number) => `${WS}/moeder/${meetingId}`;
export const wsItem = (meetingId: number, itemId: number) => `${WS}/moeder/${meetingId}/punkter/${itemId}`;
/** The chair's page for approving the agenda (where the body requires it). */
export const wsAgendaApproval = (meetingId: number) => `${WS}/moeder/${meetingId}/dagsorden-godkendelse`;
export const wsConduct = (meetingId: number) => `${WS}/moeder/${meetingId}/moedet`;
export const wsMinutes = (meetingId: number) => `${WS}/moeder/${meetingId}/referat`;
export const wsImports = `${WS}/import`;
export const wsImport = (id: string) => `${WS}/import/${encodeURIComponent(id)}`;

/** The workspace page where a meeting's next step is taken, by its status. */
export function wsNextStep(meeting: { id: number; status: string }): string {
  switch (meeting.status) {
    case "planned":
      return wsAgenda(meeting.id);
    case "agenda_published":
    case "held":
      return wsConduct(meeting.id);
    default:
      return wsMinutes(meeting.id);
  }
}
