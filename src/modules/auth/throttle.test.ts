import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./throttle.ts";

describe("login throttle", () => {
  it("blocks after the allowed failures and forgets them after the window", () => {
    const t = new LoginThrottle(3, 1000);
    for (let i = 0; i < 3; i++) {
      expect(t.isBlocked("a", i)).toBe(false);
      t.recordFailure("a", i);
    }
    expect(t.isBlocked("a", 10)).toBe(true);
    expect(t.isBlocked("b", 10)).toBe(false);
    expect(t.isBlocked("a", 1003)).toBe(false);
  });
  it("is reset by a successful login", () => {
    const t = new LoginThrottle(1, 1000);
    t.recordFailure("a", 0);
    expect(t.isBlocked("a", 1)).toBe(true);
    t.reset("a");
    expect(t.isBlocked("a", 1)).toBe(false);
  });
});
