import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

/**
 * The chair's approval of the agenda through the workspace's pages only: the chair turns the setting on
 * (the secretariat may not), the secretariat sends the agenda, the chair sends it back with a comment and
 * then approves it, and only then does the agenda builder offer "Offentliggør".
 */
describeEachDatabase("Agenda approval in the workspace", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let meetingId = 0;

  const api = (method: "GET" | "POST", url: string, payload?: object) =>
    t().request({ method, url, token: w.users.secretary.token, payload });
  const post = (url: string, form: Record<string, string>, token?: string) =>
    t().request({
      method: "POST",
      url,
      token,
      headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(form).toString(),
    });
  const page = (url: string, token?: string) =>
    t().request({ method: "GET", url, token, headers: { accept: "text/html" } });
  const version = async () => String((await api("GET", `/api/v1/meetings/${meetingId}`)).json().version);
  const bodyVersion = async () => String((await api("GET", `/api/v1/bodies/${w.ssu.id}`)).json().version);
  const settings = () => `/arbejdsrum/organer/${w.ssu.id}/godkendelse`;
  const approval = () => `/arbejdsrum/moeder/${meetingId}/dagsorden-godkendelse`;

  it("the settings page: members read it, the secretariat may not change it, the chair may", async () => {
    w = await seedWorld(t().system);
    const read = await page(settings(), w.users.member.token);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain("Kun forummets formand eller en administrator kan ændre indstillingerne.");
    expect(read.body).not.toContain("Gem indstillingerne");
    expect((await page(settings(), w.users.outsider.token)).statusCode).toBe(404);
    const form = { agendaApproval: "ja", minutesApproval: "chair", minutesApprovalDays: "7" };
    const bySecretary = await post(
      settings(),
      { ...form, version: await bodyVersion() },
      w.users.secretary.token,
    );
    expect(bySecretary.statusCode).toBe(403);
    const badDays = await post(
      settings(),
      { ...form, minutesApprovalDays: "syv", version: await bodyVersion() },
      w.users.chair.token,
    );
    expect(badDays.statusCode).toBe(400);
    expect(badDays.body).toContain("Skriv et antal dage mellem 1 og 60.");
    expect((await api("GET", `/api/v1/bodies/${w.ssu.id}`)).json().agendaApproval).toBe(false);
    const saved = await post(settings(), { ...form, version: await bodyVersion() }, w.users.chair.token);
    expect(saved.statusCode, saved.body).toBe(303);
    expect(saved.headers.location).toBe(`${settings()}?gemt=indstillinger`);
    const after = await page(String(saved.headers.location), w.users.chair.token);
    expect(after.body).toContain("Indstillingerne er gemt.");
    expect(after.body).toMatch(/id="agendaApproval"[^>]*checked/);
    const bodyPage = await page(`/arbejdsrum/organer/${w.ssu.id}`, w.users.secretary.token);
    expect(bodyPage.body).toContain("Formandskabet godkender dagsordenen, før den offentliggøres.");
  });

  it("the secretariat's agenda builder offers the request, not publication; the chair is led to the approval page", async () => {
    const m = (await api("POST", "/api/v1/meetings", { bodyId: w.ssu.id, start: "2031-06-12T09:00" })).json();
    meetingId = m.id;
    await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: "Sundhedsaftalens handleplan" });
    await api("POST", `/api/v1/meetings/${meetingId}/items`, { title: `Lukket ${SECRET}`, access: "closed" });
    const builder = await page(`/arbejdsrum/moeder/${meetingId}`, w.users.secretary.token);
    expect(builder.body).toContain("Send dagsordenen til godkendelse");
    expect(builder.body).not.toContain('value="agenda_published"');
    // The chair opening the editor's page is sent to the approval page, not to a dead end.
    const chairOpens = await page(`/arbejdsrum/moeder/${meetingId}`, w.users.chair.token);
    expect(chairOpens.statusCode).toBe(303);
    expect(chairOpens.headers.location).toBe(approval());
    const chairPage = await page(approval(), w.users.chair.token);
    expect(chairPage.body).toContain("Dagsordenen er ikke sendt til godkendelse endnu.");
    expect(chairPage.body).not.toContain("Godkend dagsordenen</button>");
    expect((await page(approval(), w.users.outsider.token)).statusCode).toBe(404);
  });

  it("request, send back with a comment, request again, approve — then publish; nothing is written on refusals", async () => {
    const asked = await post(`${approval()}/anmod`, { version: await version() }, w.users.secretary.token);
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/arbejdsrum/moeder/${meetingId}?gemt=tilgodkendelse`);
    const chairPage = await page(approval(), w.users.chair.token);
    expect(chairPage.body).toContain("Venter på formandskabets godkendelse");
    expect(chairPage.body).toContain("Sundhedsaftalens handleplan");
    expect(chairPage.body).toContain(SECRET); // the chair is a member: closed items are theirs to read
    expect(chairPage.body).toContain(`action="${approval()}/godkend"`);
    // A member sees the draft but may not answer.
    const memberPage = await page(approval(), w.users.member.token);
    expect(memberPage.body).not.toContain(`action="${approval()}/godkend"`);
    const v = await version();
    expect((await post(`${approval()}/godkend`, { version: v }, w.users.member.token)).statusCode).toBe(403);
    const short = await post(`${approval()}/tilbage`, { version: v, comment: "Nej" }, w.users.chair.token);
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain("Skriv, hvad sekretariatet skal ændre (mindst 5 tegn).");
    expect(await version()).toBe(v);
    const back = await post(
      `${approval()}/tilbage`,
      { version: v, comment: "Tilføj punktet om vinterberedskab" },
      w.users.chair.token,
    );
    expect(back.statusCode).toBe(303);
    const builder = await page(`/arbejdsrum/moeder/${meetingId}`, w.users.secretary.token);
    expect(builder.body).toContain("Tilføj punktet om vinterberedskab");
    expect(builder.body).toContain("Send dagsordenen til godkendelse");
    // A stale form gets 409 and writes nothing.
    const stale = await post(`${approval()}/anmod`, { version: v }, w.users.secretary.token);
    expect(stale.statusCode).toBe(409);
    await post(`${approval()}/anmod`, { version: await version() }, w.users.secretary.token);
    const approved = await post(`${approval()}/godkend`, { version: await version() }, w.users.chair.token);
    expect(approved.statusCode).toBe(303);
    expect((await page(String(approved.headers.location), w.users.chair.token)).body).toContain(
      "Dagsordenen er godkendt; sekretariatet får besked",
    );
    const ready = await page(`/arbejdsrum/moeder/${meetingId}`, w.users.secretary.token);
    expect(ready.body).toMatch(/Godkendt af formand, /);
    expect(ready.body).toContain('value="agenda_published"');
    const published = await post(
      `/arbejdsrum/moeder/${meetingId}/status`,
      { to: "agenda_published", version: await version(), confirm: "ja" },
      w.users.secretary.token,
    );
    expect(published.statusCode, published.body).toBe(303);
    expect((await api("GET", `/api/v1/meetings/${meetingId}`)).json().status).toBe("agenda_published");
  });

  it("the chair's dashboard lists the agendas waiting for approval, linked to the approval page", async () => {
    const m = (await api("POST", "/api/v1/meetings", { bodyId: w.ssu.id, start: "2031-09-04T09:00" })).json();
    await api("POST", `/api/v1/meetings/${m.id}/items`, { title: "Budgetopfølgning" });
    const v = (await api("GET", `/api/v1/meetings/${m.id}`)).json().version;
    await post(
      `/arbejdsrum/moeder/${m.id}/dagsorden-godkendelse/anmod`,
      { version: String(v) },
      w.users.secretary.token,
    );
    const dash = await page("/arbejdsrum", w.users.chair.token);
    expect(dash.body).toContain("Dagsordener til din godkendelse");
    expect(dash.body).toContain(`href="/arbejdsrum/moeder/${m.id}/dagsorden-godkendelse"`);
    const memberDash = await page("/arbejdsrum", w.users.member.token);
    expect(memberDash.body).not.toContain("Dagsordener til din godkendelse");
  });
});
