import { describe, expect, it } from "vitest";
import { composeMail } from "./compose.ts";
import { backoffMinutes, toMessage } from "./outbox.ts";
import { modeOf, routeOf, settingKey } from "./topics.ts";

describe("who is told what (topics.ts)", () => {
  it.each([
    [{ kind: "agenda_published", meetingId: 1 }, "agenda", "members", true],
    [{ kind: "supplementary_agenda_published", meetingId: 1, note: "" }, "agenda", "members", true],
    [
      { kind: "meeting_changed", meetingId: 1, moved: true, previousStart: null },
      "meeting",
      "members",
      false,
    ],
    [{ kind: "meeting_cancelled", meetingId: 1, reason: "" }, "meeting", "members", false],
    [{ kind: "minutes_published", meetingId: 1 }, "minutes", "members", true],
    [{ kind: "agenda_awaiting_approval", meetingId: 1 }, "approval", "chairs", false],
    [{ kind: "minutes_awaiting_approval", meetingId: 1 }, "approval", "chairs", false],
    [{ kind: "minutes_sent_back", meetingId: 1, comment: "" }, "secretariat", "secretaries", false],
    [{ kind: "agenda_approved", meetingId: 1 }, "secretariat", "secretaries", false],
    [{ kind: "agenda_sent_back", meetingId: 1, comment: "" }, "secretariat", "secretaries", false],
    [
      { kind: "case_referred", itemId: 1, toBodyId: 2, toMeetingId: null },
      "secretariat",
      "secretaries",
      false,
    ],
    [{ kind: "action_assigned", actionId: 1 }, "actions", "owner", false],
  ] as const)("%o → %s to %s", (event, topic, audience, subscribers) => {
    expect(routeOf(event)).toMatchObject({ topic, audience, subscribers });
  });

  it.each([
    { kind: "meeting_changed", meetingId: 1, moved: false, previousStart: null },
    { kind: "meeting_held", meetingId: 1 },
    { kind: "minutes_approved", meetingId: 1 },
    { kind: "minutes_corrected", meetingId: 1, itemNumber: 1, closed: true, reason: "" },
  ] as const)("%o tells nobody", (event) => {
    expect(routeOf(event)).toBeNull();
  });

  it("modes: immediately unless chosen; actions one setting; all off wins", () => {
    expect(modeOf({}, 3, "agenda")).toBe("immediate");
    expect(modeOf({ "3:agenda": "digest" }, 3, "agenda")).toBe("digest");
    expect(modeOf({ "3:agenda": "digest" }, 4, "agenda")).toBe("immediate");
    expect(modeOf({ actions: "off" }, 3, "actions")).toBe("off");
    expect(modeOf({ all: "off", "3:agenda": "digest" }, 3, "agenda")).toBe("off");
    expect(settingKey(3, "actions")).toBe("actions");
    expect(modeOf({ "3:agenda": "nonsense" }, 3, "agenda")).toBe("immediate");
  });
});

describe("the outbox's rules", () => {
  it("backs off 1, 2, 4 … minutes, at most an hour", () => {
    expect([1, 2, 3, 4, 7, 8, 12].map(backoffMinutes)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });

  it("one-click unsubscribe headers only when the mail has a link", () => {
    const row = { id: 1, toAddress: "a@b.dk", subject: "s", text: "t", html: "h", attempts: 1 };
    expect(
      toMessage({ ...row, unsubscribeUrl: "https://x/api/v1/notifications/unsubscribe/k" }).headers,
    ).toEqual({
      "List-Unsubscribe": "<https://x/api/v1/notifications/unsubscribe/k>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(toMessage({ ...row, unsubscribeUrl: null }).headers).toBeUndefined();
  });
});

describe("composing a mail", () => {
  const facts = {
    message: "agenda" as const,
    bodyName: "Udvalg <for> & sundhed",
    start: new Date("2026-03-05T09:00:00Z"),
    items: [
      { number: 1, title: "Åbent <b>punkt</b>" },
      { number: 2, title: null },
    ],
    url: "https://tvaers.test/moeder/1",
  };

  it("writes Danish and English, text and HTML, closed items by number only, HTML escaped", () => {
    const da = composeMail("da", facts, {
      settingsUrl: "https://tvaers.test/mine-notifikationer",
      memberOf: "U",
    });
    expect(da.subject).toBe("Dagsorden: Udvalg <for> & sundhed torsdag d. 5. marts 2026 kl. 10:00");
    expect(da.text).toContain("• Punkt 2 (lukket)");
    expect(da.text).toContain("• 1. Åbent <b>punkt</b>");
    expect(da.text).toContain("https://tvaers.test/moeder/1");
    expect(da.html).toContain("Udvalg &lt;for&gt; &amp; sundhed");
    expect(da.html).toContain("Åbent &lt;b&gt;punkt&lt;/b&gt;");
    expect(da.html).not.toContain("<b>punkt");
    const en = composeMail("en", facts, {});
    expect(en.subject.startsWith("Agenda: ")).toBe(true);
    expect(en.text).toContain("Item 2 (closed)");
  });
});
