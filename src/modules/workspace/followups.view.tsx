/** Follow-ups beside a decision: the server's proposals (create as is), the free form, and the open ones with "udført". */
import type { Html } from "#jsx/jsx-runtime";
import { CsrfField } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { TAction, TActionProposal } from "../actions/index.ts";
import { WS } from "./workspace.urls.ts";

export interface ItemFollowUps {
  proposals: TActionProposal[];
  actions: TAction[];
}

export function FollowUps({
  ctx,
  meetingId,
  itemId,
  data,
  people,
}: {
  ctx: PageCtx;
  meetingId: number;
  itemId: number;
  data: ItemFollowUps;
  people: { id: number; name: string }[];
}): Html {
  const { t } = ctx;
  const action = `${WS}/moeder/${meetingId}/punkter/${itemId}/opfoelgning`;
  const id = `fu-${itemId}`;
  return (
    <details class="tv-followups" open={data.proposals.length > 0 && data.actions.length === 0}>
      <summary>
        {t("ws.followup.heading")} ({data.actions.length})
      </summary>
      {data.actions.length > 0 ? (
        <ul class="tv-meetings">
          {data.actions.map((a) => (
            <li>
              {a.text}
              {a.effectiveDue
                ? ` – ${t("ws.followup.due", { date: a.effectiveDue.split("-").reverse().join("-") })}`
                : ""}
              {a.status === "open" ? (
                <form method="post" action={`${WS}/opfoelgninger/${a.id}/udfoert`} class="tv-inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="version" value={String(a.version)} />
                  <input type="hidden" name="meetingId" value={String(meetingId)} />
                  <button type="submit" class="button button-secondary tv-small-button">
                    {t("ws.followup.done")}
                    <span class="sr-only">: {a.text}</span>
                  </button>
                </form>
              ) : (
                <strong> ({t(`ws.followup.status.${a.status}` as "ws.followup.status.done")})</strong>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {data.proposals.map((p, i) => (
        <form method="post" action={action} class="tv-proposal">
          <CsrfField ctx={ctx} />
          <p>
            <span class="tv-kicker">{t("ws.followup.proposal")}</span> {p.text}
            {p.ownerText ? ` (${p.ownerText})` : ""}
            {p.dueDate
              ? ` – ${t("ws.followup.due", { date: p.dueDate.split("-").reverse().join("-") })}`
              : ""}
          </p>
          <input type="hidden" name="text" value={p.text} />
          <input type="hidden" name="ownerText" value={p.ownerText ?? ""} />
          <input type="hidden" name="ownerPersonId" value={p.ownerPersonId ? String(p.ownerPersonId) : ""} />
          <input type="hidden" name="dueDate" value={p.dueDate ?? ""} />
          <input type="hidden" name="dueBodyId" value={p.dueBodyId ? String(p.dueBodyId) : ""} />
          <button type="submit" class="button button-secondary tv-small-button">
            {t("ws.followup.accept")}
            <span class="sr-only">
              : {t("ws.followup.proposal")} {String(i + 1)}
            </span>
          </button>
        </form>
      ))}
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <fieldset>
          <legend class="h5">{t("ws.followup.new")}</legend>
          <div class="form-group">
            <label class="form-label" for={`${id}-text`}>
              {t("ws.followup.text")}
            </label>
            <textarea class="form-input" id={`${id}-text`} name="text" rows="2" />
          </div>
          <div class="form-group">
            <label class="form-label" for={`${id}-owner`}>
              {t("ws.followup.owner")}
            </label>
            <select class="form-select" id={`${id}-owner`} name="ownerPersonId">
              <option value="">{t("ws.followup.ownerSecretariat")}</option>
              {people.map((p) => (
                <option value={String(p.id)}>{p.name}</option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label class="form-label" for={`${id}-due`}>
              {t("ws.followup.dueDate")}
            </label>
            <input class="form-input" id={`${id}-due`} name="dueDate" type="text" />
          </div>
          <button type="submit" class="button button-primary tv-small-button">
            {t("ws.followup.create")}
          </button>
        </fieldset>
      </form>
    </details>
  );
}

/** "Send sagen videre": to another body's next meeting (made when it has none), with this body's remarks. */
export function ReferCase({
  ctx,
  meetingId,
  itemId,
  targets,
}: {
  ctx: PageCtx;
  meetingId: number;
  itemId: number;
  targets: { id: number; name: string }[];
}): Html {
  const { t } = ctx;
  const id = `ref-${itemId}`;
  return (
    <details class="tv-followups">
      <summary>{t("ws.refer.heading")}</summary>
      <form method="post" action={`${WS}/moeder/${meetingId}/punkter/${itemId}/videre`} novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label class="form-label" for={`${id}-body`}>
            {t("ws.refer.to")}
          </label>
          <select class="form-select" id={`${id}-body`} name="targetBodyId">
            {targets.map((b) => (
              <option value={String(b.id)}>{b.name}</option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="form-label" for={`${id}-remarks`}>
            {t("ws.refer.remarks")}
          </label>
          <textarea class="form-input" id={`${id}-remarks`} name="remarks" rows="3" />
        </div>
        <div class="form-group">
          <label class="form-label" for={`${id}-date`}>
            {t("ws.refer.date")}
          </label>
          <span class="form-hint" id={`${id}-date-hint`}>
            {t("ws.refer.dateHint")}
          </span>
          <input
            class="form-input"
            id={`${id}-date`}
            name="date"
            type="text"
            aria-describedby={`${id}-date-hint`}
          />
        </div>
        <button type="submit" class="button button-secondary tv-small-button">
          {t("ws.refer.send")}
        </button>
      </form>
    </details>
  );
}
