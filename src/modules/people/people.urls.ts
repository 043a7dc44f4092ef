import { idSlug } from "../../web/slug.ts";

/** The readable address of a person's page: /personer/4-tina-kvist-madsen */
export function personPath(person: { id: number; name: string }): string {
  return `/personer/${idSlug(person.id, person.name)}`;
}
