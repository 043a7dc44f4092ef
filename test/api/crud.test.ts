import { expect, it } from "vitest";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

describeEachDatabase("API: list, get, create, update, delete", (kind) => {
  const t = useTestApp(kind);
  let w: World;
  const as = (who: keyof World["users"]) => w.users[who].token;

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
    expect(w.meeting.status).toBe("minutes_published");
  });

  it("manages parties as admin, with filters and validation of municipality codes", async () => {
    const created = await t().request({
      method: "POST",
      url: "/api/v1/parties",
      token: as("admin"),
      payload: { type: "municipality", name: "Testrup Kommune", region: "Testkyst", municipalityCode: "901" },
    });
    expect(created.statusCode).toBe(201);
    const party = created.json();
    const list = await t().request({ method: "GET", url: "/api/v1/parties?type=municipality" });
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(["Testrup Kommune"]);
    const patched = await t().request({
      method: "PATCH",
      url: `/api/v1/parties/${party.id}`,
      token: as("admin"),
      payload: { version: party.version, name: "Testrup Kommune (ny)" },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: "Testrup Kommune (ny)", version: party.version + 1 });
    const wrongCode = await t().request({
      method: "POST",
      url: "/api/v1/parties",
      token: as("admin"),
      payload: { type: "hospital", name: "Sygehus", municipalityCode: "123" },
    });
    expect(wrongCode.statusCode).toBe(400);
    const del = await t().request({
      method: "DELETE",
      url: `/api/v1/parties/${party.id}`,
      token: as("admin"),
    });
    expect(del.statusCode).toBe(204);
    expect((await t().request({ method: "GET", url: `/api/v1/parties/${party.id}` })).statusCode).toBe(404);
  });

  it("pages through lists with a cursor, without gaps or repeats", async () => {
    for (let i = 0; i < 7; i++) {
      const r = await t().request({
        method: "POST",
        url: "/api/v1/persons",
        token: as("secretary"),
        payload: { name: `Person ${i}` },
      });
      expect(r.statusCode).toBe(201);
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/persons?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await t().request({ method: "GET", url })
      ).json();
      seen.push(...page.items.map((p: { id: number }) => p.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen.length).toBe(11);
    expect(new Set(seen).size).toBe(11);
    expect(pages).toBe(4);
  });

  it("pages meetings by start time", async () => {
    for (const day of ["2026-02-05", "2026-01-08", "2026-03-05"]) {
      const r = await t().request({
        method: "POST",
        url: "/api/v1/meetings",
        token: as("secretary"),
        payload: { bodyId: w.ssu.id, start: `${day}T10:00`, end: `${day}T12:00`, location: "Mødelokale 1" },
      });
      expect(r.statusCode).toBe(201);
    }
    const first = (
      await t().request({ method: "GET", url: `/api/v1/meetings?bodyId=${w.ssu.id}&limit=2` })
    ).json();
    const second = (
      await t().request({
        method: "GET",
        url: `/api/v1/meetings?bodyId=${w.ssu.id}&limit=2&cursor=${first.nextCursor}`,
      })
    ).json();
    const starts = [...first.items, ...second.items].map((m: { start: string }) => m.start);
    expect(starts).toEqual([...starts].sort());
    expect(starts).toHaveLength(4);
    expect(second.nextCursor).toBeNull();
    expect(starts[1]).toBe("2026-01-08T09:00:00.000Z");
  });

  it("lets a secretary build an agenda: items, reorder, attendance, absences, attachments", async () => {
    const m = (
      await t().request({
        method: "POST",
        url: "/api/v1/meetings",
        token: as("secretary"),
        payload: { bodyId: w.ssu.id, start: "2026-06-04T09:00", location: "Rådhuset" },
      })
    ).json();
    const titles = ["Godkendelse af dagsorden", "Akutområdet", "Eventuelt"];
    const ids: number[] = [];
    for (const title of titles) {
      const r = await t().request({
        method: "POST",
        url: `/api/v1/meetings/${m.id}/items`,
        token: as("secretary"),
        payload: { title, sections: { summary: `Resumé af ${title}` }, durationMinutes: 10 },
      });
      expect(r.statusCode).toBe(201);
      ids.push(r.json().id);
    }
    const reordered = await t().request({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/items/reorder`,
      token: as("secretary"),
      payload: { itemIds: [ids[1], ids[0], ids[2]] },
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().map((i: { title: string; number: number }) => `${i.number} ${i.title}`)).toEqual([
      "1 Akutområdet",
      "2 Godkendelse af dagsorden",
      "3 Eventuelt",
    ]);
    const att = await t().request({
      method: "POST",
      url: `/api/v1/meetings/${m.id}/attendance`,
      token: as("secretary"),
      payload: { personId: w.people.member.id, status: "substitute", substituteForId: w.people.chair.id },
    });
    expect(att.statusCode).toBe(201);
    const absence = await t().request({
      method: "POST",
      url: `/api/v1/items/${ids[1]}/absences`,
      token: as("secretary"),
      payload: { personId: w.people.chair.id, note: "Forlod mødet" },
    });
    expect(absence.statusCode).toBe(201);
    const attachment = (
      await t().request({
        method: "POST",
        url: `/api/v1/items/${ids[1]}/attachments`,
        token: as("secretary"),
        payload: { title: "Notat om akutområdet" },
      })
    ).json();
    const upload = await t().request({
      method: "PUT",
      url: `/api/v1/attachments/${attachment.id}/content?version=${attachment.version}&fileName=notat.pdf`,
      token: as("secretary"),
      headers: { "content-type": "application/pdf" },
      payload: Buffer.from("%PDF-1.4 testindhold"),
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.json()).toMatchObject({ size: 20, mimeType: "application/pdf", hasFile: true });
    const content = await t().request({
      method: "GET",
      url: `/api/v1/attachments/${attachment.id}/content`,
      token: as("member"),
    });
    expect(content.statusCode).toBe(200);
    expect(content.body).toBe("%PDF-1.4 testindhold");
    expect(content.headers["content-disposition"]).toContain("notat.pdf");
    const details = (
      await t().request({ method: "GET", url: `/api/v1/meetings/${m.id}/details`, token: as("member") })
    ).json();
    expect(details.items).toHaveLength(3);
    expect(details.items[0].absences).toHaveLength(1);
    expect(details.items[0].attachments[0].title).toBe("Notat om akutområdet");
    expect(details.attendance[0]).toMatchObject({ status: "substitute", substituteForId: w.people.chair.id });
    const removed = await t().request({
      method: "DELETE",
      url: `/api/v1/items/${ids[0]}`,
      token: as("secretary"),
    });
    expect(removed.statusCode).toBe(204);
    const after = (
      await t().request({ method: "GET", url: `/api/v1/meetings/${m.id}/items`, token: as("member") })
    ).json();
    expect(after.items.map((i: { number: number }) => i.number)).toEqual([1, 2]);
  });

  it("manages bodies, memberships and users with the right roles", async () => {
    const body = await t().request({
      method: "POST",
      url: "/api/v1/bodies",
      token: as("admin"),
      payload: {
        name: "Ad hoc-gruppe om genoptræning",
        kind: "ad_hoc_group",
        reportsToId: w.ssu.id,
        mandatePurpose: "Forenkle genoptræningsplaner",
        mandateFrom: "2026-01-01",
        mandateTo: "2026-12-31",
      },
    });
    expect(body.statusCode).toBe(201);
    expect(body.json().mandate).toMatchObject({ status: "active", from: "2026-01-01" });
    const notAdmin = await t().request({
      method: "POST",
      url: "/api/v1/bodies",
      token: as("secretary"),
      payload: { name: "Andet", kind: "other" },
    });
    expect(notAdmin.statusCode).toBe(403);
    const membership = await t().request({
      method: "POST",
      url: "/api/v1/memberships",
      token: as("secretary"),
      payload: { personId: w.people.member.id, bodyId: w.ssu.id, role: "observer", from: "2026-01-01" },
    });
    expect(membership.statusCode).toBe(201);
    const list = (
      await t().request({ method: "GET", url: `/api/v1/memberships?bodyId=${w.ssu.id}&role=observer` })
    ).json();
    expect(list.items).toHaveLength(1);
    const user = await t().request({
      method: "POST",
      url: "/api/v1/users",
      token: as("admin"),
      payload: { email: "Ny@Test.dk", name: "Ny", password: "en-lang-adgangskode" },
    });
    expect(user.statusCode).toBe(201);
    expect(user.json()).not.toHaveProperty("passwordHash");
    expect(user.json().email).toBe("ny@test.dk");
    expect(
      (await t().request({ method: "GET", url: "/api/v1/users", token: as("secretary") })).statusCode,
    ).toBe(403);
  });

  it("hides e-mail addresses of persons from the public", async () => {
    const p = await t().request({
      method: "POST",
      url: "/api/v1/persons",
      token: as("secretary"),
      payload: { name: "Eva E-mail", email: "eva@kommune.dk" },
    });
    const id = p.json().id;
    expect((await t().request({ method: "GET", url: `/api/v1/persons/${id}` })).json().email).toBeNull();
    expect(
      (await t().request({ method: "GET", url: `/api/v1/persons/${id}`, token: as("secretary") })).json()
        .email,
    ).toBe("eva@kommune.dk");
  });
});
