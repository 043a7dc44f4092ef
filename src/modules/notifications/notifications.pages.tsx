import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { SelectField, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { OutboxOverview } from "./outbox-admin.ts";
import { BODY_TOPICS } from "./profiles.service.ts";
import { MODES, modeOf, type Topic } from "./topics.ts";

function Notice({ text }: { text: string | null | undefined }): Html | null {
  return text ? (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{text}</p>
      </div>
    </div>
  ) : null;
}

function ModeSelect(props: { ctx: PageCtx; id: string; name: string; label: string; value: string }): Html {
  return (
    <SelectField
      id={props.id}
      name={props.name}
      label={props.label}
      value={props.value}
      options={MODES.map((m) => ({ value: m, label: props.ctx.t(`notify.mode.${m}`) }))}
    />
  );
}

export interface SettingsData {
  bodies: Array<{ id: number; name: string }>;
  settings: Record<string, string>;
  locale: "da" | "en";
  calendarUrl: string | null;
  notice: string | null;
}

/** /mine-notifikationer: per body and topic a mode, the language, and the personal calendar address. */
export function SettingsPage({ ctx, data }: { ctx: PageCtx; data: SettingsData }): Html {
  const { t } = ctx;
  const topicLabel = (topic: Topic) => t(`notify.topic.${topic}` as MessageKey);
  return (
    <Layout
      ctx={ctx}
      title={t("notify.settings.title")}
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("notify.settings.title") }]}
    >
      <h1>{t("notify.settings.title")}</h1>
      <Notice text={data.notice} />
      <p class="font-lead">{t("notify.settings.lead")}</p>
      <form method="post" action="/mine-notifikationer">
        <CsrfField ctx={ctx} />
        {data.bodies.length === 0 ? <p>{t("notify.settings.noBodies")}</p> : null}
        {data.bodies.map((b) => (
          <fieldset>
            <legend class="h3">{b.name}</legend>
            {BODY_TOPICS.map((topic) => (
              <ModeSelect
                ctx={ctx}
                id={`s-${b.id}-${topic}`}
                name={`${b.id}:${topic}`}
                label={topicLabel(topic)}
                value={modeOf(data.settings, b.id, topic)}
              />
            ))}
          </fieldset>
        ))}
        <fieldset>
          <legend class="h3">{t("notify.settings.general")}</legend>
          <ModeSelect
            ctx={ctx}
            id="s-actions"
            name="actions"
            label={topicLabel("actions")}
            value={modeOf(data.settings, null, "actions")}
          />
          <SelectField
            id="locale"
            label={t("notify.settings.language")}
            value={data.locale}
            options={[
              { value: "da", label: "Dansk" },
              { value: "en", label: "English" },
            ]}
          />
        </fieldset>
        <button type="submit" class="button button-primary">
          {t("notify.settings.save")}
        </button>
      </form>
      <h2>{t("notify.settings.calendar")}</h2>
      <p>{t("notify.settings.calendarLead")}</p>
      {data.calendarUrl ? (
        <p>
          <a href={data.calendarUrl}>{data.calendarUrl}</a>
        </p>
      ) : (
        <p>{t("notify.settings.calendarNone")}</p>
      )}
      <form method="post" action="/mine-notifikationer/kalender">
        <CsrfField ctx={ctx} />
        <button type="submit" class="button button-secondary">
          {data.calendarUrl ? t("notify.settings.calendarRenew") : t("notify.settings.calendarMake")}
        </button>
      </form>
      <h2>{t("notify.settings.searches")}</h2>
      <p>
        <a href="/soeg/gemte">{t("search.saved.title")}</a>
      </p>
    </Layout>
  );
}

/** A page that asks before it changes anything (links in mails may be opened by scanners). */
export function AskPage(props: {
  ctx: PageCtx;
  title: string;
  lead: string | null;
  action: string | null;
  button: string;
  done: string | null;
}): Html {
  const { ctx } = props;
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      crumbs={[{ text: ctx.t("nav.front"), href: "/" }, { text: props.title }]}
    >
      <h1>{props.title}</h1>
      <Notice text={props.done} />
      {props.lead ? <p>{props.lead}</p> : null}
      {props.action ? (
        <form method="post" action={props.action}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="button button-primary">
            {props.button}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

/** The body page's form: a body's agendas and minutes by e-mail, without an account. */
export function SubscribeForm({
  ctx,
  bodyId,
  error,
  done,
}: {
  ctx: PageCtx;
  bodyId: number;
  error?: string | undefined;
  done?: string | undefined;
}): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t("notify.sub.heading")}</h2>
      <p>{t("notify.sub.lead")}</p>
      <Notice text={done} />
      <form method="post" action={`/organer/${bodyId}/abonnement`}>
        <CsrfField ctx={ctx} />
        <TextField
          id="sub-email"
          name="email"
          type="email"
          label={t("notify.sub.email")}
          error={error}
          required
        />
        <button type="submit" class="button button-secondary">
          {t("notify.sub.button")}
        </button>
      </form>
    </section>
  );
}

/** The admin's view of the outbox: counts by state and the latest mails. */
export function OutboxPage({ ctx, data }: { ctx: PageCtx; data: OutboxOverview }): Html {
  const { t } = ctx;
  const state = (s: string) => t(`notify.state.${s}` as MessageKey);
  return (
    <Layout
      ctx={ctx}
      title={t("notify.outbox.title")}
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("notify.outbox.title") }]}
    >
      <h1>{t("notify.outbox.title")}</h1>
      <p class="font-lead">{t("notify.outbox.lead")}</p>
      <h2>{t("notify.outbox.counts")}</h2>
      <ul>
        {data.counts.map((c) => (
          <li>
            {state(c.state)}: {String(c.n)}
          </li>
        ))}
      </ul>
      {data.rows.length === 0 ? (
        <p>{t("notify.outbox.none")}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t("notify.outbox.created")}</th>
                <th scope="col">{t("notify.outbox.to")}</th>
                <th scope="col">{t("notify.outbox.subject")}</th>
                <th scope="col">{t("notify.outbox.state")}</th>
                <th scope="col">{t("notify.outbox.attempts")}</th>
                <th scope="col">{t("notify.outbox.next")}</th>
                <th scope="col">{t("notify.outbox.error")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr>
                  <td>{formatDateTimeLong(r.createdAt, ctx.lang)}</td>
                  <td>{r.toAddress}</td>
                  <td>{r.subject}</td>
                  <td>{state(r.state)}</td>
                  <td>{String(r.attempts)}</td>
                  <td>{r.state === "pending" ? formatDateTimeLong(r.nextAttemptAt, ctx.lang) : ""}</td>
                  <td>{r.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
