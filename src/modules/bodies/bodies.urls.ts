import { idSlug } from "../../web/slug.ts";

/** The readable address of a body's page: /organer/12-sundhedssamarbejdsudvalget */
export function bodyPath(body: { id: number; name: string }): string {
  return `/organer/${idSlug(body.id, body.name)}`;
}
