import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { publishedMeeting } from "../helpers/decisions.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

/**
 * A group's life through the API: set up with a mandate at a meeting, a report at a later meeting,
 * continued with a revised mandate at a closed item, closed. Closed is closed, drafts stay inside, bad input.
 */
describeEachDatabase("Working groups and mandates API", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let groupId: number;
  let reportItemId: number;
  const api = (method: "GET" | "POST", url: string, payload?: object, token?: string) =>
    t().request({ method, url, ...(payload ? { payload } : {}), ...(token ? { token } : {}) });

  const mandate = {
    purpose: "Gruppen skal beskrive en fælles model for udskrivning af ældre medicinske patienter.",
    periodFrom: "2025-03-06",
    periodTo: "2025-12-31",
    composition: [
      { seats: 2, party: "Kommunerne", competence: "Sygeplejerske", flexible: false },
      { seats: 1, party: "Almen praksis", competence: "Praktiserende læge", flexible: true },
    ],
    deliverables: [
      { title: "Statusnotat", dueOn: "2025-06-30" },
      { title: "Anbefaling til SSU", dueOn: "2025-09-30" },
    ],
  };

  it("sets up an ad hoc group with its mandate at an open item; the body mirrors the mandate", async () => {
    w = await seedWorld(t().system);
    const res = await api(
      "POST",
      "/api/v1/groups",
      {
        name: "Ad hoc gruppe om udskrivning",
        shortName: "Ad hoc udskrivning",
        kind: "ad_hoc_group",
        reportsToId: w.ssu.id,
        approverBodyId: w.ssu.id,
        ...mandate,
        itemId: w.items.open.id,
        approved: true,
      },
      w.users.secretary.token,
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    groupId = m.bodyId;
    expect(m.status).toBe("active");
    expect(m.current.number).toBe(1);
    expect(m.current.approvedOn).toBe("2025-03-06");
    expect(m.current.decision).toMatchObject({
      number: w.items.open.number,
      title: "Godkendelse af dagsorden",
    });
    expect(m.events.map((e: { kind: string }) => e.kind)).toEqual(["set_up"]);
    const body = (await api("GET", `/api/v1/bodies/${groupId}`)).json();
    expect(body).toMatchObject({
      kind: "ad_hoc_group",
      reportsToId: w.ssu.id,
      mandate: { purpose: mandate.purpose, from: "2025-03-06", to: "2025-12-31", status: "active" },
    });
    const groups = (await api("GET", `/api/v1/bodies/${w.ssu.id}/groups`)).json();
    expect(groups).toEqual([
      expect.objectContaining({
        id: groupId,
        status: "active",
        nextDue: { title: "Statusnotat", dueOn: "2025-06-30" },
        overdue: [
          { title: "Statusnotat", dueOn: "2025-06-30" },
          { title: "Anbefaling til SSU", dueOn: "2025-09-30" },
        ],
      }),
    ]);
  });

  it("records the group's report at a later meeting; the deliverable is delivered on the meeting's day", async () => {
    const later = await publishedMeeting(t().system, w.ssu.id, "2025-10-02", [
      { title: "Afrapportering fra ad hoc gruppen om udskrivning" },
    ]);
    reportItemId = later.items[0]?.id as number;
    const res = await api(
      "POST",
      `/api/v1/bodies/${groupId}/mandate/reports`,
      {
        itemId: reportItemId,
        deliverable: "anbefaling til ssu",
        note: "Anbefalingen blev taget til efterretning.",
      },
      w.users.secretary.token,
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m.deliverables).toEqual([
      { title: "Statusnotat", dueOn: "2025-06-30", deliveredOn: null, overdue: true },
      { title: "Anbefaling til SSU", dueOn: "2025-09-30", deliveredOn: "2025-10-02", overdue: false },
    ]);
    expect(m.lastReportOn).toBe("2025-10-02");
    expect(m.events.at(-1)).toMatchObject({ kind: "report", deliverable: "Anbefaling til SSU" });
  });

  it("continues the group with a revised mandate decided at a closed item: what changed, and nothing of the item", async () => {
    const closedAt = await publishedMeeting(t().system, w.ssu.id, "2025-11-06", [
      { title: `Videreførelse af ad hoc gruppen ${SECRET}`, access: "closed", text: `Fortroligt ${SECRET}` },
    ]);
    const closedItem = closedAt.items[0] as { id: number; number: number };
    const res = await api(
      "POST",
      `/api/v1/bodies/${groupId}/mandate/versions`,
      {
        ...mandate,
        periodTo: "2026-06-30",
        deliverables: [
          { title: "Anbefaling til SSU", dueOn: "2025-09-30" },
          { title: "Implementeringsplan", dueOn: "2026-05-01" },
        ],
        changeNote: "Perioden forlænges, og gruppen udarbejder en implementeringsplan.",
        continued: true,
        approved: true,
        itemId: closedItem.id,
      },
      w.users.secretary.token,
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m.current.number).toBe(2);
    expect(m.current.approvedOn).toBe("2025-11-06");
    expect(m.current.changes).toEqual(["period", "deliverablesAdded", "deliverablesRemoved"]);
    expect(m.events.at(-1)).toMatchObject({ kind: "continued", versionNumber: 2 });
    expect(m.nextDue).toEqual({ title: "Implementeringsplan", dueOn: "2026-05-01" });
    for (const token of [undefined, w.users.outsider.token]) {
      const seen = await api("GET", `/api/v1/bodies/${groupId}/mandate`, undefined, token);
      expect(seen.statusCode).toBe(200);
      expect(seen.body).not.toContain(SECRET);
      expect(seen.json().current.decision).toMatchObject({
        number: closedItem.number,
        title: null,
        closed: true,
      });
    }
    const member = await api("GET", `/api/v1/bodies/${groupId}/mandate`, undefined, w.users.member.token);
    expect(member.json().current.decision.title).toContain(SECRET);
  });

  it("closes the group; a closed group takes no more reports or changes", async () => {
    const res = await api(
      "POST",
      `/api/v1/bodies/${groupId}/mandate/status`,
      { change: "closed", on: "2026-06-30", note: "Opgaven er løst." },
      w.users.secretary.token,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("closed");
    expect((await api("GET", `/api/v1/bodies/${groupId}`)).json().mandate.status).toBe("closed");
    const again = await api(
      "POST",
      `/api/v1/bodies/${groupId}/mandate/reports`,
      { on: "2026-07-01" },
      w.users.secretary.token,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("nedlagt");
    const groups = (await api("GET", `/api/v1/bodies/${w.ssu.id}/groups`)).json();
    expect(groups[0]).toMatchObject({ status: "closed", overdue: [], nextDue: null });
    const kinds = (await api("GET", `/api/v1/bodies/${groupId}/mandate`))
      .json()
      .events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(["set_up", "report", "continued", "closed"]);
  });

  it("keeps a draft mandate version inside until it is approved; standby and resume follow the rules", async () => {
    const sec = w.users.secretary.token;
    const created = await api(
      "POST",
      "/api/v1/groups",
      {
        name: "Arbejdsgruppe om data",
        kind: "working_group",
        reportsToId: w.ssu.id,
        ...mandate,
        on: "2025-03-06",
        approved: true,
      },
      sec,
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().bodyId;
    const draft = await api(
      "POST",
      `/api/v1/bodies/${id}/mandate/versions`,
      { ...mandate, purpose: `Udkast ${SECRET}`, changeNote: "Nyt formål", on: "2025-04-01" },
      sec,
    );
    expect(draft.statusCode, draft.body).toBe(201);
    const draftId = draft.json().versions[0].id;
    for (const token of [undefined, w.users.outsider.token]) {
      const seen = await api("GET", `/api/v1/bodies/${id}/mandate`, undefined, token);
      expect(seen.body).not.toContain(SECRET);
      expect(seen.json().versions.map((v: { number: number }) => v.number)).toEqual([1]);
      expect((await api("GET", `/api/v1/bodies/${id}`, undefined, token)).body).not.toContain(SECRET);
    }
    expect(
      (await api("GET", `/api/v1/bodies/${id}/mandate`, undefined, w.users.member.token)).json().versions,
    ).toHaveLength(2);
    const approved = await api(
      "POST",
      `/api/v1/mandate-versions/${draftId}/approve`,
      { on: "2025-04-15" },
      sec,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().current).toMatchObject({
      number: 2,
      approvedOn: "2025-04-15",
      changes: ["purpose"],
    });
    expect(
      (await api("POST", `/api/v1/bodies/${id}/mandate/status`, { change: "resumed", on: "2025-05-01" }, sec))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await api("POST", `/api/v1/bodies/${id}/mandate/status`, { change: "standby", on: "2025-05-01" }, sec)
      ).json().status,
    ).toBe("standby");
    expect(
      (
        await api("POST", `/api/v1/bodies/${id}/mandate/status`, { change: "resumed", on: "2025-08-01" }, sec)
      ).json().status,
    ).toBe("active");
  });

  it("answers bad input with Danish field errors and refuses outsiders", async () => {
    const sec = w.users.secretary.token;
    const bad = await api(
      "POST",
      "/api/v1/groups",
      { name: "", kind: "ad_hoc_group", periodFrom: "2025-02-30", purpose: "" },
      sec,
    );
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.name", "body.periodFrom", "body.purpose"]));
    const period = await api(
      "POST",
      "/api/v1/groups",
      {
        name: "Ny gruppe",
        kind: "ad_hoc_group",
        reportsToId: w.ssu.id,
        ...mandate,
        periodTo: "2025-01-01",
        on: "2025-03-06",
      },
      sec,
    );
    expect(period.statusCode).toBe(400);
    expect(period.json().error.fields).toEqual([
      { path: "periodTo", message: "Periodens slutdato ligger før startdatoen." },
    ]);
    const noItem = await api(
      "POST",
      "/api/v1/groups",
      { name: "Ny gruppe", kind: "ad_hoc_group", reportsToId: w.ssu.id, ...mandate, itemId: 999999 },
      sec,
    );
    expect(noItem.json().error.fields[0]).toEqual({
      path: "itemId",
      message: "Dagsordenspunktet findes ikke.",
    });
    const noDay = await api(
      "POST",
      "/api/v1/groups",
      { name: "Ny gruppe", kind: "ad_hoc_group", reportsToId: w.ssu.id, ...mandate },
      sec,
    );
    expect(noDay.json().error.fields[0].path).toBe("on");
    const taken = await api(
      "POST",
      "/api/v1/groups",
      {
        name: "Ad hoc gruppe om udskrivning",
        kind: "ad_hoc_group",
        reportsToId: w.ssu.id,
        ...mandate,
        on: "2025-03-06",
      },
      sec,
    );
    expect(taken.json().error.fields[0].path).toBe("name");
    const wrongDeliverable = await api(
      "POST",
      `/api/v1/bodies/${groupId}/mandate/reports`,
      { on: "2025-05-01", deliverable: "Findes ikke" },
      sec,
    );
    expect(wrongDeliverable.statusCode).toBe(409);
    const open = await api("POST", "/api/v1/groups", {
      name: "Ny",
      kind: "ad_hoc_group",
      reportsToId: w.ssu.id,
      ...mandate,
      on: "2025-03-06",
    });
    expect(open.statusCode).toBe(401);
    const outsider = await api(
      "POST",
      "/api/v1/groups",
      { name: "Ny", kind: "ad_hoc_group", reportsToId: w.ssu.id, ...mandate, on: "2025-03-06" },
      w.users.outsider.token,
    );
    expect(outsider.statusCode).toBe(403);
    const malformed = await t().request({
      method: "POST",
      url: "/api/v1/groups",
      payload: "{",
      headers: { "content-type": "application/json" },
      token: sec,
    });
    expect(malformed.statusCode).toBe(400);
  });
});
