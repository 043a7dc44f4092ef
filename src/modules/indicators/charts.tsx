import type { Html } from "#jsx/jsx-runtime";
import { BAR, LINE, linePoints, rankedBars, type Series } from "./charts.ts";

/** Colours and dash patterns of the series (never colour alone: each line also has its own dashes). */
const STYLES = [
  { stroke: "#0059b3", dash: "" },
  { stroke: "#1a1a1a", dash: "6 4" },
  { stroke: "#8a3b00", dash: "2 3" },
  { stroke: "#00664f", dash: "10 3 2 3" },
] as const;

/** A line chart over periods with one series per area (e.g. the area and its national reference). */
export function LineChart(props: {
  id: string;
  title: string;
  desc: string;
  labels: string[];
  series: Series[];
  format: (v: number) => string;
}): Html {
  const { ticks, x, y, points } = linePoints(props.labels, props.series);
  const every = Math.max(1, Math.ceil(props.labels.length / 8));
  return (
    <svg
      viewBox={`0 0 ${LINE.width} ${LINE.height}`}
      width={String(LINE.width)}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      xmlns="http://www.w3.org/2000/svg"
      class="tv-chart"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {ticks.map((v) => (
        <g>
          <line
            x1={String(LINE.left)}
            x2={String(LINE.width - LINE.right)}
            y1={y(v).toFixed(1)}
            y2={y(v).toFixed(1)}
            stroke="#d8d8d8"
          />
          <text x={String(LINE.left - 6)} y={(y(v) + 4).toFixed(1)} text-anchor="end" class="tv-chart-tick">
            {props.format(v)}
          </text>
        </g>
      ))}
      {props.labels.map((l, i) =>
        i % every === 0 || i === props.labels.length - 1 ? (
          <text
            x={x(i).toFixed(1)}
            y={String(LINE.height - LINE.bottom + 18)}
            text-anchor="middle"
            class="tv-chart-tick"
          >
            {l}
          </text>
        ) : null,
      )}
      {points.map((pts, s) => {
        const style = STYLES[s % STYLES.length] ?? STYLES[0];
        return (
          <g class="tv-chart-series" data-series={props.series[s]?.name ?? ""}>
            <polyline
              points={pts.map((p) => `${p.x},${p.y}`).join(" ")}
              fill="none"
              stroke={style.stroke}
              stroke-width="2.5"
              stroke-dasharray={style.dash || undefined}
            />
            {pts.map((p) => (
              <circle cx={String(p.x)} cy={String(p.y)} r="3" fill={style.stroke} />
            ))}
          </g>
        );
      })}
      {props.series.map((s, i) => {
        const style = STYLES[i % STYLES.length] ?? STYLES[0];
        const lx = LINE.left + i * 180;
        return (
          <g>
            <line
              x1={String(lx)}
              x2={String(lx + 28)}
              y1={String(LINE.height - 10)}
              y2={String(LINE.height - 10)}
              stroke={style.stroke}
              stroke-width="2.5"
              stroke-dasharray={style.dash || undefined}
            />
            <text x={String(lx + 34)} y={String(LINE.height - 6)} class="tv-chart-legend">
              {s.name.length > 24 ? `${s.name.slice(0, 23)}…` : s.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Ranked horizontal bars (highest first), value written at each bar's end. */
export function BarChart(props: {
  id: string;
  title: string;
  desc: string;
  items: { label: string; value: number; highlight?: boolean }[];
  format: (v: number) => string;
}): Html {
  const { height, bars } = rankedBars(props.items);
  const marked = new Set(props.items.filter((i) => i.highlight).map((i) => i.label));
  return (
    <svg
      viewBox={`0 0 ${BAR.width} ${height}`}
      width={String(BAR.width)}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      xmlns="http://www.w3.org/2000/svg"
      class="tv-chart"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {bars.map((b) => (
        <g>
          <text x={String(BAR.left - 6)} y={String(b.y + 15)} text-anchor="end" class="tv-chart-tick">
            {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
          </text>
          <rect
            x={String(b.x0)}
            y={String(b.y + 3)}
            width={String(Math.max(b.length, 1))}
            height="16"
            fill={marked.has(b.label) ? "#8a3b00" : "#0059b3"}
          />
          <text x={String(b.x0 + b.length + 4)} y={String(b.y + 15)} class="tv-chart-tick">
            {props.format(b.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}
