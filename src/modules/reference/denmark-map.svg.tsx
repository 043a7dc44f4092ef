import type { Html } from "#jsx/jsx-runtime";
import type { DenmarkLayout } from "./denmark-map.ts";

/** What one hexagon shows: its colour, its accessible name and (optionally) a link and a short text. */
export interface DenmarkCellView {
  fill: string;
  /** the accessible name and hover title, e.g. "Esbjerg Kommune: 3 indsatser" */
  label: string;
  href?: string;
  /** a short text drawn in the hexagon (a count or a value) */
  text?: string;
  /** drawn faint: outside the chosen filter */
  faint?: boolean;
  current?: boolean;
}

/** The points of a pointy-top hexagon around (x, y). */
export function hexagon(x: number, y: number, r: number): string {
  return Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 180) * (60 * i - 30);
    return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`;
  }).join(" ");
}

/**
 * The hex map of Denmark as server-rendered SVG with a title and description for screen readers.
 * Every municipality of the layout is drawn exactly once; a cell without a view is drawn empty.
 */
export function DenmarkMapSvg(props: {
  id: string;
  title: string;
  desc: string;
  layout: DenmarkLayout;
  views: Map<string, DenmarkCellView>;
  insetLabel: string;
}): Html {
  const { layout } = props;
  const r = layout.radius - 1;
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={String(layout.width * 1.6)}
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
      class="tv-dk-map"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.desc}</desc>
      {layout.inset ? (
        <g>
          <rect
            x={layout.inset.x.toFixed(1)}
            y={layout.inset.y.toFixed(1)}
            width={layout.inset.width.toFixed(1)}
            height={layout.inset.height.toFixed(1)}
            fill="none"
            stroke="#767676"
            stroke-dasharray="3 2"
          />
          <title>{props.insetLabel}</title>
        </g>
      ) : null}
      {layout.cells.map((c) => {
        const v = props.views.get(c.code) ?? { fill: "#ffffff", label: c.code, faint: true };
        const shape = (
          <polygon
            points={hexagon(c.x, c.y, r)}
            fill={v.faint ? "#f3f3f3" : v.fill}
            stroke={v.current ? "#1a1a1a" : v.faint ? "#b0b0b0" : "#4d4d4d"}
            stroke-width={v.current ? "3" : "1"}
            data-code={c.code}
          />
        );
        const text =
          v.text && !v.faint ? (
            <text x={c.x.toFixed(1)} y={(c.y + 3.5).toFixed(1)} text-anchor="middle" class="tv-dk-text">
              {v.text}
            </text>
          ) : null;
        return v.href ? (
          <a href={v.href} aria-label={v.label} aria-current={v.current ? "true" : undefined}>
            <title>{v.label}</title>
            {shape}
            {text}
          </a>
        ) : (
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; role img gives the hexagon its name
          <g role="img" aria-label={v.label}>
            <title>{v.label}</title>
            {shape}
            {text}
          </g>
        );
      })}
    </svg>
  );
}
