import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, TextField } from "../../web/form-fields.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { TBody } from "../bodies/index.ts";
import { type RoleChange, RoleHistory } from "../people/index.ts";
import { ApprovalSummary } from "./approval-settings.view.tsx";
import { type WaitingCase, WaitingCases } from "./cases-waiting.view.tsx";
import { MeetingRefs } from "./dashboard.pages.tsx";
import type { MeetingRef } from "./workspace.service.ts";
import { WS, wsAgenda, wsBody } from "./workspace.urls.ts";

export interface BodyPageData {
  body: TBody;
  year: number;
  plan: MeetingRef[];
  /** planned meetings of the plan whose agenda has no items yet */
  empty: Set<number>;
  editor: boolean;
  form: { values: Record<string, string>; errors: FieldErrors };
  /** the body's role changes from the audit log (members see them) */
  roleChanges: RoleChange[];
  /** cases waiting for the body's next meeting (new, referred from another body, postponed) */
  cases: WaitingCase[];
  nextMeeting: { id: number; start: string } | null;
}

/** /arbejdsrum/organer/<id>: the body's meeting plan; a new meeting, or an agenda for a planned one. */
export function BodyPage({ ctx, data }: { ctx: PageCtx; data: BodyPageData }): Html {
  const { t } = ctx;
  const { body, form } = data;
  const v = (k: string) => form.values[k] ?? "";
  return (
    <Layout
      ctx={ctx}
      title={body.name}
      current="workspace"
      crumbs={[{ text: t("ws.title"), href: WS }, { text: body.name }]}
    >
      <h1>{body.name}</h1>
      <p>
        <a href={`/arbejdsrum/organer/${body.id}/forpligtelser`}>{t("obl.title")}</a>
      </p>
      <ApprovalSummary ctx={ctx} body={body} />
      <h2 id="plan-h">
        {t("ws.body.plan", {
          year: data.plan.some((m) => m.start.slice(0, 4) > String(data.year))
            ? `${data.year}–${data.year + 1}`
            : data.year,
        })}
      </h2>
      <MeetingRefs ctx={ctx} list={data.plan} empty={t("ws.body.noPlan")} />
      <WaitingCases ctx={ctx} list={data.cases} nextMeeting={data.nextMeeting} editor={data.editor} />
      {data.editor && data.empty.size > 0 ? (
        <section aria-labelledby="empty-h">
          <h2 id="empty-h">{t("ws.body.fromPlan")}</h2>
          <p>{t("ws.body.fromPlanHint")}</p>
          <ul class="tv-meetings">
            {data.plan
              .filter((m) => data.empty.has(m.id))
              .map((m) => (
                <li>
                  <form method="post" action={`${wsAgenda(m.id)}/standardpunkter`} class="tv-inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="button button-secondary">
                      {t("ws.body.prepare", { date: new Date(m.start).toLocaleDateString("da-DK") })}
                    </button>
                  </form>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      {data.editor ? (
        <section aria-labelledby="new-h">
          <h2 id="new-h">{t("ws.body.new")}</h2>
          <p>{t("ws.body.newHint")}</p>
          <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={form.errors} />
          <form method="post" action={`${wsBody(body.id)}/moeder`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              id="date"
              label={t("ws.body.date")}
              hint={t("ws.body.dateHint")}
              inputmode="numeric"
              value={v("date")}
              error={form.errors.date}
              required
            />
            <TextField
              id="time"
              label={t("ws.body.time")}
              inputmode="numeric"
              value={v("time") || "09:00"}
              error={form.errors.time}
              required
            />
            <TextField
              id="endTime"
              label={t("ws.body.endTime")}
              inputmode="numeric"
              value={v("endTime") || "12:00"}
              error={form.errors.endTime}
            />
            <TextField
              id="location"
              label={t("ws.body.location")}
              value={v("location")}
              error={form.errors.location}
            />
            <TextField
              id="title"
              label={t("ws.body.meetingTitle")}
              hint={t("ws.body.meetingTitleHint")}
              value={v("title")}
              error={form.errors.title}
            />
            <button type="submit" class="button button-primary">
              {t("ws.body.create")}
            </button>
          </form>
        </section>
      ) : null}
      <RoleHistory ctx={ctx} changes={data.roleChanges} />
    </Layout>
  );
}
