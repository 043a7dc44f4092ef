import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatDateTimeLong, formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TAction } from "../actions/index.ts";
import { MattersAwaiting, type TMatter } from "../matters/index.ts";
import type { BodyRef, MeetingRef } from "./workspace.service.ts";
import { wsAgendaApproval, wsBody, wsImports, wsNextStep } from "./workspace.urls.ts";

export interface DashboardData {
  bodies: BodyRef[];
  next: MeetingRef[];
  agendas: MeetingRef[];
  minutes: MeetingRef[];
  approvals: MeetingRef[];
  /** agendas sent to the reader as chair for approval */
  agendaApprovals: MeetingRef[];
  toPublish: MeetingRef[];
  actions: TAction[];
  /** chair decisions and written procedures waiting for the reader (modules/matters) */
  matters: TMatter[];
  /** per body the reader is the secretariat of: how many cases wait for its next meeting */
  cases: { body: BodyRef; count: number }[];
}

/** A list of meetings, each linking to the workspace page of its next step. */
export function MeetingRefs({
  ctx,
  list,
  empty,
  href = wsNextStep,
}: {
  ctx: PageCtx;
  list: MeetingRef[];
  empty: string;
  /** where each meeting links (by default the workspace page of its next step) */
  href?: (m: MeetingRef) => string;
}): Html {
  if (list.length === 0) {
    return <p class="tv-meta">{empty}</p>;
  }
  return (
    <ul class="tv-meetings">
      {list.map((m) => (
        <li>
          <a href={href(m)}>
            {m.body.name}
            {m.title ? `: ${m.title}` : null}
          </a>
          <span class="tv-meta">
            {formatDateTimeLong(new Date(m.start), ctx.lang)} · {ctx.t(`status.${m.status}` as MessageKey)}
            {m.returned ? <strong> · {ctx.t("ws.minutesReturned")}</strong> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

function roleNames(ctx: PageCtx, b: BodyRef): string {
  return b.roles.map((r) => ctx.t(`ws.role.${r}` as MessageKey)).join(", ");
}

/** /arbejdsrum: my bodies, my next meetings, what waits for me, my open follow-ups. */
export function DashboardPage({ ctx, data }: { ctx: PageCtx; data: DashboardData }): Html {
  const { t } = ctx;
  const drafts =
    data.agendas.length +
    data.minutes.length +
    data.approvals.length +
    data.agendaApprovals.length +
    data.toPublish.length +
    data.cases.reduce((n, c) => n + c.count, 0);
  return (
    <Layout
      ctx={ctx}
      title={t("ws.title")}
      current="workspace"
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("ws.title") }]}
    >
      <h1>{t("ws.title")}</h1>
      <p class="font-lead">{t("ws.lead", { name: ctx.actor.name ?? "" })}</p>
      <div class="row">
        <section class="col-12 col-lg-6" aria-labelledby="ws-waiting">
          <h2 id="ws-waiting">{t("ws.waiting", { n: drafts })}</h2>
          {data.agendaApprovals.length > 0
            ? [
                <h3>{t("ws.agendaApprovals")}</h3>,
                <MeetingRefs
                  ctx={ctx}
                  list={data.agendaApprovals}
                  empty=""
                  href={(m) => wsAgendaApproval(m.id)}
                />,
              ]
            : null}
          {data.approvals.length > 0
            ? [<h3>{t("ws.approvals")}</h3>, <MeetingRefs ctx={ctx} list={data.approvals} empty="" />]
            : null}
          {/* The secretariat's drafts: only those who prepare agendas and minutes see the two lists. */}
          {data.bodies.some((b) => b.editor) ? (
            [
              <h3>{t("ws.agendaDrafts")}</h3>,
              <MeetingRefs ctx={ctx} list={data.agendas} empty={t("ws.noneWaiting")} />,
              <h3>{t("ws.minutesDrafts")}</h3>,
              <MeetingRefs ctx={ctx} list={data.minutes} empty={t("ws.noneWaiting")} />,
            ]
          ) : drafts === 0 ? (
            <p class="tv-meta">{t("ws.noneWaiting")}</p>
          ) : null}
          {data.toPublish.length > 0
            ? [<h3>{t("ws.toPublish")}</h3>, <MeetingRefs ctx={ctx} list={data.toPublish} empty="" />]
            : null}
          {data.cases.length > 0
            ? [
                <h3>{t("ws.casesWaiting")}</h3>,
                <ul class="tv-meetings">
                  {data.cases.map((c) => (
                    <li>
                      <a href={`${wsBody(c.body.id)}#sager`}>{c.body.name}</a>
                      <span class="tv-meta">
                        {c.count === 1
                          ? t("ws.casesWaitingLineOne")
                          : t("ws.casesWaitingLine", { n: c.count })}
                      </span>
                    </li>
                  ))}
                </ul>,
              ]
            : null}
          <MattersAwaiting ctx={ctx} list={data.matters} bodies={data.bodies} />
        </section>
        <section class="col-12 col-lg-6" aria-labelledby="ws-next">
          <h2 id="ws-next">{t("ws.nextMeetings")}</h2>
          <MeetingRefs ctx={ctx} list={data.next} empty={t("ws.noMeetings")} />
          <h2 id="ws-actions">{t("ws.myActions")}</h2>
          {data.actions.length === 0 ? (
            <p class="tv-meta">{t("ws.noActions")}</p>
          ) : (
            <ul class="tv-meetings" aria-labelledby="ws-actions">
              {data.actions.map((a) => (
                <li>
                  {a.text}
                  <span class="tv-meta">
                    {a.effectiveDue
                      ? t("ws.due", { date: formatIsoDay(a.effectiveDue, ctx.lang) })
                      : t("ws.noDue")}
                    {a.overdue ? ` · ${t("ws.overdue")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/arbejdsrum/forpligtelser">{t("obl.mine")}</a>
          </p>
        </section>
      </div>
      <section aria-labelledby="ws-bodies">
        <h2 id="ws-bodies">{t("ws.myBodies")}</h2>
        {data.bodies.length === 0 ? (
          <p>{t("ws.noBodies")}</p>
        ) : (
          <ul class="tv-bodies">
            {data.bodies.map((b) => (
              <li>
                <a href={wsBody(b.id)}>{b.name}</a>
                <span class="tv-meta"> · {roleNames(ctx, b) || t("ws.role.admin")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.bodies.some((b) => b.editor) ? (
        <p>
          <a href={wsImports} class="button button-secondary">
            {t("ws.import.title")}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
