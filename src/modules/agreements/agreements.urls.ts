import { idSlug } from "../../web/slug.ts";

/** /aftaler/12-samarbejdsaftale-om-udskrivning */
export function agreementPath(a: { id: number; title: string }): string {
  return `/aftaler/${idSlug(a.id, a.title)}`;
}
