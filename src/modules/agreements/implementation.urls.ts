import type { TMatrixQuery } from "./implementation.schemas.ts";

/** The implementation matrix; `.csv` and `.xlsx` beside it download the same matrix. */
export const IMPLEMENTATION_PATH = "/aftaler/implementering";

/** /aftaler/implementering/12/34: one party's implementation of one agreement, with its history. */
export const cellPath = (agreementId: number, partyId: number) =>
  `${IMPLEMENTATION_PATH}/${agreementId}/${partyId}`;

/** The filters as a query string ("" when none), so the downloads and the snapshot match the page. */
export function matrixQueryString(q: TMatrixQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (value !== undefined && value !== "") {
      params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
