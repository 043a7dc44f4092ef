import type { Html } from "#jsx/jsx-runtime";
import { formatOreNumber } from "../../lib/money.ts";
import { Layout } from "../../server/layout.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import { bodyPath, type TBody } from "../bodies/index.ts";
import { grantLabel } from "./funds.export.ts";
import { type FundForms, FundSecretariatForms } from "./funds.forms.tsx";
import type { TFund, TGrant } from "./funds.schemas.ts";
import { fundPath } from "./funds.urls.ts";
import type { FundStatus } from "./status.service.ts";

/** "6.547.550,00 kr." from øre, exactly. */
export function kr(ore: bigint, ctx: PageCtx): string {
  const n = formatOreNumber(ore, ctx.lang);
  return ctx.lang === "da" ? `${n} kr.` : `DKK ${n}`;
}

export interface FundSummary {
  fund: TFund;
  body: TBody | null;
  income: bigint;
  granted: bigint;
  remaining: bigint;
}

/** /puljer: every fund with its body, income, granted and remaining. */
export function FundsPage({
  ctx,
  funds,
  canCreate,
}: {
  ctx: PageCtx;
  funds: FundSummary[];
  /** a secretary of some body, or an admin: may create a fund */
  canCreate: boolean;
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("funds.title")}
      current="funds"
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("funds.title") }]}
    >
      <h1>{t("funds.title")}</h1>
      <p class="font-lead">{t("funds.lead")}</p>
      {canCreate ? (
        <p>
          <a href="/puljer/ny" class="button button-secondary">
            {t("funds.new")}
          </a>
        </p>
      ) : null}
      {funds.length === 0 ? (
        <p>{t("funds.none")}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table">
            <caption class="sr-only">{t("funds.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("funds.fund")}</th>
                <th scope="col">{t("funds.body")}</th>
                <th scope="col" class="tv-num">
                  {t("funds.incomeTotal")}
                </th>
                <th scope="col" class="tv-num">
                  {t("funds.granted")}
                </th>
                <th scope="col" class="tv-num">
                  {t("funds.remaining")}
                </th>
              </tr>
            </thead>
            <tbody>
              {funds.map((f) => (
                <tr>
                  <th scope="row">
                    <a href={fundPath(f.fund)}>{f.fund.name}</a>
                  </th>
                  <td>{f.body ? <a href={bodyPath(f.body)}>{f.body.name}</a> : ""}</td>
                  <td class="tv-num">{kr(f.income, ctx)}</td>
                  <td class="tv-num">{kr(f.granted, ctx)}</td>
                  <td class="tv-num">{kr(f.remaining, ctx)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

function StatusTableView({ ctx, status }: { ctx: PageCtx; status: FundStatus }): Html {
  const { t } = ctx;
  const { table, grants } = status;
  const money = (v: bigint | undefined) => formatOreNumber(v ?? 0n, ctx.lang);
  return (
    <section class="table--responsive-scroll" tabindex="0" aria-labelledby="status-h">
      <table class="table table--compact tv-fund-table">
        <caption>{t("funds.tableCaption", { name: status.fund.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("funds.party")}</th>
            {table.years.map((y) => (
              <th scope="col" class="tv-num">
                {t("funds.incomeYear", { year: y })}
              </th>
            ))}
            <th scope="col" class="tv-num">
              {t("funds.incomeTotal")}
            </th>
            <th scope="col" class="tv-num">
              {t("funds.share")}
            </th>
            {grants.map((g) => (
              <th scope="col" class="tv-num">
                {grantLabel(g, t, ctx.lang)}
              </th>
            ))}
            <th scope="col" class="tv-num">
              {t("funds.granted")}
            </th>
            <th scope="col" class="tv-num">
              {t("funds.remaining")}
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr>
              <th scope="row">{r.name}</th>
              {table.years.map((y) => (
                <td class="tv-num">{money(r.income.get(y))}</td>
              ))}
              <td class="tv-num">{money(r.incomeTotal)}</td>
              <td class="tv-num">{r.share === null ? "–" : `${r.share} %`}</td>
              {grants.map((g) => (
                <td class="tv-num">{money(r.grants.get(g.id))}</td>
              ))}
              <td class="tv-num">{money(r.granted)}</td>
              <td class="tv-num">{money(r.remaining)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("funds.total")}</th>
            {table.years.map((y) => (
              <td class="tv-num">{money(table.totals.income.get(y))}</td>
            ))}
            <td class="tv-num">{money(table.totals.incomeTotal)}</td>
            <td />
            {grants.map((g) => (
              <td class="tv-num">{money(table.totals.grants.get(g.id))}</td>
            ))}
            <td class="tv-num">{money(table.totals.granted)}</td>
            <td class="tv-num">{money(table.totals.remaining)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function GrantList({
  ctx,
  grants,
  meetingHref,
}: {
  ctx: PageCtx;
  grants: TGrant[];
  meetingHref: Map<number, string>;
}): Html {
  const { t } = ctx;
  return (
    <ul class="tv-grants">
      {grants.map((g) => (
        <li>
          <strong>{g.title}</strong>: {kr(BigInt(g.totalOre), ctx)} · {t(`funds.status.${g.status}`)}
          {g.approvedOn ? ` ${formatIsoDay(g.approvedOn, ctx.lang)}` : null}
          {g.status === "pending" && g.pendingUntil
            ? ` (${t("funds.pendingOn", { date: formatIsoDay(g.pendingUntil, ctx.lang) })})`
            : null}
          {g.item ? (
            <span class="tv-meta">
              {" · "}
              <a href={`${meetingHref.get(g.item.meetingId) ?? ""}#punkt-${g.item.number}`}>
                {g.item.title === null
                  ? t("funds.closedItemRef", { number: g.item.number })
                  : t("funds.itemRef", { number: g.item.number, title: g.item.title })}
              </a>
            </span>
          ) : null}
          {g.initiativeId ? (
            <span class="tv-meta">
              {" · "}
              <a href={`/indsatser/${g.initiativeId}`}>{t("funds.seeInitiative")}</a>
            </span>
          ) : null}
          {g.mismatchOre ? (
            <strong class="tv-badge">
              {t("funds.mismatch", { diff: formatOreNumber(BigInt(g.mismatchOre), ctx.lang) })}
            </strong>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export interface FundPageData {
  status: FundStatus;
  body: TBody;
  meetingHref: Map<number, string>;
  /** the secretariat's forms, when the reader may change the fund */
  forms: FundForms | null;
}

/** /puljer/<id>: the status table on screen, as CSV and XLSX, the grants and (for the secretariat) forms. */
export function FundPage({ ctx, data }: { ctx: PageCtx; data: FundPageData }): Html {
  const { t } = ctx;
  const { status, body } = data;
  const path = fundPath(status.fund);
  return (
    <Layout
      ctx={ctx}
      title={status.fund.name}
      current="funds"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("funds.title"), href: "/puljer" },
        { text: status.fund.name },
      ]}
    >
      <h1>{status.fund.name}</h1>
      <dl class="tv-facts">
        <dt>{t("funds.body")}</dt>
        <dd>
          <a href={bodyPath(body)}>{body.name}</a>
        </dd>
        <dt>{t("funds.key")}</dt>
        <dd>
          {status.fund.keyBasis === "income_year"
            ? t("funds.key.income_year", { year: status.fund.keyYear ?? "" })
            : t(`funds.key.${status.fund.keyBasis}`)}
        </dd>
      </dl>
      {status.fund.description ? <p>{status.fund.description}</p> : null}
      {status.table.problems.length > 0 ? (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            <p class="alert-heading">{t("funds.problemsHeading")}</p>
            <ul class="alert-text">
              {status.table.problems.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="status-h">
        <h2 id="status-h">{t("funds.statusHeading")}</h2>
        {status.table.rows.length === 0 ? (
          <p>{t("funds.noParties")}</p>
        ) : (
          <StatusTableView ctx={ctx} status={status} />
        )}
        {status.partial ? <p class="tv-meta">{t("funds.partial")}</p> : null}
        <ul class="tv-inline-list tv-downloads">
          <li>
            <a href={`${path}/status.csv`}>{t("funds.downloadCsv")}</a>
          </li>
          <li>
            <a href={`${path}/status.xlsx`}>{t("funds.downloadXlsx")}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="grants-h">
        <h2 id="grants-h">{t("funds.grantsHeading")}</h2>
        {status.grants.length === 0 ? (
          <p>{t("funds.noGrants")}</p>
        ) : (
          <GrantList ctx={ctx} grants={status.grants} meetingHref={data.meetingHref} />
        )}
      </section>
      {status.table.carryOvers.length > 0 ? (
        <section aria-labelledby="carry-h">
          <h2 id="carry-h">{t("funds.carryOvers")}</h2>
          <ul>
            {status.table.carryOvers.map((c) => (
              <li>
                {t("funds.carryOverLine", {
                  from: c.fromYear,
                  to: c.toYear,
                  date: formatIsoDay(c.decidedOn, ctx.lang),
                })}
                :{" "}
                {kr(
                  c.parts.reduce((s, p) => s + p.amountOre, 0n),
                  ctx,
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.forms ? <FundSecretariatForms ctx={ctx} path={path} status={status} forms={data.forms} /> : null}
    </Layout>
  );
}
