/** Builds the stable URLs that are OParl objects' ids, from one base such as "https://tvaers.dk/oparl/v1.1". */
export const OPARL_TYPE = (name: string) => `https://schema.oparl.org/1.1/${name}`;

/** The OParl Body for bodies without a region. */
export const SHARED_REGION_SLUG = "faelles";

/** "Region Vestkyst" → "region-vestkyst" (Danish letters folded, so URLs stay readable). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

export class OparlUrls {
  constructor(
    readonly base: string,
    /** the site's own origin, for `web` links to the portal */
    readonly site: string,
  ) {}

  system = () => this.base;
  bodyList = () => `${this.base}/body`;
  body = (slug: string) => `${this.base}/body/${slug}`;
  regionList = (slug: string, list: string) => `${this.base}/body/${slug}/${list}`;
  organization = (id: number) => `${this.base}/organization/${id}`;
  party = (id: number) => `${this.base}/organization/party-${id}`;
  organizationMeetings = (id: number) => `${this.base}/organization/${id}/meeting`;
  organizationConsultations = (id: number) => `${this.base}/organization/${id}/consultation`;
  person = (id: number) => `${this.base}/person/${id}`;
  membership = (id: number) => `${this.base}/membership/${id}`;
  meeting = (id: number) => `${this.base}/meeting/${id}`;
  agendaItem = (id: number) => `${this.base}/agendaitem/${id}`;
  /** a file's key: an attachment's id, or `document-<id>` for a published agenda or minutes */
  file = (key: string) => `${this.base}/file/${key}`;
  /** shows the file in the browser (no `Content-Disposition: attachment`, spec 2-07) */
  fileAccess = (key: string) => `${this.base}/file/${key}/access`;
  /** downloads the file */
  fileDownload = (key: string) => `${this.base}/file/${key}/download`;
  paper = (id: number) => `${this.base}/paper/${id}`;
  consultation = (id: number) => `${this.base}/consultation/${id}`;
  location = (key: string) => `${this.base}/location/${key}`;
  legislativeTerm = (slug: string, startYear: number) => `${this.base}/legislativeterm/${slug}-${startYear}`;
  webMeeting = (id: number) => `${this.site}/moeder/${id}`;
  webBody = (id: number) => `${this.site}/organer/${id}`;
  webPerson = (id: number) => `${this.site}/personer/${id}`;
}
