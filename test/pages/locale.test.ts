import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "../../src/modules/auth/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";

describeEachDatabase("Language chosen per user", (kind) => {
  const t = useTestApp(kind);
  let w: World;

  async function session(email: string) {
    const res = await t().request({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password: "korrekt-hest-batteri" },
    });
    return `tvaers_session=${res.cookies.find((c) => c.name === "tvaers_session")?.value}`;
  }

  it("arranges a world", async () => {
    w = await seedWorld(t().system);
  });

  it("keeps a logged-in user's choice and uses it in any browser", async () => {
    const first = await session("medlem@test.dk");
    const switched = await t().request({
      method: "GET",
      url: "/kalender?lang=en",
      headers: { cookie: first },
    });
    expect(switched.statusCode).toBe(303);
    const [row] = await t()
      .database.db.select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, w.users.member.user.id));
    expect(row?.locale).toBe("en");
    // Another browser: no language cookie, Danish Accept-Language; the user's choice wins.
    const second = await session("medlem@test.dk");
    const page = await t().request({
      method: "GET",
      url: "/kalender",
      headers: { cookie: second, "accept-language": "da-DK" },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="en"');
    // Someone else, and the public, keep their own language.
    const other = await session("sekretaer@test.dk");
    const theirs = await t().request({
      method: "GET",
      url: "/kalender",
      headers: { cookie: other, "accept-language": "da-DK" },
    });
    expect(theirs.body).toContain('<html lang="da"');
    const pub = await t().request({
      method: "GET",
      url: "/kalender",
      headers: { "accept-language": "da-DK" },
    });
    expect(pub.body).toContain('<html lang="da"');
  });

  it("switching back is remembered too", async () => {
    const s = await session("medlem@test.dk");
    await t().request({ method: "GET", url: "/?lang=da", headers: { cookie: s } });
    const [row] = await t()
      .database.db.select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, w.users.member.user.id));
    expect(row?.locale).toBe("da");
  });
});
