import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong, formatFileSize } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { Notices } from "../../web/notices.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { TAction } from "../actions/index.ts";
import type { TBody } from "../bodies/index.ts";
import {
  AgendaChanges,
  type AgendaSupplementView,
  type MeetingRow,
  type TAgendaApproval,
  type TItem,
} from "../meetings/index.ts";
import { AgendaApprovalPanel } from "./agenda-approval.view.tsx";
import { type WaitingCase, waitingReason } from "./cases-waiting.view.tsx";
import { ConfirmTemplate } from "./confirm.tsx";
import { MeetingSteps } from "./steps.view.tsx";
import { WS, wsAgenda, wsItem } from "./workspace.urls.ts";

export interface AgendaPageData {
  meeting: MeetingRow;
  body: TBody;
  items: TItem[];
  cases: WaitingCase[];
  actions: TAction[];
  /** the change log of the supplementary agendas published so far */
  supplements: AgendaSupplementView[];
  /** the chair's approval, where the body requires it (null on pages that do not load it) */
  approval: TAgendaApproval | null;
  form: { values: Record<string, string>; errors: FieldErrors };
  /** a problem with a whole-agenda action (publish, reorder) */
  problem: string | null;
  done: string | null;
}

/** Minutes the agenda's time boxes add up to, and the meeting's length (null without an end). */
export function timeBudget(
  meeting: Pick<MeetingRow, "start" | "end">,
  items: Pick<TItem, "durationMinutes">[],
) {
  const planned = items.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0);
  const length = meeting.end ? Math.round((meeting.end.getTime() - meeting.start.getTime()) / 60_000) : null;
  return { planned, length, over: length !== null && planned > length };
}

export const KIND_OPTIONS = ["decision", "discussion", "orientation", "standard"] as const;

function TimeBudget({ ctx, data }: { ctx: PageCtx; data: AgendaPageData }): Html {
  const { t } = ctx;
  const b = timeBudget(data.meeting, data.items);
  return (
    <div
      class={b.over ? "alert alert-warning" : "alert alert-info"}
      id="time-budget"
      data-length={b.length === null ? "" : String(b.length)}
      role="status"
    >
      <div class="alert-body">
        <p class="alert-text">
          {b.length === null
            ? t("ws.agenda.timeNoEnd", { planned: b.planned })
            : t(b.over ? "ws.agenda.timeOver" : "ws.agenda.timeOk", { planned: b.planned, length: b.length })}
        </p>
      </div>
    </div>
  );
}

function ItemRow({
  ctx,
  data,
  item,
  index,
}: {
  ctx: PageCtx;
  data: AgendaPageData;
  item: TItem;
  index: number;
}) {
  const { t } = ctx;
  const last = index === data.items.length - 1;
  const base = wsAgenda(data.meeting.id);
  const label = `${item.number}. ${item.title}`;
  const move = (dir: "op" | "ned", text: string) => (
    <form method="post" action={`${base}/punkter/${item.id}/flyt`} class="tv-inline-form">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="retning" value={dir} />
      <button type="submit" class="button button-secondary tv-small-button">
        {text}
        <span class="sr-only">: {label}</span>
      </button>
    </form>
  );
  return (
    <tr data-item-id={String(item.id)} data-minutes={String(item.durationMinutes ?? 0)}>
      <td>{String(item.number)}</td>
      <td>
        <a href={wsItem(data.meeting.id, item.id)}>{item.title}</a>
        <span class="tv-meta tv-block">
          {[
            t(`ws.kind.${item.kind}` as MessageKey),
            item.access === "closed" ? t("ws.access.closed") : t("ws.access.open"),
            item.caseNumbers.join(", "),
            item.attachments.length > 0 ? t("ws.agenda.attachmentCount", { n: item.attachments.length }) : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      </td>
      <td class="tv-num">
        {item.durationMinutes ? t("meeting.minutesShort", { n: item.durationMinutes }) : "–"}
      </td>
      <td>
        <div class="tv-row-actions">
          {index > 0 ? move("op", t("ws.agenda.up")) : null}
          {!last ? move("ned", t("ws.agenda.down")) : null}
        </div>
      </td>
    </tr>
  );
}

/** /arbejdsrum/moeder/<id>: the agenda builder. */
export function AgendaPage({ ctx, data }: { ctx: PageCtx; data: AgendaPageData }): Html {
  const { t } = ctx;
  const { meeting, body, form } = data;
  const when = formatDateTimeLong(meeting.start, ctx.lang);
  const base = wsAgenda(meeting.id);
  const editable = meeting.status === "planned" || meeting.status === "agenda_published";
  const v = (k: string) => form.values[k] ?? "";
  // "Dagsorden under udarbejdelse" only while it is: once published it is the agenda.
  const heading = t(meeting.status === "planned" ? "ws.agenda.title" : "meeting.agenda");
  return (
    <Layout
      ctx={ctx}
      title={`${heading}: ${body.name}, ${when}`}
      current="workspace"
      crumbs={[
        { text: t("ws.title"), href: WS },
        { text: body.name, href: `${WS}/organer/${body.id}` },
        { text: when },
      ]}
      scripts={["agenda", "confirm"]}
    >
      <p class="tv-kicker">{heading}</p>
      <h1>
        {body.name}, {when}
      </h1>
      <MeetingSteps ctx={ctx} meeting={meeting} current="agenda" />
      {editable && !meeting.cancelled ? (
        <p>
          <a href={`${base}/ret`}>{t("ws.edit.link")}</a>
        </p>
      ) : null}
      <Notices done={data.done} problem={data.problem} />
      <TimeBudget ctx={ctx} data={data} />
      {data.items.length === 0 ? (
        <p>{t("meeting.noItems")}</p>
      ) : (
        <div>
          <p class="tv-scroll-hint" id="agenda-scroll-hint">
            {t("ws.agenda.scrollHint")}
          </p>
          {/* Focusable, so the keyboard can scroll a table wider than the screen. */}
          <div class="table--responsive-scroll" tabindex="0" aria-describedby="agenda-scroll-hint">
            <table class="table table--compact tv-agenda" id="agenda" data-reorder={`${base}/raekkefoelge`}>
              <caption class="sr-only">{t("ws.agenda.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("meeting.number")}</th>
                  <th scope="col">{t("meeting.item")}</th>
                  <th scope="col">{t("meeting.duration")}</th>
                  <th scope="col">{t("ws.agenda.order")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item, index) => (
                  <ItemRow ctx={ctx} data={data} item={item} index={index} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <p class="tv-meta" id="reorder-help">
        {t("ws.agenda.reorderHelp")}
      </p>
      {editable ? (
        <section aria-labelledby="add-h" class="tv-panel">
          <h2 id="add-h">{t("ws.agenda.add")}</h2>
          <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={form.errors} />
          <form method="post" action={`${base}/punkter`} novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              id="title"
              label={t("ws.item.title")}
              value={v("title")}
              error={form.errors.title}
              required
            />
            <SelectField
              id="kind"
              label={t("ws.item.kind")}
              value={v("kind") || "decision"}
              options={KIND_OPTIONS.map((k) => ({ value: k, label: t(`ws.kind.${k}` as MessageKey) }))}
              error={form.errors.kind}
            />
            <SelectField
              id="access"
              label={t("ws.item.access")}
              value={v("access") || "open"}
              options={[
                { value: "open", label: t("ws.access.open") },
                { value: "closed", label: t("ws.access.closed") },
              ]}
              error={form.errors.access}
            />
            <TextField
              id="durationMinutes"
              label={t("ws.item.duration")}
              hint={t("ws.item.durationHint")}
              value={v("durationMinutes")}
              inputmode="numeric"
              error={form.errors.durationMinutes}
            />
            <TextField
              id="caseNumbers"
              label={t("ws.item.caseNumbers")}
              hint={t("ws.item.caseNumbersHint")}
              value={v("caseNumbers")}
              error={form.errors.caseNumbers}
            />
            <button type="submit" class="button button-primary">
              {t("ws.agenda.addButton")}
            </button>
          </form>
        </section>
      ) : null}
      {editable && data.cases.length > 0 ? (
        <section aria-labelledby="cases-h">
          <h2 id="cases-h">{t("ws.agenda.cases")}</h2>
          <ul class="tv-meetings">
            {data.cases.map((c) => (
              <li>
                <strong>{c.case.title}</strong>
                <span class="tv-meta tv-block">
                  {[c.case.numbers.map((n) => n.number).join(", "), waitingReason(ctx, c)]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                <form method="post" action={`${base}/sager`} class="tv-inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="caseId" value={String(c.case.id)} />
                  <button type="submit" class="button button-secondary tv-small-button">
                    {t("ws.agenda.addCase")}
                    <span class="sr-only">: {c.case.title}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {editable && data.actions.length > 0 ? (
        <section aria-labelledby="actions-h">
          <h2 id="actions-h">{t("ws.agenda.actions")}</h2>
          <ul class="tv-meetings">
            {data.actions.map((a) => (
              <li>
                {a.text}
                <span class="tv-meta tv-block">
                  {[a.ownerText, a.effectiveDue].filter(Boolean).join(" · ")}
                </span>
                <form method="post" action={`${base}/opfoelgninger`} class="tv-inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="actionId" value={String(a.id)} />
                  <button type="submit" class="button button-secondary tv-small-button">
                    {t("ws.agenda.addAction")}
                    <span class="sr-only">: {a.text}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <AgendaApprovalPanel ctx={ctx} meeting={meeting} approval={data.approval} />
      {meeting.status === "planned" && !data.approval?.block ? (
        <section aria-labelledby="publish-h" class="tv-panel">
          <h2 id="publish-h">{t("ws.agenda.publish")}</h2>
          <p>{t("ws.agenda.publishHint")}</p>
          <form method="post" action={`${base}/status`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="to" value="agenda_published" />
            <input type="hidden" name="version" value={String(meeting.version)} />
            <button type="submit" class="button button-primary">
              {t("ws.agenda.publishButton")}
            </button>
            <ConfirmTemplate ctx={ctx} kind="agenda_published" bodyName={data.body.name} />
          </form>
        </section>
      ) : null}
      {meeting.status === "agenda_published" && !meeting.cancelled ? (
        <section aria-labelledby="supplement-h" class="tv-panel">
          <h2 id="supplement-h">{t("ws.supplement.title")}</h2>
          <p>{t("ws.supplement.hint")}</p>
          <form method="post" action={`${base}/tillaegsdagsorden`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(meeting.version)} />
            <div class="form-group">
              <label class="form-label" for="supplement-note">
                {t("ws.supplement.note")}
              </label>
              <textarea class="form-input" id="supplement-note" name="note" rows={2} required></textarea>
            </div>
            <button type="submit" class="button button-secondary">
              {t("ws.supplement.button")}
            </button>
            <ConfirmTemplate ctx={ctx} kind="supplement" bodyName={data.body.name} />
          </form>
        </section>
      ) : null}
      <AgendaChanges ctx={ctx} supplements={data.supplements} />
      <p class="tv-meta">
        {t("ws.agenda.documents")} <a href={`/moeder/${meeting.id}/dagsorden.pdf?edition=full`}>PDF</a>,{" "}
        <a href={`/moeder/${meeting.id}/dagsorden.docx?edition=full`}>Word</a>
        {data.items.some((i) => i.attachments.length > 0)
          ? ` · ${t("ws.agenda.attachmentsTotal", {
              size: formatFileSize(
                data.items.flatMap((i) => i.attachments).reduce((s, a) => s + (a.size ?? 0), 0),
                ctx.lang,
              ),
            })}`
          : null}
      </p>
    </Layout>
  );
}
