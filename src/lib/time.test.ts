import { describe, expect, it } from "vitest";
import { parseDate, parseDateTime, toLocalDateTime } from "./time.ts";

describe("Danish time", () => {
  it("reads local winter and summer time", () => {
    expect(parseDateTime("2021-01-14T10:00")?.toISOString()).toBe("2021-01-14T09:00:00.000Z");
    expect(parseDateTime("2021-04-22T10:00")?.toISOString()).toBe("2021-04-22T08:00:00.000Z");
  });
  it("handles the days of the DST switch", () => {
    expect(parseDateTime("2026-03-29T12:00")?.toISOString()).toBe("2026-03-29T10:00:00.000Z");
    expect(parseDateTime("2026-10-25T12:00")?.toISOString()).toBe("2026-10-25T11:00:00.000Z");
  });
  it("accepts instants with an offset", () => {
    expect(parseDateTime("2021-04-22T10:00:00+02:00")?.toISOString()).toBe("2021-04-22T08:00:00.000Z");
    expect(parseDateTime("2021-04-22T08:00:00.000Z")?.toISOString()).toBe("2021-04-22T08:00:00.000Z");
  });
  it("rejects impossible dates and times", () => {
    expect(parseDateTime("2021-02-30T10:00")).toBeNull();
    expect(parseDateTime("2021-04-22T24:00")).toBeNull();
    expect(parseDateTime("22-04-2021 10:00")).toBeNull();
    expect(parseDate("2023-02-29")).toBeNull();
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
  });
  it("writes local time back", () => {
    expect(toLocalDateTime(new Date("2021-04-22T08:00:00Z"))).toBe("2021-04-22T10:00");
    expect(toLocalDateTime(new Date("2021-12-01T08:30:00Z"))).toBe("2021-12-01T09:30");
  });
});
