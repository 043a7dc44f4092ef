import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../src/modules/auth/auth.service.ts";
import { SYSTEM_ACTOR } from "../../src/modules/auth/index.ts";
import { getObligation, obligations, type TObligation } from "../../src/modules/obligations/index.ts";
import { pageLogin } from "../helpers/csrf.ts";
import { type DemoApp, startDemoApp } from "../helpers/demo-app.ts";

/**
 * The demo shows issue 22's "done when": one decision fanned out to every cluster with mixed answers (one
 * with a file, one not relevant, one asking for more time, one late) and a feedback request whose answers
 * stand side by side.
 */
describe("The demo's obligations", { timeout: 300_000 }, () => {
  let demo: DemoApp;
  const EMAIL = "demo-admin@tvaers.local";
  const PASSWORD = "Demo-Svar-Side-2026";
  let all: TObligation[];

  beforeAll(async () => {
    demo = await startDemoApp();
    const system = { db: demo.database.db, actor: SYSTEM_ACTOR };
    await createUser(system, { email: EMAIL, name: "Demo admin", password: PASSWORD, isAdmin: true });
    const rows = await demo.database.db.select().from(obligations).orderBy(obligations.id);
    all = await Promise.all(rows.map((r) => getObligation(system, r.id)));
  }, 280_000);

  afterAll(async () => {
    await demo?.close();
  });

  it("fans one decision out to every cluster with mixed answers", () => {
    const fanOut = all.find((o) => o.kind === "obligation") as TObligation;
    expect(fanOut.addressees).toHaveLength(4);
    const states = fanOut.addressees.map((a) => `${a.state}${a.late ? " late" : ""}${a.file ? " file" : ""}`);
    expect(states.sort()).toEqual(["done file", "more_time", "not_relevant", "open late"]);
    expect(fanOut.rollUp).toMatchObject({ addressees: 4, answered: 2, late: 1, moreTime: 1 });
  });

  it("has a feedback request with a report whose answers are shown side by side", async () => {
    const feedback = all.find((o) => o.kind === "feedback") as TObligation;
    expect(feedback.report?.fileName).toBe("DÆMP-rapport.txt");
    expect(feedback.addressees.map((a) => a.state)).toEqual(["done", "done"]);
    const inject = demo.app.inject.bind(demo.app);
    const cookie = await pageLogin(inject, EMAIL, PASSWORD);
    const res = await inject({
      method: "GET",
      url: `/arbejdsrum/forpligtelser/${feedback.id}/side-om-side`,
      headers: { accept: "text/html", cookie },
    });
    expect(res.statusCode).toBe(200);
    for (const a of feedback.addressees) {
      expect(res.body).toContain(a.answerText as string);
    }
  });
});
