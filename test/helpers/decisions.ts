import { createItem, createMeeting, transitionMeeting } from "../../src/modules/meetings/index.ts";
import type { Ctx } from "../../src/server/context.ts";

/** A meeting of a body on a day, with one item per title, walked to published minutes. */
export async function publishedMeeting(
  system: Ctx,
  bodyId: number,
  day: string,
  items: { title: string; access?: "open" | "closed"; text?: string }[],
) {
  const meeting = await createMeeting(system, {
    bodyId,
    start: new Date(`${day}T09:00:00Z`),
    end: new Date(`${day}T11:00:00Z`),
    location: "Regionshuset",
  });
  const created = [];
  for (const [i, it] of items.entries()) {
    created.push(
      await createItem(system, {
        meetingId: meeting.id,
        number: i + 1,
        title: it.title,
        access: it.access ?? "open",
        sections: { summary: it.text ?? `${it.title}.` },
        decisionText: `Godkendt. ${it.text ?? ""}`.trim(),
        outcome: "approved",
      }),
    );
  }
  let version = meeting.version;
  for (const to of [
    "agenda_published",
    "held",
    "minutes_draft",
    "minutes_approved",
    "minutes_published",
  ] as const) {
    version = (await transitionMeeting(system, meeting.id, { to, version }, new Date(`${day}T12:00:00Z`)))
      .version;
  }
  return { meeting, items: created };
}
