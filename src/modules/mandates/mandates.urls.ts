import { idSlug } from "../../web/slug.ts";

/** /organer/12-ad-hoc-gruppe-om-…/kommissorium */
export function mandatePath(body: { id: number; name: string }): string {
  return `/organer/${idSlug(body.id, body.name)}/kommissorium`;
}

/** /organer/3-strategisk-sundhedsstyregruppe/grupper */
export function groupsPath(body: { id: number; name: string }): string {
  return `/organer/${idSlug(body.id, body.name)}/grupper`;
}
