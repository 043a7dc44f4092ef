/**
 * The answers side by side (a feedback request's answers from TSS and the KSS'er next to each other) and
 * the reader's own obligations across their bodies and parties.
 */
import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatFileSize, formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { AnswerText } from "./obligations.pages.tsx";
import type { TObligation } from "./obligations.schemas.ts";
import { oblMinePath, oblPath, oblReportPath } from "./obligations.urls.ts";

const day = (ctx: PageCtx, iso: string) => formatIsoDay(iso, ctx.lang);
const crumbs = (ctx: PageCtx, last: string) => [
  { text: ctx.t("nav.front"), href: "/" },
  { text: ctx.t("ws.title"), href: "/arbejdsrum" },
  { text: ctx.t("obl.mine"), href: oblMinePath },
  { text: last },
];

/** /arbejdsrum/forpligtelser/<id>/side-om-side: one column per addressee the reader may see. */
export function AnswersSideBySidePage({ ctx, o }: { ctx: PageCtx; o: TObligation }): Html {
  const { t } = ctx;
  const title = t("obl.sideBySide");
  return (
    <Layout ctx={ctx} title={title} current="workspace" crumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      <p class="font-lead">{o.text}</p>
      <p class="tv-meta">
        {t(`obl.kind.${o.kind}` as MessageKey)} ·{" "}
        {t("obl.from", { body: o.bodyName, date: day(ctx, o.deadline) })}
      </p>
      <p>
        <a href={oblPath(o.id)}>{t("obl.back")}</a>
        {o.report ? (
          <>
            {" · "}
            <a href={oblReportPath(o.id)}>
              {t("obl.reportLink", {
                name: o.report.fileName,
                size: formatFileSize(o.report.size, ctx.lang),
              })}
            </a>
          </>
        ) : null}
      </p>
      <p>
        {t("obl.rollUpLine", {
          answered: String(o.rollUp.answered),
          total: String(o.rollUp.addressees),
          late: String(o.rollUp.late),
          moreTime: String(o.rollUp.moreTime),
        })}
      </p>
      <section class="table--responsive-scroll" tabindex="0" aria-label={title}>
        <table class="table table--compact tv-side-by-side">
          <caption class="sr-only">{title}</caption>
          <thead>
            <tr>
              <td />
              {o.addressees.map((a) => (
                <th scope="col">{a.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("obl.state")}</th>
              {o.addressees.map((a) => (
                <td>
                  {t(`obl.state.${a.state}` as MessageKey)}
                  {a.late ? <strong>{` · ${t("obl.late")}`}</strong> : null}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("obl.due")}</th>
              {o.addressees.map((a) => (
                <td>{day(ctx, a.due)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("obl.answer")}</th>
              {o.addressees.map((a) => (
                <td class="tv-answer">
                  <AnswerText ctx={ctx} o={o} a={a} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("obl.answeredOn")}</th>
              {o.addressees.map((a) => (
                <td>{a.answeredAt ? day(ctx, a.answeredAt.slice(0, 10)) : "–"}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

/** /arbejdsrum/forpligtelser: what the reader's bodies and parties received, and what their bodies sent. */
export function MyObligationsPage({
  ctx,
  data,
}: {
  ctx: PageCtx;
  data: { received: TObligation[]; sent: TObligation[] };
}): Html {
  const { t } = ctx;
  const table = (rows: TObligation[], caption: string, received: boolean) => (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("obl.text")}</th>
            <th scope="col">{received ? t("obl.fromBody") : t("obl.to")}</th>
            <th scope="col">{t("obl.due")}</th>
            <th scope="col">{t("obl.state")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr>
              <td>
                <a href={oblPath(o.id)}>{o.text}</a>
              </td>
              <td>{received ? o.bodyName : o.addressees.map((a) => a.name).join(", ")}</td>
              <td>{day(ctx, o.deadline)}</td>
              <td>
                {received
                  ? o.addressees
                      .map(
                        (a) =>
                          `${a.name}: ${t(`obl.state.${a.state}` as MessageKey)}${a.late ? ` · ${t("obl.late")}` : ""}`,
                      )
                      .join("; ")
                  : t("obl.rollUpLine", {
                      answered: String(o.rollUp.answered),
                      total: String(o.rollUp.addressees),
                      late: String(o.rollUp.late),
                      moreTime: String(o.rollUp.moreTime),
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <Layout
      ctx={ctx}
      title={t("obl.mine")}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: t("obl.mine") },
      ]}
    >
      <h1>{t("obl.mine")}</h1>
      <p class="font-lead">{t("obl.mineLead")}</p>
      <h2>{t("obl.received")}</h2>
      {data.received.length === 0 ? (
        <p>{t("obl.noneMine")}</p>
      ) : (
        table(data.received, t("obl.received"), true)
      )}
      <h2>{t("obl.sentOut")}</h2>
      {data.sent.length === 0 ? <p>{t("obl.noneSent")}</p> : table(data.sent, t("obl.sentOut"), false)}
    </Layout>
  );
}
