import { expect, it } from "vitest";
import { createBody } from "../../src/modules/bodies/index.ts";
import { createParty } from "../../src/modules/parties/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { publishedMeeting } from "../helpers/decisions.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

/**
 * An agreement's way through the API: drafted (not public), sent to hearing, three responses split into
 * remarks, the matrix handled and exported, approved at a closed item, found in the toolbox; a minor
 * correction by the chair group; replaced. Drafts and unpublished responses stay inside; bad input.
 */
describeEachDatabase("Agreements and hearings API", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  let id: number;
  let hearingId: number;
  let partyIds: number[];
  const api = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, token?: string) =>
    t().request({ method, url, ...(payload ? { payload } : {}), ...(token ? { token } : {}) });
  const sec = () => w.users.secretary.token;
  const outsiders = () => [undefined, w.users.outsider.token];

  it("drafts an agreement that only the owner group sees", async () => {
    w = await seedWorld(t().system);
    partyIds = [];
    for (const name of ["Esbjerg Kommune", "Varde Kommune", "PLO-Testkyst"]) {
      partyIds.push((await createParty(t().system, { type: "municipality", name, region: "Testkyst" })).id);
    }
    const res = await api(
      "POST",
      "/api/v1/agreements",
      {
        title: "Samarbejdsaftale om udskrivning af ældre",
        kind: "cooperation_agreement",
        theme: "Ældre og akut",
        summary: "Fælles aftale om udskrivning af ældre medicinske patienter.",
        ownerBodyId: w.ssu.id,
        contactName: "Sara Sekretær",
        contactEmail: "sara@test.dk",
        firstVersion: { label: "Udkast", text: `# Aftalen\n\nUdkast ${SECRET}` },
      },
      sec(),
    );
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: "draft", current: null, canEdit: true });
    for (const token of outsiders()) {
      expect((await api("GET", `/api/v1/agreements/${id}`, undefined, token)).statusCode).toBe(404);
      expect((await api("GET", "/api/v1/agreements", undefined, token)).body).not.toContain(SECRET);
    }
    expect((await api("GET", `/api/v1/agreements/${id}`, undefined, w.users.member.token)).body).toContain(
      SECRET,
    );
    const early = await api(
      "POST",
      `/api/v1/agreements/${id}/approve`,
      { bodyId: w.ssu.id, on: "2025-03-06" },
      sec(),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].message).toContain("høring");
  });

  it("sends the draft to hearing (it becomes public) and records three responses with remarks", async () => {
    const revised = await api(
      "POST",
      `/api/v1/agreements/${id}/versions`,
      {
        label: "Høringsudkast",
        changeNote: "Tilrettet efter følgegruppen",
        text: "# Aftalen\n\nHøringsudkast.",
      },
      sec(),
    );
    expect(revised.statusCode, revised.body).toBe(201);
    const started = await api(
      "POST",
      `/api/v1/agreements/${id}/hearings`,
      {
        startsOn: "2025-03-10",
        endsOn: "2025-05-01",
        invitees: [...partyIds.map((partyId) => ({ partyId })), { name: "Patientinddragelsesudvalget" }],
        itemId: w.items.open.id,
      },
      sec(),
    );
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().status).toBe("hearing");
    hearingId = started.json().hearings[0].id;
    const texts = [
      `Vi savner en tydelig tovholder.\n\nFristen for epikrise bør være 24 timer. SVAR-${SECRET}`,
      "- Aftalen bør nævne weekender.\n- Patienternes pårørende skal inddrages.",
      "Ingen bemærkninger ud over en sproglig rettelse i afsnit 3.",
    ];
    for (const [i, text] of texts.entries()) {
      const res = await api(
        "POST",
        `/api/v1/hearings/${hearingId}/responses`,
        { partyId: partyIds[i], receivedOn: `2025-04-2${i}`, text, splitText: true },
        sec(),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const token of outsiders()) {
      const seen = await api("GET", `/api/v1/agreements/${id}`, undefined, token);
      expect(seen.statusCode).toBe(200);
      expect(seen.body).not.toContain(SECRET);
      const h = seen.json().hearings[0];
      expect(h).toMatchObject({ responseCount: 3, responses: null, totals: null });
      expect(h.invitees.map((i: { name: string }) => i.name)).toContain("Patientinddragelsesudvalget");
      expect(seen.json().versions.map((v: { number: number }) => v.number)).toEqual([2]);
      expect(
        (await api("GET", `/api/v1/hearings/${hearingId}/matrix.csv`, undefined, token)).statusCode,
      ).toBe(404);
    }
  });

  it("handles each remark in the matrix and exports it as CSV and DOCX", async () => {
    const a = (await api("GET", `/api/v1/agreements/${id}`, undefined, sec())).json();
    const remarks = a.hearings[0].responses.flatMap((r: { remarks: object[] }) => r.remarks);
    expect(remarks).toHaveLength(5);
    const handlings = ["changed", "adjusted", "not_changed", "changed", "not_changed"];
    for (const [i, m] of (remarks as { id: number; version: number }[]).entries()) {
      const res = await api(
        "PATCH",
        `/api/v1/hearing-remarks/${m.id}`,
        { version: m.version, handling: handlings[i], answer: `Svar ${i + 1}` },
        sec(),
      );
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = (await api("GET", `/api/v1/agreements/${id}`, undefined, sec())).json();
    expect(after.hearings[0].totals).toEqual({ not_changed: 2, adjusted: 1, changed: 2, pending: 0 });
    const csv = await api("GET", `/api/v1/hearings/${hearingId}/matrix.csv`, undefined, sec());
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Part;Modtaget;Afsnit;Bemærkning;Håndtering;Svar / begrundelse");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe("Esbjerg Kommune;20. april 2025;;Vi savner en tydelig tovholder.;Ændret;Svar 1");
    const docx = await api("GET", `/api/v1/hearings/${hearingId}/matrix.docx`, undefined, sec());
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("approves the hearing version at a closed item, publishes the responses and shows it in the toolbox", async () => {
    const closedAt = await publishedMeeting(t().system, w.ssu.id, "2025-06-05", [
      { title: `Godkendelse af aftalen ${SECRET}`, access: "closed", text: `Fortroligt ${SECRET}` },
    ]);
    const item = closedAt.items[0] as { id: number; number: number };
    const res = await api(
      "POST",
      `/api/v1/agreements/${id}/approve`,
      { bodyId: w.ssu.id, itemId: item.id, publishResponses: true },
      sec(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "approved",
      inForce: true,
      current: { number: 2, approvedOn: "2025-06-05" },
    });
    expect(res.json().hearings[0].closedOn).toBe("2025-06-05");
    for (const token of outsiders()) {
      const seen = await api("GET", `/api/v1/agreements/${id}`, undefined, token);
      expect(seen.body).not.toContain(`Godkendelse af aftalen ${SECRET}`);
      expect(seen.body).not.toContain(`Fortroligt ${SECRET}`);
      const approval = seen.json().events.find((e: { toStatus: string }) => e.toStatus === "approved");
      expect(approval).toMatchObject({
        fromStatus: "hearing",
        toStatus: "approved",
        decision: { title: null, closed: true },
      });
      expect(seen.json().hearings[0].totals).toEqual({ not_changed: 2, adjusted: 1, changed: 2, pending: 0 });
      expect(
        (await api("GET", `/api/v1/hearings/${hearingId}/matrix.csv`, undefined, token)).statusCode,
      ).toBe(200);
    }
    const toolbox = (await api("GET", "/api/v1/toolbox?q=udskrivning")).json();
    expect(toolbox.count).toBe(1);
    expect(toolbox.themes[0]).toMatchObject({ theme: "Ældre og akut" });
    expect(toolbox.themes[0].agreements[0]).toMatchObject({
      id,
      ownerName: "Sundhedssamarbejdsudvalget",
      contactName: "Sara Sekretær",
    });
    expect((await api("GET", "/api/v1/toolbox?q=findes+ikke")).json().count).toBe(0);
  });

  it("takes a minor correction through the chair group, not the committee; stays in force meanwhile", async () => {
    const minor = await api(
      "POST",
      `/api/v1/agreements/${id}/versions`,
      { label: "Version 2.1", track: "minor", changeNote: "Sproglige rettelser" },
      sec(),
    );
    expect(minor.json().status).toBe("revision");
    expect((await api("GET", "/api/v1/toolbox")).json().count).toBe(1);
    const wrong = await api(
      "POST",
      `/api/v1/agreements/${id}/approve`,
      { bodyId: w.ssu.id, on: "2025-09-01" },
      sec(),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe("bodyId");
    const chair = await createBody(t().system, {
      name: "Formandskabet for SSU",
      kind: "chair_group",
      reportsToId: w.ssu.id,
    });
    const ok = await api(
      "POST",
      `/api/v1/agreements/${id}/approve`,
      { bodyId: chair.id, on: "2025-09-01" },
      sec(),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", current: { number: 3, label: "Version 2.1" } });
  });

  it("replaces the agreement by a new one; a replaced agreement leaves the toolbox and cannot move", async () => {
    const next = await api(
      "POST",
      "/api/v1/agreements",
      {
        title: "Ny udskrivningsaftale",
        kind: "cooperation_agreement",
        theme: "Ældre og akut",
        ownerBodyId: w.ssu.id,
        firstVersion: { label: "Udkast" },
      },
      sec(),
    );
    const res = await api(
      "POST",
      `/api/v1/agreements/${id}/status`,
      { to: "replaced", replacedById: next.json().id, on: "2026-01-01" },
      sec(),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "replaced", replacedById: next.json().id, inForce: false });
    expect((await api("GET", "/api/v1/toolbox")).json().count).toBe(0);
    const stuck = await api(
      "POST",
      `/api/v1/agreements/${id}/status`,
      { to: "implementation", on: "2026-01-02" },
      sec(),
    );
    expect(stuck.statusCode).toBe(409);
    expect(stuck.json().error.message).toContain("erstattet");
  });

  it("answers bad input with Danish field errors and refuses outsiders", async () => {
    const bad = await api(
      "POST",
      "/api/v1/agreements",
      {
        title: "",
        kind: "aftale",
        theme: "",
        ownerBodyId: w.ssu.id,
        contactEmail: "ikke-en-mail",
        firstVersion: { label: "" },
      },
      sec(),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining([
        "body.title",
        "body.kind",
        "body.theme",
        "body.contactEmail",
        "body.firstVersion.label",
      ]),
    );
    const draft = await api(
      "POST",
      "/api/v1/agreements",
      {
        title: "Forløbsprogram for KOL",
        kind: "care_programme",
        theme: "Kronisk sygdom",
        ownerBodyId: w.ssu.id,
        firstVersion: { label: "Udkast" },
      },
      sec(),
    );
    const did = draft.json().id;
    const period = await api(
      "POST",
      `/api/v1/agreements/${did}/hearings`,
      { startsOn: "2025-05-01", endsOn: "2025-04-01", invitees: [{ name: "KL" }], on: "2025-05-01" },
      sec(),
    );
    expect(period.statusCode).toBe(400);
    expect(period.json().error.fields).toEqual([
      { path: "endsOn", message: "Høringsfristen ligger før høringens start." },
    ]);
    const none = await api(
      "POST",
      `/api/v1/agreements/${did}/hearings`,
      { startsOn: "2025-05-01", endsOn: "2025-06-01", invitees: [] },
      sec(),
    );
    expect(none.statusCode).toBe(400);
    const unknownParty = await api(
      "POST",
      `/api/v1/agreements/${did}/hearings`,
      { startsOn: "2025-05-01", endsOn: "2025-06-01", invitees: [{ partyId: 999999 }] },
      sec(),
    );
    expect(unknownParty.json().error.fields[0]).toEqual({
      path: "invitees.0.partyId",
      message: "Parten findes ikke.",
    });
    expect(
      (
        await api("POST", "/api/v1/agreements", {
          title: "X",
          kind: "other",
          theme: "Y",
          ownerBodyId: w.ssu.id,
          firstVersion: { label: "U" },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await api(
          "POST",
          "/api/v1/agreements",
          { title: "X", kind: "other", theme: "Y", ownerBodyId: w.ssu.id, firstVersion: { label: "U" } },
          w.users.outsider.token,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api(
          "POST",
          `/api/v1/hearings/${hearingId}/responses`,
          { partyName: "KL", receivedOn: "2025-04-01" },
          w.users.outsider.token,
        )
      ).statusCode,
    ).toBe(403);
  });
});
