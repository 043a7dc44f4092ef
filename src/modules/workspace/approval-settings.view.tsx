/**
 * /arbejdsrum/organer/<id>/godkendelse: who approves the body's agenda and minutes. Members read the
 * settings; the chair and administrators change them (`canChangeApprovalSetting`).
 */
import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, TextField } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import { Notices } from "../../web/notices.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { TBody } from "../bodies/index.ts";
import { WS, wsBody } from "./workspace.urls.ts";

export const MINUTES_RULES = ["chair", "all_members", "no_objection"] as const;

export interface ApprovalSettingsData {
  body: TBody;
  editable: boolean;
  values: {
    agendaApproval: boolean;
    minutesApproval: string;
    minutesApprovalDays: string;
    drafterMayApprove: boolean;
  };
  errors: FieldErrors;
  problem: string | null;
  done: string | null;
}

/** One line on the body page: the settings as they stand, with the link to them. */
export function ApprovalSummary({ ctx, body }: { ctx: PageCtx; body: TBody }): Html {
  const { t } = ctx;
  return (
    <p>
      {t(body.agendaApproval ? "ws.settings.agendaOn" : "ws.settings.agendaOff")}{" "}
      {t(`ws.settings.rule.${body.minutesApproval}` as MessageKey, { days: body.minutesApprovalDays })}{" "}
      <a href={`${wsBody(body.id)}/godkendelse`}>{t("ws.settings.link")}</a>
    </p>
  );
}

function Checkbox({
  id,
  label,
  checked,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  hint: string;
}) {
  return (
    <div class="form-group">
      <div class="form-group-checkbox">
        <input
          class="form-checkbox"
          type="checkbox"
          id={id}
          name={id}
          value="ja"
          checked={checked}
          aria-describedby={`${id}-hint`}
        />
        <label for={id}>{label}</label>
      </div>
      <span class="form-hint" id={`${id}-hint`}>
        {hint}
      </span>
    </div>
  );
}

export function ApprovalSettingsPage({ ctx, data }: { ctx: PageCtx; data: ApprovalSettingsData }): Html {
  const { t } = ctx;
  const { body, values } = data;
  const title = t("ws.settings.title", { body: body.name });
  return (
    <Layout
      ctx={ctx}
      title={title}
      current="workspace"
      crumbs={[
        { text: t("ws.title"), href: WS },
        { text: body.name, href: wsBody(body.id) },
        { text: t("ws.settings.crumb") },
      ]}
    >
      <h1>{title}</h1>
      <Notices done={data.done} problem={data.problem} />
      {data.editable ? null : <p class="tv-meta">{t("ws.settings.readOnly")}</p>}
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={data.errors} />
      <form method="post" action={`${wsBody(body.id)}/godkendelse`} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(body.version)} />
        <fieldset disabled={data.editable ? undefined : true}>
          <h2>{t("ws.settings.agendaHeading")}</h2>
          <Checkbox
            id="agendaApproval"
            label={t("ws.settings.agendaLabel")}
            hint={t("ws.settings.agendaHint")}
            checked={values.agendaApproval}
          />
          <h2>{t("ws.settings.minutesHeading")}</h2>
          <fieldset class="form-group">
            <legend class="form-label">{t("ws.settings.minutesLegend")}</legend>
            <ul class="nobullet-list">
              {MINUTES_RULES.map((rule) => (
                <li class="form-group-radio">
                  <input
                    class="form-radio"
                    type="radio"
                    id={`rule-${rule}`}
                    name="minutesApproval"
                    value={rule}
                    checked={values.minutesApproval === rule}
                  />
                  <label for={`rule-${rule}`}>{t(`ws.settings.choice.${rule}` as MessageKey)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextField
            id="minutesApprovalDays"
            label={t("ws.settings.days")}
            hint={t("ws.settings.daysHint")}
            inputmode="numeric"
            value={values.minutesApprovalDays}
            error={data.errors.minutesApprovalDays}
          />
          <Checkbox
            id="drafterMayApprove"
            label={t("ws.settings.drafterLabel")}
            hint={t("ws.settings.drafterHint")}
            checked={values.drafterMayApprove}
          />
          {data.editable ? (
            <button type="submit" class="button button-primary">
              {t("ws.settings.save")}
            </button>
          ) : null}
        </fieldset>
      </form>
      <p>
        <a href={wsBody(body.id)}>{t("ws.settings.back", { body: body.name })}</a>
      </p>
    </Layout>
  );
}
