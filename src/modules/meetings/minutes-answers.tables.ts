import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { idColumn, rowMeta } from "../../db/columns.ts";
import { persons } from "../people/people.tables.ts";
import { meetings } from "./meetings.tables.ts";

export const MINUTES_ANSWERS = ["approve", "remark"] as const;
export type MinutesAnswerKind = (typeof MINUTES_ANSWERS)[number];
export const minutesAnswerKind = pgEnum("minutes_answer_kind", MINUTES_ANSWERS);

/**
 * A member's answer to draft minutes where the body lets its members approve them: "Godkend referatet"
 * or a remark, with its time. One per member and draft round (`draftedAt` = the meeting's
 * `minutesDraftedAt` when answered), so a draft taken back and drafted again is answered afresh while
 * the earlier answers stay. A remark blocks approval until the secretariat has replied.
 */
export const minutesAnswers = pgTable(
  "minutes_answers",
  {
    id: idColumn(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "restrict" }),
    draftedAt: timestamp("drafted_at", { withTimezone: true }).notNull(),
    answer: minutesAnswerKind("answer").notNull(),
    remark: text("remark"),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    /** the secretariat's reply to a remark; until then the remark blocks approval */
    reply: text("reply"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    repliedBy: text("replied_by"),
    ...rowMeta(),
  },
  (t) => [
    uniqueIndex("minutes_answers_round_uq").on(t.meetingId, t.personId, t.draftedAt),
    index("minutes_answers_meeting_idx").on(t.meetingId),
  ],
);
