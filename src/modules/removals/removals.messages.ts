import { t } from "../../web/i18n.ts";

/** "3.12.2026" in Danish time. */
function danishDay(d: Date): string {
  return new Intl.DateTimeFormat("da-DK", {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: "Europe/Copenhagen",
  }).format(d);
}

/** What stands where the passage stood, in Danish (the material is Danish): "[Oplysninger fjernet 3.12.2026 – …]". */
export function removalMarker(at: Date, reason: string): string {
  return t("da", "removal.marker", { date: danishDay(at), reason });
}
