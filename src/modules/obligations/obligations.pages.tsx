import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TAddressee, TObligation } from "./obligations.schemas.ts";
import { OBLIGATION_RETURNS } from "./obligations.tables.ts";
import { oblItemPath, oblPath } from "./obligations.urls.ts";

const day = (ctx: PageCtx, iso: string) => formatIsoDay(iso, ctx.lang);
/** The kinds a fan-out usually picks first (clusters, health councils, municipal fora). */
export const FAN_OUT_KINDS = [
  "cluster_professional",
  "cluster_political",
  "health_council",
  "coordination_forum",
  "municipal_forum",
] as const;

function Saved({ text }: { text: string | null }): Html | null {
  return text ? (
    <div class="alert alert-success" role="status">
      <p class="alert-text">{text}</p>
    </div>
  ) : null;
}

/** The roll-up table: one row per addressee the reader may see. */
export function RollUpTable({ ctx, o }: { ctx: PageCtx; o: TObligation }): Html {
  const { t } = ctx;
  const r = o.rollUp;
  return (
    <div>
      <p>
        {t("obl.rollUpLine", {
          answered: String(r.answered),
          total: String(r.addressees),
          late: String(r.late),
          moreTime: String(r.moreTime),
        })}
      </p>
      <div class="table--responsive-scroll">
        <table class="table table--compact">
          <caption class="sr-only">{t("obl.rollUp")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("obl.body")}</th>
              <th scope="col">{t("obl.state")}</th>
              <th scope="col">{t("obl.due")}</th>
              <th scope="col">{t("obl.answer")}</th>
            </tr>
          </thead>
          <tbody>
            {o.addressees.map((a) => (
              <tr class={a.late ? "tv-late" : undefined}>
                <td>{a.bodyName}</td>
                <td>
                  {t(`obl.state.${a.state}` as MessageKey)}
                  {a.late ? <strong>{` · ${t("obl.late")}`}</strong> : null}
                </td>
                <td>{day(ctx, a.due)}</td>
                <td>
                  <AnswerText a={a} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function AnswerText({ a }: { a: TAddressee }): Html {
  return (
    <span>
      {a.state === "not_relevant" ? (a.reason ?? "") : (a.answerText ?? "")}
      {a.link ? (
        <>
          {" "}
          <a href={a.link} rel="noopener noreferrer">
            {a.link}
          </a>
        </>
      ) : null}
    </span>
  );
}

export interface FanOutForm {
  values: Record<string, string | string[]>;
  errors: FieldErrors;
}

export interface ItemObligationsData {
  item: { id: number; number: number; title: string; meetingId: number };
  obligations: TObligation[];
  /** the form for the deciding body's secretariat; null for other members */
  editor: { regions: string[]; bodies: { id: number; name: string }[]; form: FanOutForm | null } | null;
  saved: boolean;
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** /arbejdsrum/forpligtelser/punkt/<item>: the obligations from one decision and the fan-out form. */
export function ItemObligationsPage({ ctx, data }: { ctx: PageCtx; data: ItemObligationsData }): Html {
  const { t } = ctx;
  const title = t("obl.fromItem", { number: String(data.item.number), title: data.item.title });
  return (
    <Layout
      ctx={ctx}
      title={title}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: data.item.title, href: `/arbejdsrum/moeder/${data.item.meetingId}/punkter/${data.item.id}` },
        { text: t("obl.title") },
      ]}
    >
      <h1>{title}</h1>
      <p class="font-lead">{t("obl.lead")}</p>
      <Saved text={data.saved ? t("obl.sent") : null} />
      {data.obligations.length === 0 ? <p>{t("obl.none")}</p> : null}
      {data.obligations.map((o) => (
        <section aria-labelledby={`obl-${o.id}`}>
          <h2 id={`obl-${o.id}`}>
            <a href={oblPath(o.id)}>{o.text}</a>
          </h2>
          <p class="tv-meta">{t("obl.from", { body: o.bodyName, date: day(ctx, o.deadline) })}</p>
          <RollUpTable ctx={ctx} o={o} />
        </section>
      ))}
      {data.editor ? <FanOut ctx={ctx} item={data.item} editor={data.editor} /> : null}
    </Layout>
  );
}

function FanOut({
  ctx,
  item,
  editor,
}: {
  ctx: PageCtx;
  item: ItemObligationsData["item"];
  editor: NonNullable<ItemObligationsData["editor"]>;
}): Html {
  const { t } = ctx;
  const v = editor.form?.values ?? {};
  const errors = editor.form?.errors ?? {};
  const kinds = new Set(list(v.kinds));
  const picked = new Set(list(v.bodyIds));
  return (
    <section aria-labelledby="fan-out-h" class="tv-secretariat">
      <h2 id="fan-out-h">{t("obl.new")}</h2>
      <ErrorSummary ctx={ctx} heading={t("obl.problem")} errors={errors} />
      <form method="post" action={oblItemPath(item.id)}>
        <CsrfField ctx={ctx} />
        <TextField
          id="text"
          label={t("obl.text")}
          hint={t("obl.textHint")}
          textarea
          value={str(v.text)}
          error={errors.text}
        />
        <TextField
          id="deadline"
          label={t("obl.deadline")}
          hint={t("obl.deadlineHint")}
          value={str(v.deadline)}
          error={errors.deadline}
        />
        <SelectField
          id="returns"
          label={t("obl.returns")}
          value={str(v.returns) || "document"}
          options={OBLIGATION_RETURNS.map((r) => ({ value: r, label: t(`obl.returns.${r}` as MessageKey) }))}
        />
        <fieldset id="addressees" class={errors.addressees ? "form-group form-error" : "form-group"}>
          <legend class="form-label">{t("obl.to")}</legend>
          {errors.addressees ? <span class="form-error-message">{errors.addressees}</span> : null}
          <h3 class="h5">{t("obl.toRegion")}</h3>
          <SelectField
            id="region"
            label={t("obl.region")}
            value={str(v.region)}
            options={[{ value: "", label: "–" }, ...editor.regions.map((r) => ({ value: r, label: r }))]}
          />
          <p class="form-label">{t("obl.kinds")}</p>
          <ul class="nobullet-list tv-checks">
            {FAN_OUT_KINDS.map((k) => (
              <li>
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id={`kind-${k}`}
                  name="kinds"
                  value={k}
                  checked={kinds.has(k)}
                />
                <label for={`kind-${k}`}>{t(`kind.${k}` as MessageKey)}</label>
              </li>
            ))}
          </ul>
          <details open={picked.size > 0}>
            <summary>{t("obl.toList")}</summary>
            <p class="form-hint">{t("obl.toListHint")}</p>
            <ul class="nobullet-list tv-checks">
              {editor.bodies.map((b) => (
                <li>
                  <input
                    class="form-checkbox"
                    type="checkbox"
                    id={`body-${b.id}`}
                    name="bodyIds"
                    value={String(b.id)}
                    checked={picked.has(String(b.id))}
                  />
                  <label for={`body-${b.id}`}>{b.name}</label>
                </li>
              ))}
            </ul>
          </details>
        </fieldset>
        <button type="submit" class="button button-primary">
          {t("obl.send")}
        </button>
      </form>
    </section>
  );
}

export interface ObligationData {
  o: TObligation;
  /** the addressee bodies whose secretariat the reader is (answer forms) */
  answerFor: TAddressee[];
  deciding: { member: boolean; editor: boolean };
  errors: FieldErrors;
  values: Record<string, string>;
  saved: string | null;
  /** the workspace page of the generated status item, once made */
  statusItemHref: string | null;
}

/** /arbejdsrum/forpligtelser/<id>: one obligation, its roll-up, and the answer form of an addressee. */
export function ObligationPage({ ctx, data }: { ctx: PageCtx; data: ObligationData }): Html {
  const { t } = ctx;
  const { o } = data;
  return (
    <Layout
      ctx={ctx}
      title={t("obl.title")}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: t("obl.title") },
      ]}
    >
      <h1>{t("obl.title")}</h1>
      <Saved text={data.saved} />
      <p class="font-lead">{o.text}</p>
      <p class="tv-meta">
        {t("obl.from", { body: o.bodyName, date: day(ctx, o.deadline) })} ·{" "}
        {t(`obl.returns.${o.returns}` as MessageKey)}
      </p>
      {o.itemId !== null && data.deciding.member ? (
        <p>
          <a href={oblItemPath(o.itemId)}>{t("obl.itemLink")}</a>
        </p>
      ) : null}
      <ErrorSummary
        ctx={ctx}
        heading={t("obl.answerProblem")}
        errors={Object.fromEntries(
          Object.entries(data.errors).map(([k, v]) => [`${k}-${data.values.bodyId ?? ""}`, v]),
        )}
      />
      {data.answerFor.map((a) => {
        // only the form that was sent gets its values and errors back
        const mine = data.values.bodyId === String(a.bodyId);
        return (
          <AnswerForm
            ctx={ctx}
            o={o}
            a={a}
            values={mine ? data.values : {}}
            errors={mine ? data.errors : {}}
          />
        );
      })}
      <h2>{t("obl.rollUp")}</h2>
      <RollUpTable ctx={ctx} o={o} />
      {data.deciding.editor ? (
        data.statusItemHref === null ? (
          <form method="post" action={`${oblPath(o.id)}/statuspunkt`}>
            <CsrfField ctx={ctx} />
            <p class="form-hint">{t("obl.statusItemHint")}</p>
            <button type="submit" class="button button-secondary">
              {t("obl.statusItem")}
            </button>
          </form>
        ) : (
          <p>
            <a href={data.statusItemHref}>{t("obl.statusItemLink")}</a>
          </p>
        )
      ) : null}
    </Layout>
  );
}

function AnswerForm({
  ctx,
  o,
  a,
  values,
  errors,
}: {
  ctx: PageCtx;
  o: TObligation;
  a: TAddressee;
  values: Record<string, string>;
  errors: FieldErrors;
}): Html {
  const { t } = ctx;
  const state = values.state ?? (a.state === "open" ? "done" : a.state);
  return (
    <section aria-labelledby={`answer-${a.bodyId}`} class="tv-secretariat">
      <h2 id={`answer-${a.bodyId}`}>{t("obl.yourAnswer", { body: a.bodyName })}</h2>
      <form method="post" action={`${oblPath(o.id)}/svar`}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="bodyId" value={String(a.bodyId)} />
        <fieldset class="form-group">
          <legend class="form-label">{t("obl.choice")}</legend>
          <ul class="nobullet-list">
            {(["done", "not_relevant", "more_time"] as const).map((s) => (
              <li class="form-group-radio">
                <input
                  class="form-radio"
                  type="radio"
                  id={`state-${a.bodyId}-${s}`}
                  name="state"
                  value={s}
                  checked={state === s}
                />
                <label for={`state-${a.bodyId}-${s}`}>{t(`obl.choice.${s}` as MessageKey)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField
          id={`answerText-${a.bodyId}`}
          name="answerText"
          label={t("obl.answerText")}
          textarea
          value={values.answerText ?? a.answerText ?? ""}
          error={errors.answerText}
        />
        <TextField
          id={`link-${a.bodyId}`}
          name="link"
          label={t("obl.link")}
          hint={t("obl.linkHint")}
          type="url"
          value={values.link ?? a.link ?? ""}
          error={errors.link}
        />
        <TextField
          id={`reason-${a.bodyId}`}
          name="reason"
          label={t("obl.reason")}
          value={values.reason ?? a.reason ?? ""}
          error={errors.reason}
        />
        <TextField
          id={`newDeadline-${a.bodyId}`}
          name="newDeadline"
          label={t("obl.newDeadline")}
          hint={t("obl.deadlineHint")}
          value={values.newDeadline ?? ""}
          error={errors.newDeadline}
        />
        <button type="submit" class="button button-primary">
          {t("obl.saveAnswer")}
        </button>
      </form>
    </section>
  );
}

/** /arbejdsrum/organer/<id>/forpligtelser: what the body received and what it sent. */
export function BodyObligationsPage({
  ctx,
  data,
}: {
  ctx: PageCtx;
  data: { body: { id: number; name: string }; received: TObligation[]; sent: TObligation[] };
}): Html {
  const { t } = ctx;
  const title = t("obl.bodyTitle", { name: data.body.name });
  const row = (o: TObligation, mine: boolean) => {
    const own = o.addressees.find((a) => a.bodyId === data.body.id);
    return (
      <tr>
        <td>
          <a href={oblPath(o.id)}>{o.text}</a>
        </td>
        <td>{o.bodyName}</td>
        <td>{day(ctx, own?.due ?? o.deadline)}</td>
        <td>
          {mine && own ? (
            <>
              {t(`obl.state.${own.state}` as MessageKey)}
              {own.late ? <strong>{` · ${t("obl.late")}`}</strong> : null}
            </>
          ) : (
            t("obl.rollUpLine", {
              answered: String(o.rollUp.answered),
              total: String(o.rollUp.addressees),
              late: String(o.rollUp.late),
              moreTime: String(o.rollUp.moreTime),
            })
          )}
        </td>
      </tr>
    );
  };
  const table = (rows: TObligation[], mine: boolean, caption: string) => (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("obl.text")}</th>
            <th scope="col">{t("obl.body")}</th>
            <th scope="col">{t("obl.due")}</th>
            <th scope="col">{t("obl.state")}</th>
          </tr>
        </thead>
        <tbody>{rows.map((o) => row(o, mine))}</tbody>
      </table>
    </div>
  );
  return (
    <Layout
      ctx={ctx}
      title={title}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: data.body.name, href: `/arbejdsrum/organer/${data.body.id}` },
        { text: t("obl.title") },
      ]}
    >
      <h1>{title}</h1>
      <h2>{t("obl.received")}</h2>
      {data.received.length === 0 ? (
        <p>{t("obl.noneReceived")}</p>
      ) : (
        table(data.received, true, t("obl.received"))
      )}
      <h2>{t("obl.sentOut")}</h2>
      {data.sent.length === 0 ? <p>{t("obl.noneSent")}</p> : table(data.sent, false, t("obl.sentOut"))}
    </Layout>
  );
}
