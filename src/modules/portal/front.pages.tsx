import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";
import { MeetingList, type MeetingSummary, SITE_ALTERNATES } from "../meetings/index.ts";

/** The front page: what Tværs is, the coming meetings and the latest published minutes. */
export function FrontPage({
  ctx,
  upcoming,
  latest,
}: {
  ctx: PageCtx;
  upcoming: MeetingSummary[];
  latest: MeetingSummary[];
}): Html {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("front.title")} current="front" alternates={SITE_ALTERNATES(ctx)}>
      <h1>{t("front.title")}</h1>
      <p class="font-lead">{t("front.lead")}</p>
      <div class="row">
        <section class="col-12 col-lg-6" aria-labelledby="upcoming-h">
          <h2 id="upcoming-h">{t("front.upcoming")}</h2>
          {upcoming.length > 0 ? (
            <MeetingList ctx={ctx} meetings={upcoming} />
          ) : (
            <p>{t("front.noUpcoming")}</p>
          )}
          <p>
            <a href="/kalender">{t("front.allMeetings")}</a>
          </p>
        </section>
        <section class="col-12 col-lg-6" aria-labelledby="minutes-h">
          <h2 id="minutes-h">{t("front.latestMinutes")}</h2>
          {latest.length > 0 ? <MeetingList ctx={ctx} meetings={latest} /> : <p>{t("front.noMinutes")}</p>}
          <p>
            <a href="/organer">{t("front.allBodies")}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
