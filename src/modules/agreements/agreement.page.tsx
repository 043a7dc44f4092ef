import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatFileSize, formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import type { FormState, ItemChoice } from "../../web/secretariat-forms.tsx";
import { bodyPath, type TBody } from "../bodies/index.ts";
import { DecisionRef } from "../mandates/index.ts";
import { AgreementForms, RemarkForm } from "./agreements.forms.tsx";
import type { TAgreement, THearing } from "./agreements.schemas.ts";
import { agreementPath } from "./agreements.urls.ts";
import type { TRatification } from "./implementation.schemas.ts";
import { RatificationSection } from "./ratification.view.tsx";

export interface AgreementPageData {
  agreement: TAgreement;
  related: Map<number, { id: number; title: string }>;
  bodies: Map<number, TBody>;
  editor: { items: ItemChoice[]; state: FormState | null; saved: boolean; path: string } | null;
  /** the ratification tracker (issue 22.4) */
  ratification: TRatification;
}

const day = (ctx: PageCtx, d: string) => formatIsoDay(d, ctx.lang);

function Matrix({ ctx, h, data }: { ctx: PageCtx; h: THearing; data: AgreementPageData }): Html {
  const { t } = ctx;
  const rows = (h.responses ?? []).flatMap((r) => r.remarks.map((m) => ({ r, m })));
  return (
    <div>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption>{t("agreements.matrix.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agreements.matrix.party")}</th>
              <th scope="col">{t("agreements.matrix.section")}</th>
              <th scope="col">{t("agreements.matrix.remark")}</th>
              <th scope="col">{t("agreements.matrix.handling")}</th>
              <th scope="col">{t("agreements.matrix.answer")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ r, m }) => (
              <tr>
                <td>
                  {r.partyName}
                  <span class="tv-meta">{` · ${day(ctx, r.receivedOn)}`}</span>
                </td>
                <td>{m.section ?? ""}</td>
                <td>{m.remark}</td>
                <td>
                  {data.editor ? (
                    <RemarkForm ctx={ctx} remark={m} state={data.editor.state} path={data.editor.path} />
                  ) : (
                    t(m.handling ? `agreements.handling.${m.handling}` : "agreements.handling.pending")
                  )}
                </td>
                <td>{data.editor ? "" : m.answer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {h.totals ? (
        <p>
          {t("agreements.matrix.totals", {
            notChanged: h.totals.not_changed,
            adjusted: h.totals.adjusted,
            changed: h.totals.changed,
            pending: h.totals.pending,
          })}
        </p>
      ) : null}
      <ul class="tv-plain">
        <li>
          <a href={`/api/v1/hearings/${h.id}/matrix.csv?lang=${ctx.lang}`}>{t("agreements.matrix.csv")}</a>
        </li>
        <li>
          <a href={`/api/v1/hearings/${h.id}/matrix.docx?lang=${ctx.lang}`}>{t("agreements.matrix.docx")}</a>
        </li>
      </ul>
    </div>
  );
}

function Hearing({ ctx, h, data }: { ctx: PageCtx; h: THearing; data: AgreementPageData }): Html {
  const { t } = ctx;
  return (
    <div class="tv-hearing">
      <h3>
        {t("agreements.hearingLine", {
          number: h.versionNumber,
          from: day(ctx, h.startsOn),
          to: day(ctx, h.endsOn),
        })}
      </h3>
      {h.closedOn ? <p>{t("agreements.hearingClosed", { date: day(ctx, h.closedOn) })}</p> : null}
      {h.note ? markdown(h.note) : null}
      <h4>{t("agreements.invited")}</h4>
      <ul>
        {h.invitees.map((i) => (
          <li>
            {i.name}
            {i.responded ? <span class="tv-meta">{` · ${t("agreements.responded")}`}</span> : null}
          </li>
        ))}
      </ul>
      <p>{t("agreements.responseCount", { count: h.responseCount })}</p>
      {h.responses ? (
        <div>
          <h4>{t("agreements.responses")}</h4>
          {h.responses.map((r) => (
            <details>
              <summary>
                {t("agreements.responseFrom", { party: r.partyName, date: day(ctx, r.receivedOn) })}
              </summary>
              {r.text ? markdown(r.text) : null}
              {r.file ? (
                <p>
                  <a href={`/api/v1/hearing-responses/${r.id}/content`}>
                    {t("agreements.document", { name: r.file.fileName ?? "" })}
                  </a>
                </p>
              ) : null}
            </details>
          ))}
          <Matrix ctx={ctx} h={h} data={data} />
        </div>
      ) : (
        <p>{t("agreements.responsesHidden")}</p>
      )}
    </div>
  );
}

/** /aftaler/<id>: an agreement with its versions, hearings (and matrix when published) and decisions. */
export function AgreementPage({ ctx, data }: { ctx: PageCtx; data: AgreementPageData }): Html {
  const { t } = ctx;
  const a = data.agreement;
  const rel = (id: number | null) => {
    const r = id ? data.related.get(id) : undefined;
    return r ? <a href={agreementPath(r)}>{r.title}</a> : null;
  };
  return (
    <Layout
      ctx={ctx}
      title={a.title}
      current="toolbox"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("toolbox.title"), href: "/vaerktoejskasse" },
        { text: a.title },
      ]}
    >
      <h1>{a.title}</h1>
      {data.editor?.saved ? (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{t("secretariat.saved")}</p>
        </div>
      ) : null}
      <dl class="tv-facts">
        <dt>{t("agreements.kind")}</dt>
        <dd>{t(`agreements.kind.${a.kind}` as MessageKey)}</dd>
        <dt>{t("agreements.theme")}</dt>
        <dd>{a.theme}</dd>
        <dt>{t("agreements.status")}</dt>
        <dd>{t(`agreements.status.${a.status}` as MessageKey)}</dd>
        <dt>{t("agreements.owner")}</dt>
        <dd>
          <a href={bodyPath({ id: a.ownerBodyId, name: a.ownerName })}>{a.ownerName}</a>
        </dd>
        <dt>{t("agreements.contact")}</dt>
        <dd>
          {a.contactName ?? "–"}
          {a.contactEmail ? " · " : ""}
          {a.contactEmail ? <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a> : null}
        </dd>
        <dt>{t("agreements.current")}</dt>
        <dd>
          {a.current
            ? `${a.current.label} (${t("toolbox.approvedOn", { date: day(ctx, a.current.approvedOn ?? "") })})`
            : t("agreements.noCurrent")}
        </dd>
        {a.partOfId ? [<dt>{t("agreements.partOf")}</dt>, <dd>{rel(a.partOfId)}</dd>] : null}
        {a.replacedById ? [<dt>{t("agreements.replacedBy")}</dt>, <dd>{rel(a.replacedById)}</dd>] : null}
      </dl>
      {a.summary ? <p class="font-lead">{a.summary}</p> : null}
      <section aria-labelledby="versions-h">
        <h2 id="versions-h">{t("agreements.versions")}</h2>
        {a.versions.map((v) => (
          <article class="tv-version">
            <h3>{t("agreements.versionLine", { number: v.number, label: v.label })}</h3>
            <p class="tv-meta">
              {t(`agreements.track.${v.track}` as MessageKey)}
              {" · "}
              {v.approvedOn
                ? t("agreements.approvedBy", {
                    date: day(ctx, v.approvedOn),
                    body: (v.approvedByBodyId ? data.bodies.get(v.approvedByBodyId)?.name : "") ?? "",
                  })
                : v.published
                  ? t("agreements.status.draft")
                  : t("agreements.notPublished")}
            </p>
            {v.decision ? (
              <p>
                <DecisionRef ctx={ctx} decision={v.decision} />
              </p>
            ) : null}
            {v.changeNote ? (
              <p>
                <strong>{`${t("agreements.changeNote")}: `}</strong>
                {v.changeNote}
              </p>
            ) : null}
            {v.text ? (
              <details>
                <summary>{t("agreements.versionText")}</summary>
                {markdown(v.text)}
              </details>
            ) : null}
            {v.file ? (
              <p>
                <a href={`/api/v1/agreement-versions/${v.id}/content`}>
                  {t("agreements.document", {
                    name: `${v.file.fileName ?? ""}${v.file.size ? `, ${formatFileSize(v.file.size, ctx.lang)}` : ""}`,
                  })}
                </a>
              </p>
            ) : null}
          </article>
        ))}
      </section>
      {a.hearings.length > 0 ? (
        <section aria-labelledby="hearings-h">
          <h2 id="hearings-h">{t("agreements.hearings")}</h2>
          {a.hearings.map((h) => (
            <Hearing ctx={ctx} h={h} data={data} />
          ))}
        </section>
      ) : null}
      <RatificationSection
        ctx={ctx}
        ratification={data.ratification}
        inForce={a.inForce}
        editor={data.editor ? { state: data.editor.state, path: data.editor.path } : null}
      />
      <section aria-labelledby="history-h">
        <h2 id="history-h">{t("agreements.history")}</h2>
        <table class="table table--compact">
          <caption class="sr-only">{t("agreements.historyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agreements.date")}</th>
              <th scope="col">{t("agreements.change")}</th>
              <th scope="col">{t("agreements.decidedBy")}</th>
              <th scope="col">{t("agreements.decision")}</th>
              <th scope="col">{t("agreements.note")}</th>
            </tr>
          </thead>
          <tbody>
            {a.events.map((e) => (
              <tr>
                <td>{day(ctx, e.on)}</td>
                <td>
                  {e.fromStatus
                    ? t("agreements.moved", {
                        from: t(`agreements.status.${e.fromStatus}` as MessageKey),
                        to: t(`agreements.status.${e.toStatus}` as MessageKey),
                      })
                    : t("agreements.created", { to: t(`agreements.status.${e.toStatus}` as MessageKey) })}
                  {e.versionNumber ? ` (v${e.versionNumber})` : ""}
                </td>
                <td>{e.bodyName ?? "–"}</td>
                <td>
                  <DecisionRef ctx={ctx} decision={e.decision} />
                </td>
                <td>{e.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {data.editor ? (
        <AgreementForms ctx={ctx} agreement={a} bodies={data.bodies} editor={data.editor} />
      ) : null}
    </Layout>
  );
}
