import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { PageParams } from "./search.pages.tsx";
import type { TSavedSearch } from "./search.schemas.ts";

/** The search page's "Gem søgning og få besked": a form for users, a way to log in for the public. */
export function SaveSearchForm({ ctx, params }: { ctx: PageCtx; params: PageParams }): Html {
  const { t } = ctx;
  const here = new URLSearchParams(params).toString();
  return (
    <section class="tv-save-search" aria-labelledby="save-search-h">
      <h2 class="h4" id="save-search-h">
        {t("search.save.heading")}
      </h2>
      <p>{t("search.save.lead")}</p>
      {ctx.actor.userId === null ? (
        <>
          <p>
            <a href={`/log-ind?next=${encodeURIComponent(`/soeg?${here}`)}`}>{t("search.save.login")}</a>
          </p>
          <PublicAlertForm ctx={ctx} params={params} />
        </>
      ) : (
        <form method="post" action="/soeg/gem">
          <CsrfField ctx={ctx} />
          {Object.entries(params)
            .filter(([k]) => k !== "page" && k !== "sort")
            .map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}
          <div class="form-group">
            <label class="form-label" for="save-name">
              {t("search.save.name")}
            </label>
            <input
              class="form-input"
              id="save-name"
              name="name"
              value={params.q ?? ""}
              maxlength="200"
              required
            />
          </div>
          <button type="submit" class="button button-secondary">
            {t("search.save.button")}
          </button>
        </form>
      )}
    </section>
  );
}

/** The public's form: alerts of this search by e-mail, without an account (double opt-in). */
function PublicAlertForm({ ctx, params }: { ctx: PageCtx; params: PageParams }): Html {
  const { t } = ctx;
  return (
    <form method="post" action="/soeg/abonner">
      <h3 class="h5">{t("search.alert.heading")}</h3>
      <CsrfField ctx={ctx} />
      {Object.entries(params)
        .filter(([k]) => k !== "page" && k !== "sort")
        .map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
      <div class="form-group">
        <label class="form-label" for="alert-email">
          {t("search.alert.email")}
        </label>
        <input
          class="form-input"
          id="alert-email"
          name="email"
          type="email"
          autocomplete="email"
          maxlength="254"
          required
        />
      </div>
      <button type="submit" class="button button-secondary">
        {t("search.alert.button")}
      </button>
    </form>
  );
}

/** /soeg/gemte: the user's saved searches, each with its search, feed and a delete button. */
export function SavedSearchesPage(props: {
  ctx: PageCtx;
  items: TSavedSearch[];
  notice: string | null;
}): Html {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("search.saved.title")}
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("search.title"), href: "/soeg" },
        { text: t("search.saved.title") },
      ]}
    >
      <h1>{t("search.saved.title")}</h1>
      {props.notice ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.notice}</p>
          </div>
        </div>
      ) : null}
      {items.length === 0 ? <p>{t("search.saved.none")}</p> : null}
      <ul class="nobullet-list">
        {items.map((s) => {
          const query = s.feedUrl.split("?")[1] ?? "";
          return (
            <li class="tv-saved-search">
              <h2 class="h4">{s.name}</h2>
              <p>
                <a href={`/soeg?${query}`}>{`${t("search.saved.open")}: ${s.query || "*"}`}</a>
                {" · "}
                <a href={`/soeg/feed.atom?${query}`} type="application/atom+xml">
                  {t("search.saved.feed")}
                </a>
              </p>
              <p>{t(s.emailAlerts ? "search.saved.alertsOn" : "search.saved.alertsOff")}</p>
              <form method="post" action="/soeg/gemte/besked" class="mb-4">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="id" value={String(s.id)} />
                <input type="hidden" name="version" value={String(s.version)} />
                <input type="hidden" name="on" value={s.emailAlerts ? "0" : "1"} />
                <button type="submit" class="button button-secondary">
                  {`${t(s.emailAlerts ? "search.saved.turnOff" : "search.saved.turnOn")} »${s.name}«`}
                </button>
              </form>
              <form method="post" action="/soeg/gemte/slet">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="id" value={String(s.id)} />
                <input type="hidden" name="version" value={String(s.version)} />
                <button type="submit" class="button button-secondary">
                  {`${t("search.saved.delete")} »${s.name}«`}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
