import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import type { FormState, ItemChoice } from "../../web/secretariat-forms.tsx";
import { bodyPath, type TBody } from "../bodies/index.ts";
import { MeetingList, type MeetingSummary } from "../meetings/index.ts";
import { DecisionRef } from "./decision-ref.view.tsx";
import { MandateForms } from "./mandates.forms.tsx";
import type { TMandate, TMandateVersion } from "./mandates.schemas.ts";

export interface MandatePageData {
  body: TBody;
  mandate: TMandate;
  bodies: Map<number, TBody>;
  members: { name: string; href: string; role: string; party: string | null }[];
  meetings: MeetingSummary[];
  editor: { items: ItemChoice[]; state: FormState | null; saved: boolean; path: string } | null;
}

export const day = (ctx: PageCtx, d: string | null) => (d ? formatIsoDay(d, ctx.lang) : "–");

function BodyLink({ bodies, id }: { bodies: Map<number, TBody>; id: number | null }): Html {
  const b = id ? bodies.get(id) : undefined;
  return b ? <a href={bodyPath(b)}>{b.name}</a> : <span>–</span>;
}

function Composition({ ctx, v }: { ctx: PageCtx; v: TMandateVersion }): Html | null {
  const { t } = ctx;
  return v.composition.length === 0 ? null : (
    <section aria-labelledby="composition-h">
      <h2 id="composition-h">{t("mandates.composition")}</h2>
      <table class="table table--compact">
        <caption class="sr-only">{t("mandates.compositionCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mandates.seats")}</th>
            <th scope="col">{t("mandates.party")}</th>
            <th scope="col">{t("mandates.competence")}</th>
            <th scope="col">{t("mandates.seatKind")}</th>
          </tr>
        </thead>
        <tbody>
          {v.composition.map((s) => (
            <tr>
              <td>{s.seats}</td>
              <td>{s.party}</td>
              <td>{s.competence}</td>
              <td>{s.flexible ? t("mandates.flexible") : t("mandates.fixed")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Deliverables({ ctx, m }: { ctx: PageCtx; m: TMandate }): Html | null {
  const { t } = ctx;
  return m.deliverables.length === 0 ? null : (
    <section aria-labelledby="deliverables-h">
      <h2 id="deliverables-h">{t("mandates.deliverables")}</h2>
      <table class="table table--compact">
        <caption class="sr-only">{t("mandates.deliverablesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mandates.deliverable")}</th>
            <th scope="col">{t("mandates.due")}</th>
            <th scope="col">{t("mandates.delivered")}</th>
          </tr>
        </thead>
        <tbody>
          {m.deliverables.map((d) => (
            <tr>
              <td>{d.title}</td>
              <td>{day(ctx, d.dueOn)}</td>
              <td>
                {d.deliveredOn ? (
                  day(ctx, d.deliveredOn)
                ) : d.overdue ? (
                  <strong>{t("mandates.overdue")}</strong>
                ) : (
                  t("mandates.notYet")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Versions({ ctx, m }: { ctx: PageCtx; m: TMandate }): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="versions-h">
      <h2 id="versions-h">{t("mandates.versions")}</h2>
      <ol class="tv-versions" reversed>
        {m.versions.map((v) => (
          <li>
            <h3>{t("mandates.versionLine", { number: v.number })}</h3>
            <p>
              {v.approvedOn
                ? t("mandates.approvedOn", { date: day(ctx, v.approvedOn) })
                : t("mandates.draft")}
              {v.decision ? " · " : ""}
              {v.decision ? <DecisionRef ctx={ctx} decision={v.decision} /> : null}
            </p>
            {v.changes.length > 0 ? (
              <p>
                {`${t("mandates.changes")}: `}
                {v.changes.map((c) => t(`mandates.change.${c}` as MessageKey)).join(", ")}
              </p>
            ) : null}
            {v.changeNote ? markdown(v.changeNote) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function History({ ctx, m }: { ctx: PageCtx; m: TMandate }): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">{t("mandates.history")}</h2>
      <table class="table table--compact">
        <caption class="sr-only">{t("mandates.historyCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("agreements.date")}</th>
            <th scope="col">{t("agreements.change")}</th>
            <th scope="col">{t("agreements.decision")}</th>
            <th scope="col">{t("agreements.note")}</th>
          </tr>
        </thead>
        <tbody>
          {m.events.map((e) => (
            <tr>
              <td>{day(ctx, e.on)}</td>
              <td>
                {t(`mandates.event.${e.kind}` as MessageKey)}
                {e.versionNumber ? ` (${t("mandates.versionLine", { number: e.versionNumber })})` : ""}
                {e.deliverable ? `: ${e.deliverable}` : ""}
              </td>
              <td>
                <DecisionRef ctx={ctx} decision={e.decision} />
              </td>
              <td>{e.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** /organer/<id>/kommissorium: the group's mandate, deliverables, versions, history, members and meetings. */
export function MandatePage({ ctx, data }: { ctx: PageCtx; data: MandatePageData }): Html {
  const { t } = ctx;
  const { body, mandate: m } = data;
  const v = m.current;
  return (
    <Layout
      ctx={ctx}
      title={t("mandates.title", { name: body.name })}
      current="bodies"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("bodies.title"), href: "/organer" },
        { text: body.name, href: bodyPath(body) },
        { text: t("mandates.link") },
      ]}
    >
      <h1>{t("mandates.title", { name: body.name })}</h1>
      {data.editor?.saved ? (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{t("secretariat.saved")}</p>
        </div>
      ) : null}
      <dl class="tv-facts">
        <dt>{t("mandates.status")}</dt>
        <dd>{t(`mandates.status.${m.status}` as MessageKey)}</dd>
        <dt>{t("mandates.period")}</dt>
        <dd>{v ? `${day(ctx, v.periodFrom)} – ${day(ctx, v.periodTo)}` : "–"}</dd>
        <dt>{t("mandates.reportsTo")}</dt>
        <dd>
          <BodyLink bodies={data.bodies} id={v?.reportsToId ?? body.reportsToId} />
        </dd>
        <dt>{t("mandates.approver")}</dt>
        <dd>
          <BodyLink bodies={data.bodies} id={v?.approverBodyId ?? null} />
        </dd>
        <dt>{t("mandates.nextDue")}</dt>
        <dd>
          {m.nextDue
            ? t("mandates.nextDueLine", { title: m.nextDue.title, date: day(ctx, m.nextDue.dueOn) })
            : "–"}
        </dd>
      </dl>
      {v ? (
        <section aria-labelledby="purpose-h">
          <h2 id="purpose-h">{t("mandates.purpose")}</h2>
          {markdown(v.purpose)}
        </section>
      ) : (
        <p>{t("mandates.none")}</p>
      )}
      {v ? <Composition ctx={ctx} v={v} /> : null}
      <Deliverables ctx={ctx} m={m} />
      {m.versions.length > 0 ? <Versions ctx={ctx} m={m} /> : null}
      {m.events.length > 0 ? <History ctx={ctx} m={m} /> : null}
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t("mandates.members")}</h2>
        {data.members.length === 0 ? (
          <p>{t("bodies.noMembers")}</p>
        ) : (
          <ul>
            {data.members.map((p) => (
              <li>
                <a href={p.href}>{p.name}</a>
                <span class="tv-meta">{` · ${t(`role.${p.role}` as MessageKey)}${p.party ? ` · ${p.party}` : ""}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="meetings-h">
        <h2 id="meetings-h">{t("mandates.meetings")}</h2>
        {data.meetings.length > 0 ? (
          <MeetingList ctx={ctx} meetings={data.meetings} showBody={false} />
        ) : (
          <p>{t("mandates.noMeetings")}</p>
        )}
      </section>
      {data.editor ? <MandateForms ctx={ctx} mandate={m} bodies={data.bodies} editor={data.editor} /> : null}
    </Layout>
  );
}
