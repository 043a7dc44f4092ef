import { describe, expect, it } from "vitest";
import { isMinutesLocked, transitionError } from "./meetings.rules.ts";

const base = {
  cancelled: false,
  start: new Date("2026-01-10T09:00:00Z"),
  now: new Date("2026-02-01T09:00:00Z"),
  itemCount: 5,
};

describe("meeting transitions", () => {
  it("allows the forward path", () => {
    expect(transitionError({ ...base, from: "planned", to: "agenda_published" })).toBeNull();
    expect(transitionError({ ...base, from: "agenda_published", to: "held" })).toBeNull();
    expect(transitionError({ ...base, from: "held", to: "minutes_draft" })).toBeNull();
    expect(transitionError({ ...base, from: "minutes_draft", to: "minutes_approved" })).toBeNull();
    expect(transitionError({ ...base, from: "minutes_approved", to: "minutes_published" })).toBeNull();
  });
  it("refuses minutes approval before the meeting is held", () => {
    expect(transitionError({ ...base, from: "planned", to: "minutes_approved" })).toMatch(/kan ikke gå fra/);
    expect(transitionError({ ...base, from: "agenda_published", to: "minutes_approved" })).toMatch(
      /kan ikke gå fra "Dagsorden offentliggjort" til "Referat godkendt"/,
    );
  });
  it("refuses marking a future meeting as held", () => {
    const future = { ...base, start: new Date("2026-03-01T09:00:00Z") };
    expect(transitionError({ ...future, from: "agenda_published", to: "held" })).toMatch(
      /før det er begyndt/,
    );
  });
  it("refuses publishing an empty agenda and any step of a cancelled meeting", () => {
    expect(transitionError({ ...base, itemCount: 0, from: "planned", to: "agenda_published" })).toMatch(
      /ingen punkter/,
    );
    expect(transitionError({ ...base, cancelled: true, from: "planned", to: "agenda_published" })).toMatch(
      /aflyst/,
    );
  });
  it("has no way out of published minutes", () => {
    expect(transitionError({ ...base, from: "minutes_published", to: "minutes_draft" })).not.toBeNull();
    expect(isMinutesLocked("minutes_published")).toBe(true);
    expect(isMinutesLocked("minutes_draft")).toBe(false);
  });
});
