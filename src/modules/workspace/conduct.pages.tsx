import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import { Notices } from "../../web/notices.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { TBody } from "../bodies/index.ts";
import type { MeetingRow, TItem } from "../meetings/index.ts";
import type { TAttendance } from "../meetings/meetings.schemas.ts";
import type { MembershipRole } from "../people/index.ts";
import { ConfirmTemplate } from "./confirm.tsx";
import { type ItemFields, OUTCOMES } from "./item.form.ts";
import { ReturnedNotice } from "./minutes.pages.tsx";
import { MeetingSteps } from "./steps.view.tsx";
import { WS, wsConduct } from "./workspace.urls.ts";

export interface Person {
  id: number;
  name: string;
  /** the person's role in the body and the party they represent, for the attendance list */
  role?: MembershipRole;
  party?: string | null;
}

export interface ConductPageData {
  meeting: MeetingRow;
  body: TBody;
  items: TItem[];
  attendance: TAttendance[];
  members: Person[];
  persons: Person[];
  /** a failed decision form: its item, values and errors */
  failed: { itemId: number; fields: ItemFields; errors: FieldErrors } | null;
  attendanceErrors: FieldErrors;
  problem: string | null;
  done: string | null;
}

export const MEMBER_STATUSES = ["", "present", "afbud", "absent"] as const;

function AttendanceForm({ ctx, data }: { ctx: PageCtx; data: ConductPageData }): Html {
  const { t } = ctx;
  const byPerson = new Map(data.attendance.map((a) => [a.personId, a]));
  const name = (id: number | null) => data.persons.find((p) => p.id === id)?.name ?? "?";
  const extras = data.attendance.filter((a) => a.status === "substitute" || a.status === "guest");
  const base = wsConduct(data.meeting.id);
  return (
    <section aria-labelledby="att-h" class="tv-panel">
      <h2 id="att-h">{t("ws.conduct.attendance")}</h2>
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={data.attendanceErrors} />
      <form method="post" action={`${base}/fremmoede`}>
        <CsrfField ctx={ctx} />
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">{t("ws.conduct.attendance")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("ws.conduct.member")}</th>
                <th scope="col">{t("ws.conduct.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr>
                  <th scope="row">
                    <label for={`st-${m.id}`}>{m.name}</label>
                    {m.role ? (
                      <span class="tv-meta tv-block">
                        {[t(`role.${m.role}` as MessageKey), m.party].filter(Boolean).join(" · ")}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <select class="form-select" id={`st-${m.id}`} name={`status.${m.id}`}>
                      {MEMBER_STATUSES.map((s) => (
                        <option value={s} selected={(byPerson.get(m.id)?.status ?? "") === s}>
                          {s === "" ? t("ws.conduct.unregistered") : t(`ws.attendance.${s}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit" class="button button-primary">
          {t("ws.conduct.saveAttendance")}
        </button>{" "}
        <button type="submit" class="button button-secondary" name="alle" value="present">
          {t("ws.conduct.allPresent")}
        </button>
        <p class="tv-meta">{t("ws.conduct.allPresentHint")}</p>
      </form>
      {extras.length > 0 ? (
        <ul class="tv-meetings">
          {extras.map((a) => (
            <li>
              {name(a.personId)} –{" "}
              {a.status === "substitute"
                ? t("meeting.substituteFor", { for: name(a.substituteForId) })
                : t("ws.attendance.guest")}
              <form method="post" action={`${base}/fremmoede/${a.id}/slet`} class="tv-inline-form">
                <CsrfField ctx={ctx} />
                <input type="hidden" name="version" value={String(a.version)} />
                <button type="submit" class="button button-secondary tv-small-button">
                  {t("ws.conduct.remove")}
                  <span class="sr-only">: {name(a.personId)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={`${base}/fremmoede/ekstra`} class="tv-extra">
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend class="h4">{t("ws.conduct.addExtra")}</legend>
          <div class="form-group">
            <label class="form-label" for="extra-person">
              {t("ws.conduct.person")}
            </label>
            <select class="form-select" id="extra-person" name="personId">
              {data.persons.map((p) => (
                <option value={String(p.id)}>{p.name}</option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label class="form-label" for="extra-for">
              {t("ws.conduct.role")}
            </label>
            <select class="form-select" id="extra-for" name="for">
              <option value="guest">{t("ws.attendance.guest")}</option>
              {data.members.map((m) => (
                <option value={String(m.id)}>{t("meeting.substituteFor", { for: m.name })}</option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button-secondary">
            {t("ws.conduct.addExtraButton")}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

function DecisionForm({ ctx, data, item }: { ctx: PageCtx; data: ConductPageData; item: TItem }): Html {
  const { t } = ctx;
  const failed = data.failed?.itemId === item.id ? data.failed : null;
  const text = failed ? (failed.fields.decisionText ?? "") : (item.decisionText ?? "");
  const outcome = failed ? (failed.fields.outcome ?? "") : (item.outcome ?? "");
  const absent = new Set(
    failed
      ? Object.entries(failed.fields)
          .filter(([k]) => k.startsWith("absent."))
          .map(([k]) => Number(k.slice(7)))
      : item.absences.map((a) => a.personId),
  );
  const id = `d${item.id}`;
  const errors = failed?.errors ?? {};
  return (
    <section class="tv-item" id={`punkt-${item.id}`} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {String(item.number)}. {item.title}
        {item.access === "closed" ? <span class="tv-access"> ({t("meeting.closed")})</span> : null}
      </h3>
      {item.recommendations.map((r) => (
        <div class="tv-recommendation">{markdown(r)}</div>
      ))}
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={errors} />
      <form
        method="post"
        action={`${wsConduct(data.meeting.id)}/punkter/${item.id}`}
        data-autosave="true"
        data-msg-saving={t("ws.conduct.autosaving")}
        data-msg-saved={t("ws.conduct.autosaved")}
        data-msg-failed={t("ws.conduct.autosaveFailed")}
        novalidate
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(item.version)} />
        <div class={errors.decisionText ? "form-group form-error" : "form-group"}>
          <label class="form-label" for={`${id}-text`}>
            {t("ws.conduct.decision")}
          </label>
          {errors.decisionText ? (
            <span class="form-error-message" id={`${id}-text-error`}>
              {errors.decisionText}
            </span>
          ) : null}
          <textarea class="form-input" id={`${id}-text`} name="decisionText" rows="4">
            {text}
          </textarea>
        </div>
        <div class={errors.outcome ? "form-group form-error" : "form-group"}>
          <label class="form-label" for={`${id}-outcome`}>
            {t("ws.conduct.outcome")}
          </label>
          {errors.outcome ? (
            <span class="form-error-message" id={`${id}-outcome-error`}>
              {errors.outcome}
            </span>
          ) : null}
          <select class="form-select" id={`${id}-outcome`} name="outcome">
            <option value="">{t("ws.conduct.noOutcome")}</option>
            {OUTCOMES.map((o) => (
              <option value={o} selected={o === outcome}>
                {t(`outcome.${o}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {data.members.length > 0 ? (
          <details class="tv-absence" open={absent.size > 0}>
            <summary>
              {t("ws.conduct.absentFromItem")} ({absent.size})
            </summary>
            <fieldset>
              <legend class="sr-only">{t("ws.conduct.absentFromItem")}</legend>
              <ul class="nobullet-list tv-checks">
                {data.members.map((m) => (
                  <li>
                    <input
                      class="form-checkbox"
                      type="checkbox"
                      id={`${id}-a${m.id}`}
                      name={`absent.${m.id}`}
                      value="1"
                      checked={absent.has(m.id)}
                    />
                    <label for={`${id}-a${m.id}`}>{m.name}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </details>
        ) : null}
        <div class="tv-buttons">
          <button type="submit" class="button button-primary">
            {t("ws.conduct.saveDecision")}
            <span class="sr-only">: {item.title}</span>
          </button>
          {item.recommendations.length > 0 ? (
            <button type="submit" class="button button-secondary" name="indstilling" value="godkendt">
              {t("ws.conduct.recommendationApproved")}
              <span class="sr-only">: {item.title}</span>
            </button>
          ) : null}
          <span class="tv-autosave tv-meta" role="status" />
        </div>
      </form>
    </section>
  );
}

/** /arbejdsrum/moeder/<id>/moedet: attendance and, per item, decision, outcome and absence. */
export function ConductPage({ ctx, data }: { ctx: PageCtx; data: ConductPageData }): Html {
  const { t } = ctx;
  const { meeting, body } = data;
  const when = formatDateTimeLong(meeting.start, ctx.lang);
  const open = !["minutes_approved", "minutes_published"].includes(meeting.status);
  return (
    <Layout
      ctx={ctx}
      title={`${t("ws.conduct.title")}: ${body.name}, ${when}`}
      current="workspace"
      crumbs={[{ text: t("ws.title"), href: WS }, { text: `${body.name}, ${when}` }]}
      scripts={["conduct", "confirm"]}
    >
      <p class="tv-kicker">{t("ws.conduct.title")}</p>
      <h1>
        {body.name}, {when}
      </h1>
      <MeetingSteps ctx={ctx} meeting={meeting} current="conduct" />
      <ReturnedNotice ctx={ctx} meeting={meeting} />
      <Notices done={data.done} problem={data.problem} />
      {!open ? (
        <p>{t("ws.conduct.locked")}</p>
      ) : meeting.status === "planned" ? (
        <p>{t("ws.conduct.notPublished")}</p>
      ) : (
        [
          <AttendanceForm ctx={ctx} data={data} />,
          <h2 id="items-h">{t("ws.conduct.decisions")}</h2>,
          <p class="tv-meta">{t("ws.conduct.autosaveHint")}</p>,
          data.items.map((item) => <DecisionForm ctx={ctx} data={data} item={item} />),
          meeting.status === "agenda_published" || meeting.status === "held" ? (
            <section aria-labelledby="close-h" class="tv-panel">
              <h2 id="close-h">{t("ws.conduct.close")}</h2>
              <p>{t("ws.conduct.closeHint")}</p>
              <form method="post" action={`${WS}/moeder/${meeting.id}/status`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="to" value="minutes_draft" />
                <input type="hidden" name="version" value={String(meeting.version)} />
                <button type="submit" class="button button-primary">
                  {t("ws.conduct.closeButton")}
                </button>
                <ConfirmTemplate ctx={ctx} kind="minutes_draft" bodyName={body.name} />
              </form>
            </section>
          ) : null,
        ]
      )}
    </Layout>
  );
}
