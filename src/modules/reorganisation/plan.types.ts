import type { DbOrTx } from "../../db/client.ts";
import { formatOreNumber } from "../../lib/money.ts";
import { toLocalDateTime } from "../../lib/time.ts";
import type { Ctx } from "../../server/context.ts";
import type { TMove } from "./reorganisation.schemas.ts";

export interface Stay {
  section: string;
  label: string;
  /** why it does not move: a code the pages translate (no_successor, finished, …) */
  reason: string;
}

export interface Follow extends Stay {
  /** where it goes along (the receiving successor's name) */
  target: string;
  /** the row it follows (e.g. "agreement:12"): it goes where that row is assigned */
  key: string | null;
}

export interface FundLine {
  fundId: number;
  name: string;
  remainingOre: bigint;
  to: string;
}

/** Cuts a long label for the preview's lists (the row's own page has the whole text). */
export const short = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What a reorganisation is going to do, collected while reading the tree: the rows that move (each
 * with its old and new value, which is also what undo needs), what stays and why, what goes along.
 */
export class Plan {
  readonly moves: TMove[] = [];
  /**
   * Per move, the row it belongs to for a split ("action:7"): a row's moves go to one successor
   * together, and a group's mandate version goes with its group.
   */
  readonly keys: string[] = [];
  readonly stays: Stay[] = [];
  readonly follows: Follow[] = [];
  readonly funds: FundLine[] = [];
  readonly endingMemberships: { id: number; personId: number }[] = [];
  /** funds of the receiving successors, counted for the sums before and after */
  readonly receiverFundIds = new Set<number>();

  constructor(
    readonly ctx: Ctx,
    readonly effectiveDate: string,
    readonly lastDay: string,
    /** every body closing in this change (a group under two of them is not moved twice) */
    readonly closingBodyIds: number[],
  ) {}

  get db(): DbOrTx {
    return this.ctx.db;
  }

  move(
    section: string,
    entity: string,
    id: number,
    column: string,
    from: number | string | null,
    to: number | string | null,
    label: string,
    detail: string | null,
    key = `${entity}:${id}`,
  ) {
    this.moves.push({ section, entity, id, column, from, to, label, detail });
    this.keys.push(key);
  }

  stay(section: string, label: string, reason: string) {
    this.stays.push({ section, label, reason });
  }

  follow(section: string, label: string, reason: string, target: string, key: string | null = null) {
    this.follows.push({ section, label, reason, target, key });
  }

  kroner(ore: bigint) {
    return `${formatOreNumber(ore)} kr.`;
  }

  localDay(instant: Date) {
    return toLocalDateTime(instant).slice(0, 10);
  }
}
