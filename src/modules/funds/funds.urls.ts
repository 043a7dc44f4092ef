import { idSlug } from "../../web/slug.ts";

/** /puljer/3-klyngemidler-sundhedsklynge-nord */
export function fundPath(fund: { id: number; name: string }): string {
  return `/puljer/${idSlug(fund.id, fund.name)}`;
}
