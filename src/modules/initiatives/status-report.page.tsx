import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { RagBadge } from "./filters.tsx";
import type { TMeetingStatusReport } from "./initiatives.schemas.ts";
import { initiativePath } from "./initiatives.urls.ts";

/** /indsatser/status/<meeting>: "Status på indsatser" as the body sees it at that meeting. */
export function StatusReportPage({
  ctx,
  data,
}: {
  ctx: PageCtx;
  data: { report: TMeetingStatusReport; bodyName: string; meetingHref: string; meetingLabel: string };
}): Html {
  const { t } = ctx;
  const { report } = data;
  const title = t("initiatives.statusReportTitle", { body: data.bodyName });
  return (
    <Layout
      ctx={ctx}
      title={`${title}, ${data.meetingLabel}`}
      current="initiatives"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("initiatives.title"), href: "/indsatser" },
        { text: title },
      ]}
    >
      <h1>{title}</h1>
      <p>
        <a href={data.meetingHref}>{data.meetingLabel}</a> ·{" "}
        {t("initiatives.asOf", { date: formatIsoDay(report.asOf, ctx.lang) })}
      </p>
      {report.initiatives.length === 0 ? (
        <p>{t("initiatives.none")}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("initiatives.initiative")}</th>
                <th scope="col">{t("initiatives.phase")}</th>
                <th scope="col">{t("initiatives.rag")}</th>
                <th scope="col">{t("initiatives.reason")}</th>
                <th scope="col">{t("initiatives.sincePrevious")}</th>
              </tr>
            </thead>
            <tbody>
              {report.initiatives.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={initiativePath(r.initiative)}>{r.initiative.title}</a>
                  </th>
                  <td>{t(`initiatives.phase.${r.phase}` as MessageKey)}</td>
                  <td>
                    <RagBadge ctx={ctx} rag={r.rag} />
                  </td>
                  <td>{r.reason ?? ""}</td>
                  <td>
                    {r.changedSincePrevious
                      ? r.changes
                          .map(
                            (c) =>
                              `${formatIsoDay(c.effectiveOn, ctx.lang)}: ${t(`initiatives.phase.${c.phase}` as MessageKey)}, ${t(`initiatives.rag.${c.rag}` as MessageKey)}`,
                          )
                          .join("; ")
                      : t("initiatives.unchanged")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
