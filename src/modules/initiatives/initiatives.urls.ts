import { idSlug } from "../../web/slug.ts";

/** /indsatser/12-kom-trygt-hjem */
export function initiativePath(i: { id: number; title: string }): string {
  return `/indsatser/${idSlug(i.id, i.title)}`;
}
