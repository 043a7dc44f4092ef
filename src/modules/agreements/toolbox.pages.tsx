import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { SelectField, TextField } from "../../web/form-fields.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { bodyPath } from "../bodies/index.ts";
import type { TAgreementSummary, TToolbox } from "./agreements.schemas.ts";
import { agreementPath } from "./agreements.urls.ts";
import { IMPLEMENTATION_PATH } from "./implementation.urls.ts";

function Entry({ ctx, a }: { ctx: PageCtx; a: TAgreementSummary }): Html {
  const { t } = ctx;
  return (
    <li class="tv-toolbox-entry">
      <h3 class="h4">
        <a href={agreementPath(a)}>{a.title}</a>
      </h3>
      <p class="tv-meta">
        {t(`agreements.kind.${a.kind}` as MessageKey)}
        {" · "}
        {t(`agreements.status.${a.status}` as MessageKey)}
        {a.current
          ? ` · ${a.current.label} (${a.current.approvedOn ? t("toolbox.approvedOn", { date: formatIsoDay(a.current.approvedOn, ctx.lang) }) : ""})`
          : ""}
      </p>
      {a.summary ? <p>{a.summary}</p> : null}
      <p>
        {`${t("agreements.owner")}: `}
        <a href={bodyPath({ id: a.ownerBodyId, name: a.ownerName })}>{a.ownerName}</a>
        {a.contactName ? ` · ${t("toolbox.contact")}: ${a.contactName}` : ""}
        {a.contactEmail ? " · " : ""}
        {a.contactEmail ? <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a> : null}
      </p>
    </li>
  );
}

/** /vaerktoejskasse: agreements in force by theme, searchable with a plain GET form. */
export function ToolboxPage({
  ctx,
  toolbox,
  query,
  inHearing,
  canDraft,
}: {
  ctx: PageCtx;
  toolbox: TToolbox;
  query: { q: string; theme: string };
  inHearing: TAgreementSummary[];
  canDraft: boolean;
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("toolbox.title")}
      current="toolbox"
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("toolbox.title") }]}
    >
      <h1>{t("toolbox.title")}</h1>
      <p class="font-lead">{t("toolbox.lead")}</p>
      <form method="get" action="/vaerktoejskasse" aria-labelledby="toolbox-search-h" class="tv-filters">
        <h2 id="toolbox-search-h" class="h4">
          {t("toolbox.search")}
        </h2>
        <TextField id="toolbox-q" name="q" label={t("toolbox.q")} value={query.q} type="search" />
        <SelectField
          id="toolbox-theme"
          name="tema"
          label={t("toolbox.theme")}
          value={query.theme}
          options={[
            { value: "", label: t("toolbox.allThemes") },
            ...toolbox.allThemes.map((th) => ({ value: th, label: th })),
          ]}
        />
        <button type="submit" class="button button-secondary">
          {t("toolbox.submit")}
        </button>
      </form>
      <p role="status">{t("toolbox.count", { count: toolbox.count })}</p>
      {toolbox.count === 0 ? <p>{t("toolbox.none")}</p> : null}
      {toolbox.themes.map((g, i) => (
        <section aria-labelledby={`theme-${i}`}>
          <h2 id={`theme-${i}`}>{g.theme}</h2>
          <ul class="tv-plain">
            {g.agreements.map((a) => (
              <Entry ctx={ctx} a={a} />
            ))}
          </ul>
        </section>
      ))}
      {inHearing.length > 0 ? (
        <section aria-labelledby="hearing-h">
          <h2 id="hearing-h">{t("toolbox.inHearing")}</h2>
          <ul class="tv-plain">
            {inHearing.map((a) => (
              <Entry ctx={ctx} a={a} />
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={IMPLEMENTATION_PATH}>{t("impl.title")}</a>
      </p>
      {canDraft ? (
        <p>
          <a href="/aftaler/ny" class="button button-secondary">
            {t("toolbox.newAgreement")}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
