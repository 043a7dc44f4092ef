/**
 * The initiative map: a schematic hex cartogram drawn by us (no tiles, no network). Each region is a
 * panel, each cluster a group of hexagons, one per municipality; a hexagon's shade says how many of
 * the shown initiatives involve the municipality, and it links to the list filtered to it. The map
 * is an enhancement: the same data is always on the page as a list and a table.
 */
export interface MapRegion {
  name: string;
  clusters: { name: string; municipalities: { partyId: number; name: string }[] }[];
}

export interface MapCell {
  partyId: number;
  name: string;
  cluster: string;
  region: string;
  x: number;
  y: number;
  count: number;
}

export interface MapLayout {
  width: number;
  height: number;
  cells: MapCell[];
  labels: { x: number; y: number; text: string; kind: "region" | "cluster" }[];
}

const R = 34; // hexagon radius
const W = Math.sqrt(3) * R;
const PANEL_GAP = 40;

/** Lays out the hexagons: clusters side by side in a region, two-row honeycombs; pure and deterministic. */
export function layoutMap(regions: MapRegion[], counts: Map<number, number>): MapLayout {
  const cells: MapCell[] = [];
  const labels: MapLayout["labels"] = [];
  let y = 30;
  let width = 0;
  for (const region of regions) {
    labels.push({ x: 10, y, text: region.name, kind: "region" });
    let x = 10;
    const top = y + 30;
    let tallest = 0;
    for (const cluster of region.clusters) {
      const perRow = Math.max(2, Math.ceil(Math.sqrt(cluster.municipalities.length)));
      labels.push({ x, y: top, text: cluster.name, kind: "cluster" });
      cluster.municipalities.forEach((m, i) => {
        const row = Math.floor(i / perRow);
        const col = i % perRow;
        cells.push({
          partyId: m.partyId,
          name: m.name,
          cluster: cluster.name,
          region: region.name,
          x: x + W / 2 + col * W + (row % 2 ? W / 2 : 0),
          y: top + 20 + R + row * 1.5 * R,
          count: counts.get(m.partyId) ?? 0,
        });
      });
      const rows = Math.ceil(cluster.municipalities.length / perRow);
      tallest = Math.max(tallest, 20 + R * 2 + (rows - 1) * 1.5 * R);
      x += perRow * W + W / 2 + PANEL_GAP;
    }
    width = Math.max(width, x);
    y = top + tallest + PANEL_GAP;
  }
  return { width: Math.ceil(Math.max(width, 320)), height: Math.ceil(y), cells, labels };
}

/** The points of a pointy-top hexagon around (x, y). */
export function hexPoints(x: number, y: number, r = R - 2): string {
  return Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 180) * (60 * i - 30);
    return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}

/** Four light shades, so black text on any of them has a contrast above 7:1. */
export const SHADES = ["#ffffff", "#deebf7", "#b7d4ea", "#8fbde0"] as const;

export function shadeOf(count: number, max: number): string {
  if (count === 0 || max === 0) {
    return SHADES[0];
  }
  const step = Math.min(3, Math.max(1, Math.ceil((count / max) * 3)));
  return SHADES[step] as string;
}

/** The label inside a hexagon: the name without " Kommune" (the link's accessible name starts with it). */
export function shortName(name: string): string {
  return name.replace(/ Kommune$/, "");
}
