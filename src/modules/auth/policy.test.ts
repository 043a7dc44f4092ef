import { describe, expect, it } from "vitest";
import { actorWith } from "../../../test/helpers/actors.ts";
import { type Actor, PUBLIC_ACTOR, SYSTEM_ACTOR } from "./actor.ts";
import { canReadClosed, canReadClosedAnywhere } from "./policy.ts";

const user = actorWith;

describe("canReadClosedAnywhere (the read cache's shortcut for canReadClosed)", () => {
  const actors: Array<[string, Actor, boolean | undefined]> = [
    ["the public", PUBLIC_ACTOR, false],
    ["the system", SYSTEM_ACTOR, true],
    ["an admin without memberships", user([], true), true],
    ["a user without memberships", user([]), false],
    ["a member of body 1", user([[1, ["member"]]]), undefined],
    ["a secretary of body 2", user([[2, ["secretary"]]]), undefined],
    ["a user with an empty role set for body 1", user([[1, []]]), undefined],
  ];

  it.each(actors)("%s: %s", (_name, actor, expected) => {
    expect(canReadClosedAnywhere(actor)).toBe(expected);
  });

  it.each(actors)(
    "agrees with canReadClosed on every body where it answers: %s",
    (_name, actor, anywhere) => {
      for (const body of [1, 2, 3]) {
        if (anywhere !== undefined) {
          expect(canReadClosed(actor, body)).toBe(anywhere);
        }
      }
      if (anywhere === undefined) {
        // It depends on the body: somewhere the answer is no (body 3 has nobody's roles here).
        expect(canReadClosed(actor, 3)).toBe(false);
      }
    },
  );

  it("a member reads closed items of the own body only", () => {
    const member = user([[1, ["member"]]]);
    expect([1, 2].map((body) => canReadClosed(member, body))).toEqual([true, false]);
    expect(canReadClosed(user([[1, []]]), 1)).toBe(false);
  });
});
