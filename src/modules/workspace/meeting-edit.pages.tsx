/** Changing a meeting (date, time, place, kind, title), cancelling it, and the second step before anything irreversible. */
import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TBody } from "../bodies/index.ts";
import type { MeetingRow } from "../meetings/index.ts";
import { WS, wsAgenda } from "./workspace.urls.ts";

const KINDS = ["ordinary", "extraordinary", "virtual", "theme", "seminar"] as const;

export interface MeetingEditData {
  meeting: MeetingRow;
  body: TBody;
  values: Record<string, string>;
  errors: FieldErrors;
  /** set when the meeting changed since the form was loaded: the saved values are shown */
  stale: boolean;
}

/** "21-01-2027" and "09:30" in Danish time, as the form shows them. */
export function meetingFormValues(meeting: MeetingRow): Record<string, string> {
  const day = (d: Date) =>
    d.toLocaleDateString("da-DK", {
      timeZone: "Europe/Copenhagen",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    });
  const time = (d: Date) =>
    d.toLocaleTimeString("da-DK", { timeZone: "Europe/Copenhagen", hour: "2-digit", minute: "2-digit" });
  return {
    date: day(meeting.start).replaceAll(".", "-"),
    time: time(meeting.start).replace(".", ":"),
    endTime: meeting.end ? time(meeting.end).replace(".", ":") : "",
    location: meeting.location ?? "",
    title: meeting.title ?? "",
    kind: meeting.kind,
    version: String(meeting.version),
  };
}

export function MeetingEditPage({ ctx, data }: { ctx: PageCtx; data: MeetingEditData }): Html {
  const { t } = ctx;
  const { meeting, body, values, errors } = data;
  const base = `${WS}/moeder/${meeting.id}`;
  const cancellable =
    !meeting.cancelled && (meeting.status === "planned" || meeting.status === "agenda_published");
  return (
    <Layout
      ctx={ctx}
      title={`${t("ws.edit.title")}: ${body.name}`}
      current="workspace"
      crumbs={[
        { text: t("ws.title"), href: WS },
        { text: body.name, href: `${WS}/organer/${body.id}` },
        { text: t("ws.agenda.title"), href: wsAgenda(meeting.id) },
        { text: t("ws.edit.title") },
      ]}
    >
      <h1>{t("ws.edit.title")}</h1>
      {data.stale ? (
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <p class="alert-text">{t("ws.edit.stale")}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={errors} />
      <form method="post" action={`${base}/ret`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={values.version ?? String(meeting.version)} />
        <TextField
          id="date"
          label={t("ws.body.date")}
          hint={t("ws.edit.dateHint")}
          value={values.date}
          error={errors.date}
          required
        />
        <TextField
          id="time"
          label={t("ws.body.time")}
          value={values.time}
          error={errors.time}
          inputmode="numeric"
        />
        <TextField
          id="endTime"
          label={t("ws.edit.endTime")}
          value={values.endTime}
          error={errors.endTime}
          inputmode="numeric"
        />
        <TextField
          id="location"
          label={t("ws.edit.location")}
          value={values.location}
          error={errors.location}
        />
        <TextField id="title" label={t("ws.edit.meetingTitle")} value={values.title} error={errors.title} />
        <SelectField
          id="kind"
          label={t("ws.edit.kind")}
          value={values.kind}
          error={errors.kind}
          options={KINDS.map((k) => ({ value: k, label: t(`meeting.kind.${k}` as MessageKey) }))}
        />
        <p class="tv-meta">{t("ws.edit.movedHint")}</p>
        <button type="submit" class="button button-primary">
          {t("ws.edit.save")}
        </button>{" "}
        <a href={wsAgenda(meeting.id)}>{t("ws.edit.back")}</a>
      </form>
      {cancellable ? (
        <section aria-labelledby="cancel-h" class="tv-panel">
          <h2 id="cancel-h">{t("ws.edit.cancelHeading")}</h2>
          <form method="post" action={`${base}/aflys`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(meeting.version)} />
            <TextField
              id="reason"
              label={t("ws.edit.cancelReason")}
              value={values.reason}
              error={errors.reason}
              textarea
              required
            />
            <button type="submit" class="button button-secondary">
              {t("ws.edit.cancelButton")}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

export interface ConfirmData {
  title: string;
  /** what will happen, one line each: who can see it, who is told */
  consequences: string[];
  action: string;
  fields: Record<string, string>;
  button: string;
  back: string;
}

/** The second step before an irreversible act: what will happen, then the button that does it. */
export function ConfirmPage({ ctx, data }: { ctx: PageCtx; data: ConfirmData }): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={data.title}
      current="workspace"
      crumbs={[{ text: t("ws.title"), href: WS }, { text: data.title }]}
    >
      <h1>{data.title}</h1>
      <div class="alert alert-warning">
        <div class="alert-body">
          <p class="alert-heading">{t("ws.confirm.heading")}</p>
          <ul class="alert-text">
            {data.consequences.map((c) => (
              <li>{c}</li>
            ))}
          </ul>
        </div>
      </div>
      <form method="post" action={data.action}>
        <CsrfField ctx={ctx} />
        {Object.entries(data.fields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="ja" />
        <button type="submit" class="button button-primary">
          {data.button}
        </button>{" "}
        <a href={data.back}>{t("ws.confirm.back")}</a>
      </form>
    </Layout>
  );
}
