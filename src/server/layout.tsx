import type { Child, Html } from "#jsx/jsx-runtime";
import { CSRF_FIELD } from "../web/csrf.ts";
import { LANGS, type Lang, t as translate } from "../web/i18n.ts";
import type { PageCtx } from "../web/page.ts";
import { clientScriptUrls } from "./client-bundle.ts";
import { ASSETS } from "./static.ts";

export interface Crumb {
  text: string;
  href?: string;
}

/** The main navigation; `current` in the layout marks one of these keys. */
export type NavKey =
  | "front"
  | "bodies"
  | "calendar"
  | "cases"
  | "initiatives"
  | "funds"
  | "toolbox"
  | "workspace";
const NAV: { key: NavKey; href: string; label: `nav.${NavKey}` }[] = [
  { key: "front", href: "/", label: "nav.front" },
  { key: "bodies", href: "/organer", label: "nav.bodies" },
  { key: "calendar", href: "/kalender", label: "nav.calendar" },
  { key: "cases", href: "/sager", label: "nav.cases" },
  { key: "initiatives", href: "/indsatser", label: "nav.initiatives" },
  { key: "funds", href: "/puljer", label: "nav.funds" },
  { key: "toolbox", href: "/vaerktoejskasse", label: "nav.toolbox" },
];
/** Shown to logged-in users only. */
const WORKSPACE_NAV = { key: "workspace" as const, href: "/arbejdsrum", label: "nav.workspace" as const };

/** The search box of the header: a plain GET form to the search page. */
function SearchBox({ ctx }: { ctx: PageCtx }): Html {
  return (
    <search aria-label={ctx.t("layout.search")}>
      <form method="get" action="/soeg" class="tv-search">
        <label class="sr-only" for="tv-search-q">
          {ctx.t("layout.searchLabel")}
        </label>
        <input class="form-input" id="tv-search-q" name="q" type="search" />
        <button type="submit" class="button button-secondary">
          {ctx.t("layout.searchButton")}
        </button>
      </form>
    </search>
  );
}

/** The current URL with ?lang= set, for the language switch (the web plugin stores it and redirects). */
export function langHref(path: string, lang: Lang): string {
  const url = new URL(path, "http://x");
  url.searchParams.set("lang", lang);
  return `${url.pathname}${url.search}`;
}

/** A hidden field carrying the CSRF token: put it in every POST form (see web/csrf.ts). */
export function CsrfField({ ctx }: { ctx: PageCtx }): Html {
  return <input type="hidden" name={CSRF_FIELD} value={ctx.csrf} />;
}

function UserArea({ ctx }: { ctx: PageCtx }): Html {
  const { t, actor } = ctx;
  if (actor.userId === null) {
    const next = ctx.path.startsWith("/log-ind") ? "/" : ctx.path;
    return (
      <a class="function-link" href={`/log-ind?next=${encodeURIComponent(next)}`}>
        {t("auth.login")}
      </a>
    );
  }
  return (
    <form method="post" action="/log-ud" class="tv-logout">
      <span class="tv-user">{t("auth.loggedInAs", { name: actor.name ?? "" })}</span>
      <a class="function-link" href="/mine-oplysninger">
        {t("sec.own.title")}
      </a>
      <CsrfField ctx={ctx} />
      <button type="submit" class="function-link">
        {t("auth.logout")}
      </button>
    </form>
  );
}

function LanguageSwitch({ ctx }: { ctx: PageCtx }): Html {
  return (
    <ul class="tv-langs" aria-label={ctx.t("lang.choose")}>
      {LANGS.map((l) => (
        <li>
          <a
            href={langHref(ctx.path, l)}
            lang={l}
            hreflang={l}
            aria-current={l === ctx.lang ? "true" : undefined}
          >
            {translate(l, "lang.name")}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Breadcrumbs({ ctx, items }: { ctx: PageCtx; items: Crumb[] }): Html {
  return (
    <nav class="breadcrumbs d-print-none" aria-label={ctx.t("layout.breadcrumbs")}>
      <ol class="breadcrumbs__list">
        {items.map((c) =>
          c.href ? (
            <li class="breadcrumbs__list-item">
              <a class="breadcrumbs__link" href={c.href}>
                {c.text}
              </a>
            </li>
          ) : (
            <li class="breadcrumbs__list-item" aria-current="page">
              {c.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/**
 * The page shell: skip link, header (name, navigation, language, log in/out), breadcrumbs, main
 * and footer. `title` is the page's h1 and the start of <title>; pages render their own h1.
 */
export function Layout(props: {
  ctx: PageCtx;
  title: string;
  current?: NavKey;
  crumbs?: Crumb[];
  /** extra class on <body>, e.g. "tv-minutes" for pages that print like minutes */
  bodyClass?: string;
  /** page scripts (src/client/<name>.ts, bundled by Vite): progressive enhancement only */
  scripts?: string[];
  /** the page's feeds and calendars, declared as <link rel="alternate"> */
  alternates?: Array<{ href: string; type: string; title: string }>;
  children?: Child;
}): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === "Tværs" ? "Tværs" : `${props.title} – Tværs`}</title>
        <link rel="icon" href="/favicon.ico" type="image/svg+xml" />
        <link rel="stylesheet" href={ASSETS.dkfdsCss} />
        <link rel="stylesheet" href={ASSETS.appCss} />
        <link rel="stylesheet" href={ASSETS.printCss} media="print" />
        {(props.alternates ?? []).map((a) => (
          <link rel="alternate" type={a.type} href={a.href} title={a.title} />
        ))}
        {(props.scripts ?? []).flatMap(clientScriptUrls).map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body class={props.bodyClass}>
        <a class="skipnav" href="#main-content">
          {t("layout.skip")}
        </a>
        <header class="header tv-header">
          <div class="portal-info">
            <div class="portal-info-inner container tv-portal">
              <a href="/" class="tv-brand">
                Tværs
              </a>
              <span class="tv-tagline">{t("layout.tagline")}</span>
              {/* On a phone the tools and the menu fold behind "Menu" (a disclosure: no script needed). */}
              <details class="tv-menu d-print-none">
                <summary class="button button-secondary tv-menu-button">{t("layout.menuButton")}</summary>
                <div class="tv-tools">
                  <SearchBox ctx={ctx} />
                  <LanguageSwitch ctx={ctx} />
                  <UserArea ctx={ctx} />
                </div>
                <nav class="tv-nav" aria-label={t("layout.mainMenu")}>
                  <ul class="tv-mainmenu">
                    {(ctx.actor.userId === null ? NAV : [...NAV, WORKSPACE_NAV]).map((n) => (
                      <li class={n.key === props.current ? "active current" : undefined}>
                        <a
                          href={n.href}
                          class="nav-link"
                          aria-current={n.key === props.current ? "page" : undefined}
                        >
                          {t(n.label)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              </details>
            </div>
          </div>
        </header>
        <div class="container tv-page">
          {props.crumbs && props.crumbs.length > 0 ? <Breadcrumbs ctx={ctx} items={props.crumbs} /> : null}
          <main id="main-content" tabindex="-1">
            {props.children}
          </main>
        </div>
        <footer class="d-print-none">
          <div class="footer">
            <div class="container">
              <p class="tv-footer-name">{t("layout.footerAbout")}</p>
              <ul class="unstyled-list inline-list">
                <li>
                  <a href="/api/docs">{t("layout.apiDocs")}</a>
                </li>
                <li>
                  <a href="/api/openapi.json">{t("layout.openapi")}</a>
                </li>
                <li>
                  <a href="/oparl/v1.1">{t("layout.oparl")}</a>
                </li>
                <li>
                  <a href="/sitemap.xml">{t("layout.sitemap")}</a>
                </li>
              </ul>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}
