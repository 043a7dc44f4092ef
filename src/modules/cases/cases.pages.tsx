import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatFileSize, formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import { CaseDecisions } from "../matters/index.ts";
import { CaseObligations, type TObligation } from "../obligations/index.ts";
import type { TCase, TTimeline } from "./cases.schemas.ts";

export const casePath = (c: { id: number }) => `/sager/${c.id}`;

/** /sager: the cases the reader may know of, with a plain search form. */
export function CaseListPage({
  ctx,
  cases,
  q,
  caseNumber,
  nextHref,
}: {
  ctx: PageCtx;
  cases: TCase[];
  q: string;
  caseNumber: string;
  nextHref: string | null;
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("cases.title")}
      current="cases"
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("cases.title") }]}
    >
      <h1>{t("cases.title")}</h1>
      <p class="font-lead">{t("cases.lead")}</p>
      <form method="get" action="/sager" class="tv-filter">
        <fieldset>
          <legend class="h3">{t("cases.search")}</legend>
          <div class="form-group">
            <label class="form-label" for="q">
              {t("cases.searchLabel")}
            </label>
            <input class="form-input" id="q" name="q" type="text" value={q} maxlength="200" />
          </div>
          <div class="form-group">
            <label class="form-label" for="sagsnummer">
              {t("cases.numberLabel")}
            </label>
            <input
              class="form-input"
              id="sagsnummer"
              name="sagsnummer"
              type="text"
              value={caseNumber}
              maxlength="60"
            />
          </div>
          <button type="submit" class="button button-secondary">
            {t("cases.searchButton")}
          </button>
        </fieldset>
      </form>
      {cases.length === 0 ? (
        <p>{t("cases.none")}</p>
      ) : (
        <ul class="nobullet-list">
          {cases.map((c) => (
            <li>
              <a href={casePath(c)}>{c.title}</a>
              {c.numbers.length > 0 ? ` (${c.numbers.map((n) => n.number).join(", ")})` : ""}
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <p>
          <a href={nextHref}>{t("cases.more")}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/**
 * /sager/<id>: the case's way through the bodies, as the reader may see it; with the roll-up of the
 * obligations fanned out from its items, for those who may see them.
 */
export function CasePage({
  ctx,
  timeline,
  obligations = [],
}: {
  ctx: PageCtx;
  timeline: TTimeline;
  obligations?: TObligation[];
}): Html {
  const { t, lang } = ctx;
  const c = timeline.case;
  return (
    <Layout
      ctx={ctx}
      title={c.title}
      current="cases"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("cases.title"), href: "/sager" },
        { text: c.title },
      ]}
    >
      <p class="tv-kicker">{t("cases.caseTitle")}</p>
      <h1>{c.title}</h1>
      <dl class="tv-facts">
        {c.theme ? [<dt>{t("cases.theme")}</dt>, <dd>{c.theme}</dd>] : null}
        {c.numbers.length > 0
          ? [<dt>{t("cases.numbers")}</dt>, <dd>{c.numbers.map((n) => n.number).join(", ")}</dd>]
          : null}
      </dl>
      <h2>{t("cases.timeline")}</h2>
      {timeline.entries.length === 0 ? (
        <p>{timeline.decisions.length > 0 ? t("cases.noStopsDecided") : t("cases.noStops")}</p>
      ) : (
        <ol class="tv-timeline">
          {timeline.entries.map((e) => (
            <li>
              <h3 class="h4">
                {`${formatIsoDay(e.date, lang)} · ${e.body.name} · ${e.roleLabel}`}
                {e.targetBody ? ` ${t("cases.to", { body: e.targetBody.name })}` : ""}
              </h3>
              <p>
                {e.source ? (
                  `${t("cases.item")} ${e.itemNumber}`
                ) : e.meetingId !== null && !e.missing ? (
                  <a
                    href={`/moeder/${e.meetingId}#punkt-${e.itemNumber}`}
                  >{`${t("cases.item")} ${e.itemNumber}: ${e.title}`}</a>
                ) : (
                  `${t("cases.item")} ${e.itemNumber}: ${e.missing ? t("cases.missing") : e.title}`
                )}
              </p>
              {e.outcome ? (
                <p>
                  <strong>{`${t("cases.outcome")}: `}</strong>
                  {t(`outcome.${e.outcome}` as MessageKey)}
                </p>
              ) : null}
              {e.decisionText ? <div class="tv-decision">{markdown(e.decisionText)}</div> : null}
              {e.source ? (
                <p class="tv-meta">
                  {`${t("cases.fromHistory")} `}
                  <a href={`/moeder/${e.source.meetingId}#punkt-${e.source.itemNumber}`}>
                    {`${t("cases.item").toLowerCase()} ${e.source.itemNumber}`}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <CaseObligations ctx={ctx} obligations={obligations} />
      <CaseDecisions ctx={ctx} decisions={timeline.decisions} />
      {timeline.documents.length > 0 ? (
        <section>
          <h2>{t("cases.documents")}</h2>
          <ul>
            {timeline.documents.map((d) => (
              <li>
                {d.hasFile ? <a href={`/api/v1/attachments/${d.id}/content`}>{d.title}</a> : d.title}
                {d.size !== null ? ` (${formatFileSize(d.size, lang)})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {timeline.actions.length > 0 ? (
        <section>
          <h2>{t("cases.actions")}</h2>
          <ul>
            {timeline.actions.map((a) => (
              <li>
                {`${a.text} – ${t(`cases.status.${a.status}` as MessageKey)}`}
                {a.dueDate ? `, ${t("cases.actionDue", { date: formatIsoDay(a.dueDate, lang) })}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
