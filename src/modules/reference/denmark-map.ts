/**
 * The map of Denmark as a hex grid: one hexagon per municipality, laid out from the real centroid of
 * each municipality (shipped/positions.csv, computed from DAGI's boundaries; docs/reference-data.md).
 * The capital area is magnified first (its 29 municipalities are small); then each municipality takes
 * the free grid cell nearest to its position, the most crowded first, so the country keeps its shape.
 * Bornholm is drawn as an inset north-east of Zealand, as printed maps of Denmark do. Pure and
 * deterministic: the same positions give the same map.
 */
export interface DenmarkCell {
  code: string;
  col: number;
  row: number;
  /** centre in SVG pixels */
  x: number;
  y: number;
}

export interface DenmarkLayout {
  width: number;
  height: number;
  radius: number;
  cells: DenmarkCell[];
  /** the inset frame around Bornholm, in SVG pixels */
  inset: { x: number; y: number; width: number; height: number } | null;
}

const COS_LAT = Math.cos((56 * Math.PI) / 180);
/** hexagon centre-to-centre distance in projected degrees (about 22 km) */
const STEP = 0.2;
/** the capital area is magnified (a fisheye around Copenhagen) so its many small municipalities fit */
const CAPITAL = { lat: 55.7, lon: 12.45, magnify: 3.5, sigma: 0.3 };
const ROW = (STEP * Math.sqrt(3)) / 2;
/** Bornholm's inset: where its centre is drawn instead of its real place (lat, lon) */
export const BORNHOLM = { code: "400", lat: 56.95, lon: 12.75 } as const;

function project(lat: number, lon: number): { x: number; y: number } {
  const cx = CAPITAL.lon * COS_LAT;
  const cy = -CAPITAL.lat;
  const dx = lon * COS_LAT - cx;
  const dy = -lat - cy;
  const u = (dx * dx + dy * dy) / (CAPITAL.sigma * CAPITAL.sigma);
  const f = 1 + (CAPITAL.magnify - 1) * Math.exp(-u);
  return { x: cx + dx * f, y: cy + dy * f };
}

function cellCentre(col: number, row: number): { x: number; y: number } {
  return { x: (col + (row & 1 ? 0.5 : 0)) * STEP, y: row * ROW };
}

/** Lays out the municipalities on the grid; `radius` is the hexagon radius in pixels. */
export function layoutDenmark(
  positions: { code: string; lat: number; lon: number }[],
  radius = 15,
): DenmarkLayout {
  if (positions.length === 0) {
    return { width: 0, height: 0, radius, cells: [], inset: null };
  }
  const points = positions.map((p) => {
    const at = p.code === BORNHOLM.code ? project(BORNHOLM.lat, BORNHOLM.lon) : project(p.lat, p.lon);
    return { code: p.code, ...at };
  });
  const minX = Math.min(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  for (const p of points) {
    p.x -= minX;
    p.y -= minY;
  }
  const crowd = (p: { x: number; y: number }) =>
    points.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < STEP * 1.5).length;
  const order = points
    .map((p) => ({ ...p, crowd: crowd(p) }))
    .sort((a, b) => b.crowd - a.crowd || a.code.localeCompare(b.code));
  const taken = new Set<string>();
  const placed: { code: string; col: number; row: number }[] = [];
  for (const p of order) {
    const row0 = Math.round(p.y / ROW);
    const col0 = Math.round(p.x / STEP);
    let best: { col: number; row: number; d: number } | null = null;
    for (let reach = 0; reach < 40 && !best; reach++) {
      for (let row = row0 - reach; row <= row0 + reach; row++) {
        for (let col = col0 - reach; col <= col0 + reach; col++) {
          if (taken.has(`${col},${row}`)) {
            continue;
          }
          const c = cellCentre(col, row);
          const d = Math.hypot(c.x - p.x, c.y - p.y);
          if (!best || d < best.d - 1e-9) {
            best = { col, row, d };
          }
        }
      }
    }
    if (!best) {
      throw new Error(`no free cell near ${p.code}`);
    }
    taken.add(`${best.col},${best.row}`);
    placed.push({ code: p.code, col: best.col, row: best.row });
  }
  const minCol = Math.min(...placed.map((c) => c.col));
  const minRow = Math.min(...placed.map((c) => c.row));
  const w = Math.sqrt(3) * radius;
  const pad = radius + 4;
  const cells = placed
    .map((c) => {
      const col = c.col - minCol;
      const row = c.row - minRow;
      return {
        code: c.code,
        col,
        row,
        x: pad + (col + (row & 1 ? 0.5 : 0)) * w,
        y: pad + row * 1.5 * radius,
      };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const width = Math.ceil(Math.max(...cells.map((c) => c.x)) + pad);
  const height = Math.ceil(Math.max(...cells.map((c) => c.y)) + pad);
  const bornholm = cells.find((c) => c.code === BORNHOLM.code);
  const inset = bornholm
    ? { x: bornholm.x - w, y: bornholm.y - 1.6 * radius, width: 2 * w, height: 3.2 * radius }
    : null;
  return { width, height, radius, cells, inset };
}
