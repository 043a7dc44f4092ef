import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatFileSize, formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TAddressee, TObligation } from "./obligations.schemas.ts";
import { OBLIGATION_RETURNS } from "./obligations.tables.ts";
import {
  oblAnswerFilePath,
  oblItemPath,
  oblMatterPath,
  oblPath,
  oblReportPath,
  oblSideBySidePath,
} from "./obligations.urls.ts";

const day = (ctx: PageCtx, iso: string) => formatIsoDay(iso, ctx.lang);
/** The party types a fan-out picks in a region (all municipalities of a region, the region itself …). */
export const FAN_OUT_PARTY_TYPES = [
  "municipality",
  "region",
  "hospital",
  "psychiatry",
  "general_practice",
] as const;
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
                <td>{a.name}</td>
                <td>
                  {t(`obl.state.${a.state}` as MessageKey)}
                  {a.late ? <strong>{` · ${t("obl.late")}`}</strong> : null}
                </td>
                <td>{day(ctx, a.due)}</td>
                <td>
                  <AnswerText ctx={ctx} o={o} a={a} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** An addressee's answer: its text (or reason), its link and its file. */
export function AnswerText({ ctx, o, a }: { ctx: PageCtx; o: TObligation; a: TAddressee }): Html {
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
      {a.file ? (
        <>
          {" "}
          <a href={oblAnswerFilePath(o.id, a.id)}>
            {ctx.t("obl.fileLink", { name: a.file.fileName, size: formatFileSize(a.file.size, ctx.lang) })}
          </a>
        </>
      ) : null}
    </span>
  );
}

/** A file input with its hint (the allowed types and the size limit) and error. */
export function FileField(props: {
  ctx: PageCtx;
  id: string;
  name: string;
  label: string;
  /** the upload limit (config) */
  maxBytes: number;
  error?: string | undefined;
}): Html {
  const { t } = props.ctx;
  return (
    <div class={props.error ? "form-group form-error" : "form-group"}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <span class="form-hint" id={`${props.id}-hint`}>
        {t("obl.fileHint", { size: formatFileSize(props.maxBytes, props.ctx.lang) })}
      </span>
      {props.error ? (
        <span class="form-error-message" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      <input
        class="form-input"
        type="file"
        id={props.id}
        name={props.name}
        accept=".pdf,.docx,.xlsx,.odt,.txt,.png,.jpg,.jpeg"
        aria-describedby={props.error ? `${props.id}-hint ${props.id}-error` : `${props.id}-hint`}
        aria-invalid={props.error ? "true" : undefined}
      />
    </div>
  );
}

export interface FanOutForm {
  values: Record<string, string | string[]>;
  errors: FieldErrors;
}

/** The decision a fan-out page is about: an agenda item or a matter decided between meetings. */
export interface FanOutOrigin {
  /** the page's heading */
  heading: string;
  /** the decision's own page (the crumb) */
  title: string;
  href: string;
  /** where the form posts: this page */
  action: string;
  /** when nothing has been sent out yet */
  none: string;
}

export interface FanOutPageData {
  origin: FanOutOrigin;
  obligations: TObligation[];
  /** the form for the deciding body's secretariat; null for other members */
  editor: {
    regions: string[];
    bodies: { id: number; name: string }[];
    parties: { id: number; name: string }[];
    maxUploadBytes: number;
    form: FanOutForm | null;
  } | null;
  saved: boolean;
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/**
 * /arbejdsrum/forpligtelser/punkt/<item> and …/sag/<matter>: the obligations from one decision and the
 * fan-out form.
 */
export function FanOutPage({ ctx, data }: { ctx: PageCtx; data: FanOutPageData }): Html {
  const { t } = ctx;
  const { origin } = data;
  return (
    <Layout
      ctx={ctx}
      title={origin.heading}
      current="workspace"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: origin.title, href: origin.href },
        { text: t("obl.title") },
      ]}
    >
      <h1>{origin.heading}</h1>
      <p class="font-lead">{t("obl.lead")}</p>
      <Saved text={data.saved ? t("obl.sent") : null} />
      {data.obligations.length === 0 ? <p>{origin.none}</p> : null}
      {data.obligations.map((o) => (
        <section aria-labelledby={`obl-${o.id}`}>
          <h2 id={`obl-${o.id}`}>
            <a href={oblPath(o.id)}>{o.text}</a>
          </h2>
          <p class="tv-meta">
            {t(`obl.kind.${o.kind}` as MessageKey)} ·{" "}
            {t("obl.from", { body: o.bodyName, date: day(ctx, o.deadline) })}
          </p>
          {o.kind === "feedback" ? (
            <p>
              <a href={oblSideBySidePath(o.id)}>{t("obl.sideBySide")}</a>
            </p>
          ) : null}
          <RollUpTable ctx={ctx} o={o} />
        </section>
      ))}
      {data.editor ? <FanOut ctx={ctx} action={origin.action} editor={data.editor} /> : null}
    </Layout>
  );
}

function FanOut({
  ctx,
  action,
  editor,
}: {
  ctx: PageCtx;
  action: string;
  editor: NonNullable<FanOutPageData["editor"]>;
}): Html {
  const { t } = ctx;
  const v = editor.form?.values ?? {};
  const errors = editor.form?.errors ?? {};
  const kinds = new Set(list(v.kinds));
  const partyTypes = new Set(list(v.partyTypes));
  const picked = new Set(list(v.bodyIds));
  const pickedParties = new Set(list(v.partyIds));
  const kind = str(v.kind) || "obligation";
  return (
    <section aria-labelledby="fan-out-h" class="tv-secretariat">
      <h2 id="fan-out-h">{t("obl.new")}</h2>
      <ErrorSummary ctx={ctx} heading={t("obl.problem")} errors={errors} />
      <form method="post" action={action} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <fieldset class="form-group">
          <legend class="form-label">{t("obl.kind")}</legend>
          <ul class="nobullet-list">
            {(["obligation", "feedback"] as const).map((k) => (
              <li class="form-group-radio">
                <input
                  class="form-radio"
                  type="radio"
                  id={`kind-choice-${k}`}
                  name="kind"
                  value={k}
                  checked={kind === k}
                />
                <label for={`kind-choice-${k}`}>{t(`obl.kindChoice.${k}` as MessageKey)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
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
          hint={t("obl.returnsHint")}
          options={OBLIGATION_RETURNS.map((r) => ({ value: r, label: t(`obl.returns.${r}` as MessageKey) }))}
        />
        <FileField
          ctx={ctx}
          id="report"
          name="report"
          label={t("obl.report")}
          maxBytes={editor.maxUploadBytes}
          error={errors.report}
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
          <p class="form-label">{t("obl.partyTypes")}</p>
          <ul class="nobullet-list tv-checks">
            {FAN_OUT_PARTY_TYPES.map((k) => (
              <li>
                <input
                  class="form-checkbox"
                  type="checkbox"
                  id={`ptype-${k}`}
                  name="partyTypes"
                  value={k}
                  checked={partyTypes.has(k)}
                />
                <label for={`ptype-${k}`}>{t(`obl.partyType.${k}` as MessageKey)}</label>
              </li>
            ))}
          </ul>
          <details open={picked.size + pickedParties.size > 0}>
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
            <p class="form-label">{t("obl.partyList")}</p>
            <ul class="nobullet-list tv-checks">
              {editor.parties.map((p) => (
                <li>
                  <input
                    class="form-checkbox"
                    type="checkbox"
                    id={`party-${p.id}`}
                    name="partyIds"
                    value={String(p.id)}
                    checked={pickedParties.has(String(p.id))}
                  />
                  <label for={`party-${p.id}`}>{p.name}</label>
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
  /** the addressees the reader answers for: a body's secretariat, a party's representative (answer forms) */
  answerFor: TAddressee[];
  deciding: { member: boolean; editor: boolean };
  errors: FieldErrors;
  values: Record<string, string>;
  saved: string | null;
  /** the decision it was fanned out from (an item or a matter), for the deciding body's members */
  origin: { title: string; href: string } | null;
  /** the workspace page of the generated status item, once made */
  statusItemHref: string | null;
  maxUploadBytes: number;
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
      <h1>{t(`obl.kind.${o.kind}` as MessageKey)}</h1>
      <Saved text={data.saved} />
      <p class="font-lead">{o.text}</p>
      <p class="tv-meta">
        {t("obl.from", { body: o.bodyName, date: day(ctx, o.deadline) })} ·{" "}
        {t(`obl.returns.${o.returns}` as MessageKey)}
      </p>
      {o.report ? (
        <p>
          <a href={oblReportPath(o.id)}>
            {t("obl.reportLink", { name: o.report.fileName, size: formatFileSize(o.report.size, ctx.lang) })}
          </a>
        </p>
      ) : null}
      {o.kind === "feedback" || o.addressees.length > 1 ? (
        <p>
          <a href={oblSideBySidePath(o.id)}>{t("obl.sideBySide")}</a>
        </p>
      ) : null}
      {data.origin ? (
        <p>
          {t("obl.origin")} <a href={data.origin.href}>{data.origin.title}</a>
        </p>
      ) : null}
      {o.itemId !== null && data.deciding.member ? (
        <p>
          <a href={oblItemPath(o.itemId)}>{t("obl.itemLink")}</a>
        </p>
      ) : null}
      {o.matterId !== null && data.deciding.member ? (
        <p>
          <a href={oblMatterPath(o.matterId)}>{t("obl.itemLink")}</a>
        </p>
      ) : null}
      <ErrorSummary
        ctx={ctx}
        heading={t("obl.answerProblem")}
        errors={Object.fromEntries(
          Object.entries(data.errors).map(([k, v]) => [`${k}-${sentKey(data.values)}`, v]),
        )}
      />
      {data.answerFor.map((a) => {
        // only the form that was sent gets its values and errors back
        const mine = sentKey(data.values) === keyOf(a);
        return (
          <AnswerForm
            ctx={ctx}
            o={o}
            a={a}
            values={mine ? data.values : {}}
            errors={mine ? data.errors : {}}
            maxBytes={data.maxUploadBytes}
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

/** The key of an addressee in field ids: b<body> or p<party>. */
const keyOf = (a: Pick<TAddressee, "bodyId" | "partyId">) =>
  a.bodyId !== null ? `b${a.bodyId}` : `p${a.partyId ?? ""}`;
const sentKey = (v: Record<string, string>) => (v.bodyId ? `b${v.bodyId}` : v.partyId ? `p${v.partyId}` : "");

function AnswerForm({
  ctx,
  o,
  a,
  values,
  errors,
  maxBytes,
}: {
  ctx: PageCtx;
  o: TObligation;
  a: TAddressee;
  values: Record<string, string>;
  errors: FieldErrors;
  maxBytes: number;
}): Html {
  const { t } = ctx;
  const state = values.state ?? (a.state === "open" ? "done" : a.state);
  const k = keyOf(a);
  return (
    <section aria-labelledby={`answer-${k}`} class="tv-secretariat">
      <h2 id={`answer-${k}`}>{t("obl.yourAnswer", { body: a.name })}</h2>
      <form method="post" action={`${oblPath(o.id)}/svar`} enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        {a.bodyId !== null ? (
          <input type="hidden" name="bodyId" value={String(a.bodyId)} />
        ) : (
          <input type="hidden" name="partyId" value={String(a.partyId)} />
        )}
        <fieldset class="form-group">
          <legend class="form-label">{t("obl.choice")}</legend>
          <ul class="nobullet-list">
            {(["done", "not_relevant", "more_time"] as const).map((s) => (
              <li class="form-group-radio">
                <input
                  class="form-radio"
                  type="radio"
                  id={`state-${k}-${s}`}
                  name="state"
                  value={s}
                  checked={state === s}
                />
                <label for={`state-${k}-${s}`}>{t(`obl.choice.${s}` as MessageKey)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <TextField
          id={`answerText-${k}`}
          name="answerText"
          label={t("obl.answerText")}
          textarea
          value={values.answerText ?? a.answerText ?? ""}
          error={errors.answerText}
        />
        <TextField
          id={`link-${k}`}
          name="link"
          label={t("obl.link")}
          hint={t("obl.linkHint")}
          type="url"
          value={values.link ?? a.link ?? ""}
          error={errors.link}
        />
        <FileField
          ctx={ctx}
          id={`file-${k}`}
          name="file"
          maxBytes={maxBytes}
          label={a.file ? t("obl.fileReplace", { name: a.file.fileName }) : t("obl.file")}
          error={errors.file}
        />
        <TextField
          id={`reason-${k}`}
          name="reason"
          label={t("obl.reason")}
          value={values.reason ?? a.reason ?? ""}
          error={errors.reason}
        />
        <TextField
          id={`newDeadline-${k}`}
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
