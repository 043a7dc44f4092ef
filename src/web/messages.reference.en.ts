import type { daReference } from "./messages.reference.da.ts";

/** English messages of the reference data, the map of Denmark and the indicators (same keys as Danish). */
export const enReference: Record<keyof typeof daReference, string> = {
  "dkmap.heading": "Map of Denmark",
  "dkmap.lead":
    "Each hexagon is a municipality, placed by the municipality's geographic centre. The number is how many of the shown initiatives involve it. The table beside it shows the same figures.",
  "dkmap.filter": "Choose an area on the map of Denmark",
  "dkmap.region": "Region",
  "dkmap.cluster": "Health cluster",
  "dkmap.council": "Health council",
  "dkmap.title": "Denmark's 98 municipalities as hexagons",
  "dkmap.desc":
    "{n} of {total} municipalities are in the chosen area; the others are drawn faint. Bornholm is drawn in a frame north-east of Zealand.",
  "dkmap.cell": "{name}: {n} initiatives",
  "dkmap.cellOutside": "{name}: outside the chosen area",
  "dkmap.inset": "Bornholm (moved into a frame)",
  "dkmap.caption": "The map is schematic: the hexagons follow the municipalities' positions, not their size.",
  "dkmap.sources": "Sources of the map and the reference data",
  "dkmap.tableCaption": "Municipalities in the chosen area ({n})",
  "dkmap.code": "Code",
  "dkmap.municipality": "Municipality",
  "dkmap.regionBefore": "Region until 31.12.2026",
  "dkmap.regionAfter": "Region from 1.1.2027",
  "dkmap.count": "Initiatives",
  "dkmap.schematicHeading": "Map of the demo region",
  "ref.title": "Reference data",
  "ref.lead":
    "Denmark's regions and municipalities with official codes, health clusters and health councils with their periods. Tværs' maps, pickers and indicators build on them. Every fact has a source (see docs/reference-data.md).",
  "ref.loaded":
    "Reference data loaded: {areas} new areas ({areasUpdated} corrected), {memberships} new memberships, {parties} new parties ({partiesUpdated} corrected).",
  "ref.countsCaption": "Areas in the reference data",
  "ref.kind": "Kind",
  "ref.count": "Count",
  "ref.kind.region": "Region",
  "ref.kind.municipality": "Municipality",
  "ref.kind.cluster": "Health cluster",
  "ref.kind.health_council": "Health council",
  "ref.kind.hospital": "Hospital",
  "ref.sourcesNote":
    "The Source column refers to the list of sources in docs/reference-data.md; «csv» means loaded by an administrator from a file.",
  "ref.areasHeading": "All areas",
  "ref.areasCaption": "Areas ({n}) with code, name, period and source",
  "ref.name": "Name",
  "ref.from": "From",
  "ref.to": "To",
  "ref.source": "Source",
  "ref.loadHeading": "Load reference data",
  "ref.loadShippedHint":
    "Loads the shipped data: 98 municipalities, the five regions until 31.12.2026 and the four from 1.1.2027, and the health clusters a public source names. Can be run again without making duplicates.",
  "ref.loadShipped": "Load the shipped data",
  "ref.uploadHeading": "Load from CSV",
  "ref.uploadHint":
    "E.g. the health councils' municipalities: an areas file (kind,code,name,valid_from,valid_to,source) and/or a memberships file (kind,code,parent_kind,parent_code,valid_from,valid_to,source). All or nothing: a file with errors is not loaded, and every error is shown.",
  "ref.areasFile": "Areas (CSV)",
  "ref.membershipsFile": "Memberships (CSV)",
  "ref.upload": "Load the files",
  "ref.forbidden": "Only administrators can load reference data.",
  "ref.notMultipart": "The form must be sent as a file upload.",
  "ref.tooLarge": "The file is too large (at most 5 MB).",
  "ref.noFiles": "Choose at least one CSV file.",
  "ref.refused": "Nothing was loaded: {n} row(s) could not be read.",
};
