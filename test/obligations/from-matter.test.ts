import { count, eq } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { createApiToken, createUser } from "../../src/modules/auth/auth.service.ts";
import { PUBLIC_ACTOR } from "../../src/modules/auth/index.ts";
import { createBody } from "../../src/modules/bodies/index.ts";
import { agendaItems, createMeeting } from "../../src/modules/meetings/index.ts";
import { runNotifications } from "../../src/modules/notifications/index.ts";
import { obligations, type TObligation } from "../../src/modules/obligations/index.ts";
import { createMembership, createPerson } from "../../src/modules/people/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { csrfFor, pageLogin } from "../helpers/csrf.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { SECRET, seedWorld, type World } from "../helpers/factories.ts";

const DAY = 86_400_000;
const day = (offset: number) =>
  new Date(Date.now() + offset * DAY).toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" });
const danish = (iso: string) =>
  iso
    .split("-")
    .reverse()
    .map((p) => String(Number(p)))
    .join(".");
const PASSWORD = "korrekt-hest-batteri";

describeEachDatabase(
  "Obligations fanned out from a chair decision or written procedure (issue 22)",
  (kind) => {
    const t = useTestApp(kind);
    let w: World;
    const groups: Record<"a" | "b", { id: number; token: string; email: string }> = {} as never;
    let nextMeetingId: number;

    const api = (method: "GET" | "POST", url: string, token?: string, payload?: object) =>
      t().request({ method, url, token, ...(payload ? { payload } : {}) });
    const inject = (opts: InjectOptions) => t().app.inject(opts);
    const page = async (url: string, cookie?: string) => {
      await t().app.background.drain();
      return inject({ method: "GET", url, headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } });
    };
    const postForm = (url: string, cookie: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) {
        for (const one of [v].flat()) {
          body.append(k, one);
        }
      }
      return inject({
        method: "POST",
        url,
        headers: { accept: "text/html", cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: body.toString(),
      });
    };
    const obligationCount = async () =>
      (await t().database.db.select({ n: count() }).from(obligations))[0]?.n ?? 0;

    /** A chair decision put by the SSU's secretariat, decided by its chair unless `decision` is null. */
    async function chairDecision(
      title: string,
      decision: "approved" | "approved_with_remark" | "rejected" | null,
      access: "open" | "closed" = "open",
    ): Promise<number> {
      const put = await api("POST", "/api/v1/matters", w.users.secretary.token, {
        bodyId: w.ssu.id,
        procedure: "chair_decision",
        title,
        question: `Det indstilles, at ${title} godkendes.`,
        access,
      });
      expect(put.statusCode, put.body).toBe(201);
      const id = put.json().id as number;
      if (decision) {
        const decided = await api("POST", `/api/v1/matters/${id}/decision`, w.users.chair.token, {
          decision,
          ...(decision === "approved_with_remark" ? { remark: "Med en bemærkning." } : {}),
        });
        expect(decided.statusCode, decided.body).toBe(200);
      }
      return id;
    }

    const fanOut = (matterId: number, token: string | undefined, text = "Lav en lokal handleplan.") =>
      api("POST", `/api/v1/matters/${matterId}/obligations`, token, {
        text,
        deadline: day(20),
        returns: "document",
        addressees: { bodyIds: [groups.a.id, groups.b.id] },
      });

    beforeAll(async () => {
      const { system } = t();
      w = await seedWorld(system);
      for (const key of ["a", "b"] as const) {
        const body = await createBody(system, {
          name: `Klynge ${key.toUpperCase()}`,
          kind: "cluster_professional",
          region: "Testkyst",
        });
        const person = await createPerson(system, { name: `Klyngesekretær ${key.toUpperCase()}` });
        await createMembership(system, { personId: person.id, bodyId: body.id, role: "secretary" });
        const email = `klynge-${key}@test.dk`;
        const user = await createUser(system, {
          email,
          name: `klynge-${key}`,
          password: PASSWORD,
          personId: person.id,
        });
        const { token } = await createApiToken(
          { db: system.db, actor: { ...PUBLIC_ACTOR, userId: user.id } },
          { name: "t" },
        );
        groups[key] = { id: body.id, token, email };
      }
      nextMeetingId = (
        await createMeeting(system, { bodyId: w.ssu.id, start: new Date(Date.now() + 30 * DAY) })
      ).id;
    });

    it("fans a decided chair decision out to two bodies: each addressee sees one obligation, the SSU follows it", async () => {
      const matterId = await chairDecision("Fælles udskrivningsmodel", "approved_with_remark");
      const res = await fanOut(matterId, w.users.secretary.token);
      expect(res.statusCode, res.body).toBe(201);
      const o = res.json() as TObligation;
      expect(o).toMatchObject({ bodyId: w.ssu.id, matterId, itemId: null });
      expect(o.addressees.map((a) => a.bodyId).sort()).toEqual([groups.a.id, groups.b.id].sort());
      for (const key of ["a", "b"] as const) {
        const own = await api("GET", `/api/v1/bodies/${groups[key].id}/obligations`, groups[key].token);
        expect(own.statusCode).toBe(200);
        const received = own.json().received as TObligation[];
        expect(received.map((r) => r.id)).toEqual([o.id]);
        expect(received[0]?.addressees.map((a) => a.bodyId)).toEqual([groups[key].id]);
      }
      const listed = await api("GET", `/api/v1/matters/${matterId}/obligations`, w.users.member.token);
      expect(listed.statusCode).toBe(200);
      expect((listed.json() as TObligation[]).map((x) => x.id)).toEqual([o.id]);
      // the status item goes on the SSU's next agenda, as open as the matter
      const status = await api("POST", `/api/v1/obligations/${o.id}/status-item`, w.users.secretary.token);
      expect(status.statusCode, status.body).toBe(201);
      expect(status.json().meetingId).toBe(nextMeetingId);
      const [item] = await t()
        .database.db.select()
        .from(agendaItems)
        .where(eq(agendaItems.id, status.json().itemId));
      expect(item?.access).toBe("open");
      // the obligation's page says where it came from, for the deciding body's members
      const cookie = await pageLogin(inject, "medlem@test.dk", PASSWORD);
      const html = (await page(`/arbejdsrum/forpligtelser/${o.id}`, cookie)).body;
      expect(html).toContain("Sendt ud fra beslutningen:");
      expect(html).toContain(`href="/arbejdsrum/beslutningssager/${matterId}"`);
      expect(html).toContain(`href="/arbejdsrum/forpligtelser/sag/${matterId}"`);
    });

    it("refuses a matter that is not decided or was rejected, in Danish, and writes nothing", async () => {
      const before = await obligationCount();
      const open = await chairDecision("Uafgjort sag", null);
      const undecided = await fanOut(open, w.users.secretary.token);
      expect(undecided.statusCode).toBe(409);
      expect(undecided.json().error.message).toBe(
        "Sagen er ikke afgjort endnu. Forpligtelser kan sendes ud, når den er godkendt.",
      );
      const rejected = await chairDecision("Afvist sag", "rejected");
      const refused = await fanOut(rejected, w.users.secretary.token);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toBe(
        "Sagen blev ikke godkendt, så der er ingen beslutning at sende forpligtelser ud fra.",
      );
      expect(await obligationCount()).toBe(before);
    });

    it("refuses anyone but the body's secretariat (403 to members, 404 to others) and writes nothing", async () => {
      const matterId = await chairDecision("Sag til sekretariatet", "approved");
      const before = await obligationCount();
      for (const who of ["member", "chair"] as const) {
        const res = await fanOut(matterId, w.users[who].token);
        expect(res.statusCode, who).toBe(403);
        expect(res.json().error.message).toBe(
          "Kun forummets sekretariat kan sende forpligtelser ud fra en beslutning.",
        );
      }
      expect((await fanOut(matterId, w.users.outsider.token)).statusCode).toBe(404);
      expect((await fanOut(matterId, groups.a.token)).statusCode).toBe(404);
      // anonymous: the matter is not even confirmed
      expect((await fanOut(matterId, undefined)).statusCode).toBe(404);
      expect((await fanOut(999_999, w.users.secretary.token)).statusCode).toBe(404);
      expect(await obligationCount()).toBe(before);
    });

    it("keeps a closed matter's obligation text from outsiders: API, pages, search and mails", async () => {
      const matterId = await chairDecision(`Lukket sag ${SECRET}`, "approved", "closed");
      const res = await fanOut(matterId, w.users.secretary.token, `Forbered ${SECRET} til fristen.`);
      expect(res.statusCode, res.body).toBe(201);
      const o = res.json() as TObligation;
      // the addressee and the deciding body's member read it
      expect((await api("GET", `/api/v1/obligations/${o.id}`, groups.a.token)).body).toContain(SECRET);
      expect((await api("GET", `/api/v1/obligations/${o.id}`, w.users.member.token)).body).toContain(SECRET);
      // mails leave Tværs: the link, never the closed text
      const sent: { to: string; text: string }[] = [];
      await t().app.background.drain();
      await runNotifications(t().database.db, {
        send: async (m) => {
          sent.push({ to: String(m.to), text: `${m.subject}\n${m.text}` });
        },
        baseUrl: "https://tvaers.test",
        reminders: false,
      });
      const arrived = sent.filter((m) => m.text.includes(`/arbejdsrum/forpligtelser/${o.id}`));
      expect(arrived.map((m) => m.to).sort()).toEqual([groups.a.email, groups.b.email].sort());
      for (const m of sent) {
        expect(m.text).not.toContain(SECRET);
      }
      // the status item is as closed as the matter
      const status = await api("POST", `/api/v1/obligations/${o.id}/status-item`, w.users.secretary.token);
      expect(status.statusCode, status.body).toBe(201);
      const [item] = await t()
        .database.db.select()
        .from(agendaItems)
        .where(eq(agendaItems.id, status.json().itemId));
      expect(item?.access).toBe("closed");
      const outsider = await pageLogin(inject, "udenfor@test.dk", PASSWORD);
      const surfaces = [
        `/api/v1/obligations/${o.id}`,
        `/api/v1/matters/${matterId}/obligations`,
        `/api/v1/matters/${matterId}`,
        `/api/v1/bodies/${groups.a.id}/obligations`,
        "/api/v1/search?q=fristen",
        "/api/v1/feed.atom",
        `/arbejdsrum/forpligtelser/${o.id}`,
        `/arbejdsrum/forpligtelser/sag/${matterId}`,
        `/arbejdsrum/beslutningssager/${matterId}`,
        "/arbejdsrum/forpligtelser",
        "/soeg?q=fristen",
        "/soeg?q=Forbered",
        "/api/v1/search?q=Forbered",
        "/nyt.atom",
      ];
      for (const url of surfaces) {
        for (const reader of [
          { who: "anonymous", token: undefined, cookie: undefined },
          { who: "another body's secretary", token: w.users.outsider.token, cookie: outsider },
        ]) {
          const got = url.startsWith("/api/")
            ? await api("GET", url, reader.token)
            : await page(url, reader.cookie);
          expect(got.body, `${url} as ${reader.who}`).not.toContain(SECRET);
        }
      }
    });

    it("fans out from the matter's page: the form for the secretariat, CSRF, Danish errors, nothing written on error", async () => {
      const matterId = await chairDecision("Sag fra siden", "approved");
      const url = `/arbejdsrum/forpligtelser/sag/${matterId}`;
      const secretary = await pageLogin(inject, "sekretaer@test.dk", PASSWORD);
      // the decided matter's page links the secretariat to the fan-out page
      const matterPage = await page(`/arbejdsrum/beslutningssager/${matterId}`, secretary);
      expect(matterPage.body).toContain(`<a href="${url}">Send forpligtelser ud</a>`);
      const form = await page(url, secretary);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain("Forpligtelser fra sagen: Sag fra siden");
      expect(form.body).toContain(`action="${url}"`);
      expect(form.body).toContain("Der er ikke sendt forpligtelser ud fra denne sag.");
      // a member reads the page without the form; an outsider is not told the matter exists
      const member = await pageLogin(inject, "medlem@test.dk", PASSWORD);
      expect((await page(`/arbejdsrum/beslutningssager/${matterId}`, member)).body).toContain(
        `<a href="${url}">Forpligtelser til andre fora</a>`,
      );
      const asMember = await page(url, member);
      expect(asMember.statusCode).toBe(200);
      expect(asMember.body).not.toContain(`action="${url}"`);
      expect((await page(url, await pageLogin(inject, "udenfor@test.dk", PASSWORD))).statusCode).toBe(404);
      expect((await page(url)).statusCode).toBe(303);

      const before = await obligationCount();
      const fields = {
        kind: "obligation",
        text: "Indsend en plan for udskrivning.",
        deadline: danish(day(14)),
        returns: "document",
        bodyIds: [String(groups.a.id), String(groups.b.id)],
      };
      const noCsrf = await postForm(url, secretary, fields);
      expect(noCsrf.statusCode).toBe(403);
      const bad = await postForm(url, secretary, {
        ...fields,
        text: "",
        deadline: "i morgen",
        _csrf: csrfFor(secretary),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain("Skal udfyldes.");
      expect(bad.body).toContain("Skriv fristen som en dato, fx 8.11.2027.");
      const asMemberPost = await postForm(url, member, { ...fields, _csrf: csrfFor(member) });
      expect(asMemberPost.statusCode).toBe(403);
      const open = await chairDecision("Uafgjort fra siden", null);
      const undecided = await postForm(`/arbejdsrum/forpligtelser/sag/${open}`, secretary, {
        ...fields,
        _csrf: csrfFor(secretary),
      });
      expect(undecided.statusCode).toBe(400);
      expect(undecided.body).toContain("Sagen er ikke afgjort endnu.");
      expect((await page(`/arbejdsrum/beslutningssager/${open}`, secretary)).body).not.toContain(
        "/arbejdsrum/forpligtelser/sag/",
      );
      expect(await obligationCount()).toBe(before);

      const ok = await postForm(url, secretary, { ...fields, _csrf: csrfFor(secretary) });
      expect(ok.statusCode, ok.body).toBe(303);
      expect(ok.headers.location).toBe(`${url}?gemt=1`);
      expect(await obligationCount()).toBe(before + 1);
      const after = await page(`${url}?gemt=1`, secretary);
      expect(after.body).toContain("Forpligtelsen er sendt ud.");
      expect(after.body).toContain("Indsend en plan for udskrivning.");
      const received = await api("GET", `/api/v1/bodies/${groups.b.id}/obligations`, groups.b.token);
      expect((received.json().received as TObligation[]).map((r) => r.text)).toContain(
        "Indsend en plan for udskrivning.",
      );
    });
  },
);
