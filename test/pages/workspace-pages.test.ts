import { expect, it } from "vitest";
import { getItem } from "../../src/modules/meetings/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

/** The secretariat's workspace through plain forms (no JavaScript): build, hold, approve, publish, correct. */
describeEachDatabase("Workspace pages", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingId = 0;
  const html = { accept: "text/html" };

  const get = (url: string, token?: string) => t().request({ method: "GET", url, headers: html, token });
  const post = (
    url: string,
    form: Record<string, string | string[]>,
    token?: string,
    accept = "text/html",
  ) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) {
      for (const x of Array.isArray(v) ? v : [v]) {
        body.append(k, x);
      }
    }
    return t().request({
      method: "POST",
      url,
      token,
      headers: { accept, "content-type": "application/x-www-form-urlencoded" },
      payload: body.toString(),
    });
  };

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("sends the public to the log-in page and back", async () => {
    const res = await get("/arbejdsrum");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/log-ind?next=%2Farbejdsrum");
  });

  it("dashboard: my bodies, meetings and what waits, in Danish", async () => {
    const res = await get("/arbejdsrum", w.users.secretary.token);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Arbejdsrum");
    expect(res.body).toContain("Sundhedssamarbejdsudvalget");
    expect(res.body).toContain('action="/soeg"');
  });

  it("creates a meeting with the standard items; Danish errors beside the fields", async () => {
    const bad = await post(
      `/arbejdsrum/organer/${w.ssu.id}/moeder`,
      { date: "5/3", time: "9" },
      w.users.secretary.token,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv datoen som dag-måned-år");
    expect(bad.body).toContain('aria-invalid="true"');
    const res = await post(
      `/arbejdsrum/organer/${w.ssu.id}/moeder`,
      { date: "2020-05-04", time: "09:00", endTime: "10:00", location: "Regionshuset" },
      w.users.secretary.token,
    );
    expect(res.statusCode).toBe(303);
    meetingId = Number(/moeder\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const page = await get(`/arbejdsrum/moeder/${meetingId}`, w.users.secretary.token);
    expect(page.statusCode).toBe(200);
    for (const title of ["Godkendelse af dagsorden", "Godkendelse af referat", "Eventuelt"]) {
      expect(page.body).toContain(title);
    }
  });

  it("changes, moves and cancels a meeting: Danish dates, errors beside the fields, stale versions, a second step", async () => {
    const s = w.users.secretary.token;
    const created = await post(
      `/arbejdsrum/organer/${w.ssu.id}/moeder`,
      { date: "21. januar 2027", time: "9.30", location: "Regionshuset" },
      s,
    );
    expect(created.statusCode).toBe(303);
    const id = Number(/moeder\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const row = async () =>
      (await t().request({ method: "GET", url: `/api/v1/meetings/${id}`, token: s })).json();
    expect((await row()).start).toBe("2027-01-21T08:30:00.000Z");
    const form = await get(`/arbejdsrum/moeder/${id}/ret`, s);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="21-01-2027"');
    expect(form.body).toContain('value="09:30"');
    const version = String((await row()).version);
    const bad = await post(
      `/arbejdsrum/moeder/${id}/ret`,
      { version, date: "31.02.2027", time: "9", kind: "ordinary" },
      s,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv datoen som dag-måned-år");
    expect(bad.body).toContain('aria-invalid="true"');
    expect((await row()).version).toBe(Number(version));
    const moved = await post(
      `/arbejdsrum/moeder/${id}/ret`,
      { version, date: "28/1 2027", time: "13.00", location: "Rådhuset", kind: "extraordinary" },
      s,
    );
    expect(moved.statusCode).toBe(303);
    expect((await row()).start).toBe("2027-01-28T12:00:00.000Z");
    expect((await row()).kind).toBe("extraordinary");
    const stale = await post(
      `/arbejdsrum/moeder/${id}/ret`,
      { version, date: "4.2.2027", time: "10", kind: "ordinary" },
      s,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("Mødet er ændret af en anden");
    expect(stale.body).toContain('value="28-01-2027"');
    const now = String((await row()).version);
    expect((await post(`/arbejdsrum/moeder/${id}/aflys`, { version: now, reason: "" }, s)).statusCode).toBe(
      400,
    );
    const ask = await post(`/arbejdsrum/moeder/${id}/aflys`, { version: now, reason: "For få sager" }, s);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain("Aflys mødet?");
    expect((await row()).cancelled).toBe(false);
    const done = await post(
      `/arbejdsrum/moeder/${id}/aflys`,
      { version: now, reason: "For få sager", confirm: "ja" },
      s,
    );
    expect(done.statusCode).toBe(303);
    expect((await row()).cancelled).toBe(true);
    expect((await row()).cancelReason).toBe("For få sager");
    // A member cannot change it.
    expect(
      (await post(`/arbejdsrum/moeder/${id}/ret`, { version: now }, w.users.member.token)).statusCode,
    ).toBe(404);
  });

  it("holds a meeting fast: everyone else present after the exceptions; the recommendation approved in one click", async () => {
    const s = w.users.secretary.token;
    const api = (method: "GET" | "POST", url: string, payload?: object) =>
      t().request({ method, url, token: s, payload });
    const m = (await api("POST", "/api/v1/meetings", { bodyId: w.ssu.id, start: "2025-02-06T09:00" })).json();
    const item = (
      await api("POST", `/api/v1/meetings/${m.id}/items`, {
        title: "Fælles forløbsplan",
        recommendations: ["Administrationen indstiller, at planen godkendes."],
      })
    ).json();
    await api("POST", `/api/v1/meetings/${m.id}/transition`, { to: "agenda_published", version: m.version });
    const res = await post(
      `/arbejdsrum/moeder/${m.id}/moedet/fremmoede`,
      { [`status.${w.people.member.id}`]: "afbud", alle: "present" },
      s,
    );
    expect(res.statusCode).toBe(303);
    const details = (await api("GET", `/api/v1/meetings/${m.id}/details`)).json();
    const status = new Map(
      details.attendance.map((a: { personId: number; status: string }) => [a.personId, a.status]),
    );
    expect(status.get(w.people.member.id)).toBe("afbud");
    expect(status.get(w.people.chair.id)).toBe("present");
    expect(status.get(w.people.secretary.id)).toBe("present");
    const page = await get(`/arbejdsrum/moeder/${m.id}/moedet`, s);
    expect(page.body).toContain("Indstillingen godkendt");
    const decided = await post(
      `/arbejdsrum/moeder/${m.id}/moedet/punkter/${item.id}`,
      { version: String(item.version), decisionText: "", outcome: "", indstilling: "godkendt" },
      s,
    );
    expect(decided.statusCode).toBe(303);
    const after = (await api("GET", `/api/v1/items/${item.id}`)).json();
    expect(after.decisionText).toBe(
      "Indstillingen blev godkendt.\n\nAdministrationen indstiller, at planen godkendes.",
    );
    expect(after.outcome).toBe("approved");
    // A follow-up from the decision, on the minutes page: refused without text, made with a Danish date, done.
    const minutes = await get(`/arbejdsrum/moeder/${m.id}/referat`, s);
    expect(minutes.body).toContain("Opfølgninger");
    const url = `/arbejdsrum/moeder/${m.id}/punkter/${item.id}/opfoelgning`;
    const empty = await post(url, { text: "", dueDate: "" }, s);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv, hvad der skal gøres.");
    expect(
      (await post(url, { text: "Send planen til kommunerne", dueDate: "1.3.2027" }, w.users.member.token))
        .statusCode,
    ).toBe(404);
    const made = await post(url, { text: "Send planen til kommunerne", dueDate: "1.3.2027" }, s);
    expect(made.statusCode).toBe(303);
    const actions = (await api("GET", `/api/v1/actions?itemId=${item.id}`)).json().items;
    expect(actions.map((a: { text: string; dueDate: string }) => [a.text, a.dueDate])).toEqual([
      ["Send planen til kommunerne", "2027-03-01"],
    ]);
    const done = await post(
      `/arbejdsrum/opfoelgninger/${actions[0].id}/udfoert`,
      { version: String(actions[0].version), meetingId: String(m.id) },
      s,
    );
    expect(done.statusCode).toBe(303);
    expect((await api("GET", `/api/v1/actions/${actions[0].id}`)).json().status).toBe("done");
    // Send the case on to another body, which has no planned meeting: it waits on that body's list.
    const refer = `/arbejdsrum/moeder/${m.id}/punkter/${item.id}/videre`;
    expect((await post(refer, { targetBodyId: "", remarks: "" }, s)).statusCode).toBe(400);
    const sent = await post(refer, { targetBodyId: String(w.other.id), remarks: "Vi bakker op." }, s);
    expect(sent.statusCode).toBe(303);
    const admin = w.users.admin.token;
    const waiting = (
      await t().request({ method: "GET", url: `/api/v1/cases?bodyId=${w.other.id}`, token: admin })
    ).json().items as Array<{ title: string; awaitingBodyId: number | null }>;
    expect(waiting.map((c) => [c.title, c.awaitingBodyId])).toContainEqual([
      "Fælles forløbsplan",
      w.other.id,
    ]);
    // The receiving secretariat (the outsider of this world) sees it waiting for its next meeting.
    const theirs = await t().request({
      method: "GET",
      url: `/api/v1/cases?bodyId=${w.other.id}`,
      token: w.users.outsider.token,
    });
    expect(JSON.stringify(theirs.json())).toContain("Fælles forløbsplan");
    // And in the browser: its body page lists it with where it came from, its front page counts it.
    const bodyPage = (await get(`/arbejdsrum/organer/${w.other.id}`, w.users.outsider.token)).body;
    expect(bodyPage).toMatch(/Sager til næste møde \(1\)[\s\S]*Fælles forløbsplan[\s\S]*indstillet fra /);
    expect(bodyPage).toContain("Opret det næste møde nedenfor");
    const front = (await get("/arbejdsrum", w.users.outsider.token)).body;
    expect(front).toContain(`href="/arbejdsrum/organer/${w.other.id}#sager"`);
    expect(front).toContain("1 sag venter");
    const english = (
      await t().request({
        method: "GET",
        url: `/arbejdsrum/organer/${w.other.id}`,
        headers: { ...html, cookie: "tvaers_lang=en" },
        token: w.users.outsider.token,
      })
    ).body;
    expect(english).toMatch(/Cases for the next meeting \(1\)[\s\S]*referred by /);
    expect(english).not.toContain("indstillet fra");
  });

  it("adds items before Eventuelt, moves them, warns when the time boxes exceed the meeting", async () => {
    const s = w.users.secretary.token;
    const bad = await post(`/arbejdsrum/moeder/${meetingId}/punkter`, { title: "", durationMinutes: "x" }, s);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv punktets titel.");
    expect(bad.body).toContain("Skriv et helt antal minutter");
    for (const title of ["Sag A", "Sag B"]) {
      const res = await post(
        `/arbejdsrum/moeder/${meetingId}/punkter`,
        { title, durationMinutes: "30", kind: "decision", access: "open" },
        s,
      );
      expect(res.statusCode).toBe(303);
    }
    let page = await get(`/arbejdsrum/moeder/${meetingId}`, s);
    const order = () => [...page.body.matchAll(/data-item-id="(\d+)"/g)].map((m) => Number(m[1]));
    const titles = [
      ...page.body.matchAll(/<a href="\/arbejdsrum\/moeder\/\d+\/punkter\/\d+">([^<]+)<\/a>/g),
    ].map((m) => m[1]);
    expect(titles).toEqual([
      "Godkendelse af dagsorden",
      "Godkendelse af referat",
      "Sag A",
      "Sag B",
      "Eventuelt",
    ]);
    expect(page.body).toContain("men mødet varer kun 60 minutter");
    const sagB = order()[3] as number;
    const moved = await post(`/arbejdsrum/moeder/${meetingId}/punkter/${sagB}/flyt`, { retning: "op" }, s);
    expect(moved.statusCode).toBe(303);
    page = await get(`/arbejdsrum/moeder/${meetingId}`, s);
    expect(order()[2]).toBe(sagB);
  });

  it("saves an item; a stale version shows both versions with keep mine / take theirs / merge", async () => {
    const s = w.users.secretary.token;
    const page = await get(`/arbejdsrum/moeder/${meetingId}`, s);
    const itemId = Number([...page.body.matchAll(/data-item-id="(\d+)"/g)][2]?.[1]);
    const item = await getItem(t().system, itemId);
    const form = {
      version: String(item.version),
      title: "Sag B – rettet",
      kind: "decision",
      access: "open",
      durationMinutes: "20",
      caseNumbers: "EMN-2025-00012",
      "section.summary": "Et **kort** resumé.",
      "recommendation.0": "Administrationen indstiller, at sagen godkendes.",
    };
    const preview = await post(
      `/arbejdsrum/moeder/${meetingId}/punkter/${itemId}`,
      { ...form, handling: "vis" },
      s,
    );
    expect(preview.body).toContain("<strong>kort</strong>");
    const saved = await post(
      `/arbejdsrum/moeder/${meetingId}/punkter/${itemId}`,
      { ...form, handling: "gem" },
      s,
    );
    expect(saved.statusCode).toBe(303);
    const stale = await post(
      `/arbejdsrum/moeder/${meetingId}/punkter/${itemId}`,
      { ...form, title: "Min titel" },
      s,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain("En anden har gemt først");
    expect(stale.body).toContain("Min titel");
    expect(stale.body).toContain("Sag B – rettet");
    expect(stale.body).toContain("Behold min udgave");
    expect(stale.body).toContain("Flet selv");
    const badCase = await post(
      `/arbejdsrum/moeder/${meetingId}/punkter/${itemId}`,
      { ...form, caseNumbers: "<script>" },
      s,
    );
    expect(badCase.statusCode).toBe(400);
    expect(badCase.body).toContain("er ikke et gyldigt sagsnummer");
  });

  it("publishes, records attendance and a decision (JSON for autosave), closes; the chair approves; published", async () => {
    const s = w.users.secretary.token;
    let page = await get(`/arbejdsrum/moeder/${meetingId}`, s);
    const version = /name="version" value="(\d+)"/.exec(
      page.body.slice(page.body.indexOf('value="agenda_published"')),
    )?.[1];
    // Publishing asks once more, saying who will see it and who is told; nothing is published yet.
    let res = await post(
      `/arbejdsrum/moeder/${meetingId}/status`,
      { to: "agenda_published", version: String(version) },
      s,
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Offentliggør dagsordenen?");
    expect(res.body).toContain("Lukkede punkter vises kun med nummer");
    expect(res.body).toContain('name="confirm" value="ja"');
    expect((await get(`/arbejdsrum/moeder/${meetingId}`, s)).body).toContain('value="agenda_published"');
    res = await post(
      `/arbejdsrum/moeder/${meetingId}/status`,
      { to: "agenda_published", version: String(version), confirm: "ja" },
      s,
    );
    expect(res.statusCode).toBe(303);
    res = await post(
      `/arbejdsrum/moeder/${meetingId}/moedet/fremmoede`,
      { [`status.${w.people.chair.id}`]: "present", [`status.${w.people.member.id}`]: "afbud" },
      s,
    );
    expect(res.statusCode).toBe(303);
    page = await get(`/arbejdsrum/moeder/${meetingId}/moedet`, s);
    expect(page.statusCode).toBe(200);
    const itemId = Number(/action="\/arbejdsrum\/moeder\/\d+\/moedet\/punkter\/(\d+)"/.exec(page.body)?.[1]);
    const item = await getItem(t().system, itemId);
    const auto = await post(
      `/arbejdsrum/moeder/${meetingId}/moedet/punkter/${itemId}`,
      { version: String(item.version), decisionText: "Godkendt.", outcome: "approved" },
      s,
      "application/json",
    );
    expect(auto.statusCode).toBe(200);
    expect(auto.json().version).toBe(item.version + 1);
    const conflict = await post(
      `/arbejdsrum/moeder/${meetingId}/moedet/punkter/${itemId}`,
      { version: String(item.version), decisionText: "Noget andet.", outcome: "approved" },
      s,
      "application/json",
    );
    expect(conflict.statusCode).toBe(409);
    page = await get(`/arbejdsrum/moeder/${meetingId}/moedet`, s);
    const mv =
      /name="to" value="minutes_draft"[^>]*>\s*<input type="hidden" name="version" value="(\d+)"/.exec(
        page.body,
      )?.[1];
    res = await post(
      `/arbejdsrum/moeder/${meetingId}/status`,
      { to: "minutes_draft", version: String(mv), confirm: "ja" },
      s,
    );
    expect(res.statusCode).toBe(303);
    // The secretary may not approve; the chair may.
    page = await get(`/arbejdsrum/moeder/${meetingId}/referat`, s);
    expect(page.body).toContain("Referatet venter på formandens godkendelse.");
    // The chair first sends the draft back with a comment; the secretariat sees it and drafts again.
    page = await get(`/arbejdsrum/moeder/${meetingId}/referat`, w.users.chair.token);
    expect(page.body).toContain("Send referatet tilbage til sekretariatet");
    const bv = /referat\/tilbage"[\s\S]*?name="version" value="(\d+)"/.exec(page.body)?.[1];
    const empty = await post(
      `/arbejdsrum/moeder/${meetingId}/referat/tilbage`,
      { version: String(bv), comment: "" },
      w.users.chair.token,
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv, hvad sekretariatet skal rette");
    const member = await post(
      `/arbejdsrum/moeder/${meetingId}/referat/tilbage`,
      { version: String(bv), comment: "Ret beslutningen i punkt 1." },
      w.users.member.token,
    );
    expect(member.statusCode).toBe(403);
    res = await post(
      `/arbejdsrum/moeder/${meetingId}/referat/tilbage`,
      { version: String(bv), comment: "Ret beslutningen i punkt 1." },
      w.users.chair.token,
    );
    expect(res.statusCode).toBe(303);
    page = await get(`/arbejdsrum/moeder/${meetingId}/moedet`, s);
    expect(page.body).toContain("Formandskabet har sendt referatet tilbage:");
    expect(page.body).toContain("Ret beslutningen i punkt 1.");
    const again =
      /name="to" value="minutes_draft"[^>]*>\s*<input type="hidden" name="version" value="(\d+)"/.exec(
        page.body,
      )?.[1];
    res = await post(
      `/arbejdsrum/moeder/${meetingId}/status`,
      { to: "minutes_draft", version: String(again), confirm: "ja" },
      s,
    );
    expect(res.statusCode).toBe(303);
    page = await get(`/arbejdsrum/moeder/${meetingId}/referat`, w.users.chair.token);
    const av =
      /name="to" value="minutes_approved"[^>]*>\s*<input type="hidden" name="version" value="(\d+)"/.exec(
        page.body,
      )?.[1];
    res = await post(
      `/arbejdsrum/moeder/${meetingId}/status`,
      { to: "minutes_approved", version: String(av) },
      w.users.chair.token,
    );
    expect(res.statusCode).toBe(303);
    page = await get(`/arbejdsrum/moeder/${meetingId}/referat`, s);
    const pv =
      /name="to" value="minutes_published"[^>]*>\s*<input type="hidden" name="version" value="(\d+)"/.exec(
        page.body,
      )?.[1];
    res = await post(
      `/arbejdsrum/moeder/${meetingId}/status`,
      { to: "minutes_published", version: String(pv), confirm: "ja" },
      s,
    );
    expect(res.statusCode).toBe(303);
    const pub = await get(`/moeder/${meetingId}`);
    expect(pub.statusCode).toBe(301);
    // A correction needs a reason.
    const fresh = await getItem(t().system, itemId);
    const noReason = await post(
      `/arbejdsrum/moeder/${meetingId}/referat/punkter/${itemId}/rettelse`,
      {
        version: String(fresh.version),
        decisionText: "Godkendt med rettelse.",
        outcome: "approved",
        reason: "",
      },
      s,
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Skriv en begrundelse på mindst 5 tegn.");
    const ok = await post(
      `/arbejdsrum/moeder/${meetingId}/referat/punkter/${itemId}/rettelse`,
      {
        version: String(fresh.version),
        decisionText: "Godkendt med rettelse.",
        outcome: "approved",
        reason: "Stavefejl i beslutningen",
      },
      s,
    );
    expect(ok.statusCode).toBe(303);
  });

  it("a secretary of another body sees none of it (404)", async () => {
    for (const url of [
      `/arbejdsrum/moeder/${meetingId}`,
      `/arbejdsrum/moeder/${meetingId}/moedet`,
      `/arbejdsrum/moeder/${meetingId}/referat`,
    ]) {
      const res = await get(url, w.users.outsider.token);
      expect(res.statusCode, url).toBe(404);
    }
  });
});
