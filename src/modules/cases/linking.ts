/**
 * Which archive items are proposed as one case (pure). Evidence: a shared case number across
 * meetings, or titles that match closely (pg_trgm similarity, computed in SQL) within a time window.
 * Meeting-wide journal numbers (on a standard item, or on three or more items of one meeting) and
 * standard items ("Godkendelse af referat", "Eventuelt" …) are no evidence.
 */

export interface LinkItem {
  id: number;
  meetingId: number;
  bodyId: number;
  /** local meeting date YYYY-MM-DD */
  date: string;
  number: number;
  title: string;
  kind: string;
  caseNumbers: string[];
}

export interface Edge {
  a: number;
  b: number;
  reason: string;
}

export const TITLE_THRESHOLD = 0.5;
export const WINDOW_DAYS = 400;

const STANDARD_TITLE =
  /^(?:godkendelse af (?:dagsorden|referat)|eventuelt|meddelelser(?:\s|$)|skriftlige? (?:beretninger|orienteringer?)|orientering(?:er)?$|sager til (?:næste|det kommende) møde|godkendelse af sager til|dagsorden til|velkomst)/iu;

export function isStandardItem(item: Pick<LinkItem, "title" | "kind">): boolean {
  return item.kind === "standard" || STANDARD_TITLE.test(item.title.trim());
}

/** The stable key of an item: it survives a re-import that replaces the row. */
export function itemKey(item: Pick<LinkItem, "bodyId" | "date" | "number">): string {
  return `${item.bodyId}:${item.date}:${item.number}`;
}

export function pairKey(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Case numbers of a meeting that are the meeting's own journal number, not a case's. */
export function meetingWideNumbers(items: LinkItem[]): Set<string> {
  const count = new Map<string, number>();
  const onStandard = new Set<string>();
  for (const item of items) {
    for (const n of new Set(item.caseNumbers)) {
      count.set(n, (count.get(n) ?? 0) + 1);
      if (isStandardItem(item)) {
        onStandard.add(n);
      }
    }
  }
  return new Set([...count].filter(([n, c]) => c >= 3 || onStandard.has(n)).map(([n]) => n));
}

/** Edges from shared case numbers between items of different meetings. */
export function caseNumberEdges(items: LinkItem[]): Edge[] {
  const byMeeting = new Map<number, LinkItem[]>();
  for (const item of items) {
    byMeeting.set(item.meetingId, [...(byMeeting.get(item.meetingId) ?? []), item]);
  }
  const byNumber = new Map<string, LinkItem[]>();
  for (const group of byMeeting.values()) {
    const wide = meetingWideNumbers(group);
    for (const item of group) {
      if (isStandardItem(item)) {
        continue;
      }
      for (const n of new Set(item.caseNumbers)) {
        if (!wide.has(n)) {
          byNumber.set(n, [...(byNumber.get(n) ?? []), item]);
        }
      }
    }
  }
  const edges: Edge[] = [];
  for (const [n, group] of byNumber) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [x, y] = [group[i] as LinkItem, group[j] as LinkItem];
        if (x.meetingId !== y.meetingId) {
          edges.push({ a: x.id, b: y.id, reason: `sagsnummer ${n}` });
        }
      }
    }
  }
  return edges;
}

const years = (title: string) => new Set(title.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? []);

/** A body's own housekeeping: every body constitutes itself and plans its meetings, each its own case. */
const HOUSEKEEPING_TITLE =
  /^(?:konstituering|forretningsorden|mødeplan|mødekalender|mødedatoer|valg af (?:formand|næstformand|formandskab))/iu;

/**
 * A title match counts unless the titles name different years ("pulje 2026" is not "pulje 2027"), or
 * it is two bodies' housekeeping ("Konstituering og forretningsorden" of a committee and of a council).
 */
export function titleEdgeAllowed(
  a: Pick<LinkItem, "title" | "bodyId">,
  b: Pick<LinkItem, "title" | "bodyId">,
): boolean {
  if (
    a.bodyId !== b.bodyId &&
    (HOUSEKEEPING_TITLE.test(a.title.trim()) || HOUSEKEEPING_TITLE.test(b.title.trim()))
  ) {
    return false;
  }
  const ya = years(a.title);
  const yb = years(b.title);
  return ya.size === 0 || yb.size === 0 || [...ya].some((y) => yb.has(y));
}

/** Groups of items joined by edges (union-find); only groups of two or more. */
export function groupItems(ids: number[], edges: Edge[]): { ids: number[]; reasons: string[] }[] {
  const parent = new Map<number, number>(ids.map((id) => [id, id]));
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) {
      root = parent.get(root) as number;
    }
    parent.set(x, root);
    return root;
  };
  for (const e of edges) {
    if (parent.has(e.a) && parent.has(e.b)) {
      parent.set(find(e.a), find(e.b));
    }
  }
  const groups = new Map<number, { ids: number[]; reasons: Set<string> }>();
  for (const id of ids) {
    const root = find(id);
    const g = groups.get(root) ?? { ids: [], reasons: new Set<string>() };
    g.ids.push(id);
    groups.set(root, g);
  }
  for (const e of edges) {
    groups.get(find(e.a))?.reasons.add(e.reason);
  }
  return [...groups.values()]
    .filter((g) => g.ids.length > 1)
    .map((g) => ({ ids: g.ids.sort((x, y) => x - y), reasons: [...g.reasons] }));
}

/** Pairwise precision and recall of proposed groups against true groups (items named by any key). */
export function scoreGroups<K>(
  proposed: K[][],
  truth: K[][],
  ignore: [K, K][] = [],
): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  const key = (a: K, b: K) => {
    const [x, y] = [String(a), String(b)].sort();
    return `${x}|${y}`;
  };
  const pairs = (groups: K[][]) => {
    const out = new Set<string>();
    for (const g of groups) {
      for (let i = 0; i < g.length; i++) {
        for (let j = i + 1; j < g.length; j++) {
          out.add(key(g[i] as K, g[j] as K));
        }
      }
    }
    return out;
  };
  const skip = new Set(ignore.map(([a, b]) => key(a, b)));
  const p = new Set([...pairs(proposed)].filter((x) => !skip.has(x)));
  const t = new Set([...pairs(truth)].filter((x) => !skip.has(x)));
  const tp = [...p].filter((x) => t.has(x)).length;
  const fp = p.size - tp;
  const fn = t.size - tp;
  return {
    precision: p.size === 0 ? 1 : tp / p.size,
    recall: t.size === 0 ? 1 : tp / t.size,
    tp,
    fp,
    fn,
  };
}
