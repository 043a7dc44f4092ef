import type { Html } from "#jsx/jsx-runtime";
import { CsrfField } from "../../server/layout.tsx";
import { DateField, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatFileSize, formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { FormFailure, type FormState, field, SecretariatForm } from "../../web/secretariat-forms.tsx";
import { RATIFIER_KINDS } from "./agreements.tables.ts";
import type { TRatification, TRatificationStep } from "./implementation.schemas.ts";
import { IMPLEMENTATION_PATH } from "./implementation.urls.ts";

const kindKey = (k: TRatificationStep["kind"]) => `rat.kind.${k}` as MessageKey;

/** One step's forms: record the approval (date, link, note, deadline) and upload its document. */
function StepForms({
  ctx,
  step,
  state,
  path,
}: {
  ctx: PageCtx;
  step: TRatificationStep;
  state: FormState | null;
  path: string;
}): Html {
  const { t } = ctx;
  const form = `rat${step.id}`;
  const f = (name: string, fallback = "") => field(state, form, name, fallback);
  const upload = `ratfile${step.id}`;
  return (
    <details open={state?.form === form || state?.form === upload}>
      <summary>{t("rat.form.record", { name: step.name })}</summary>
      <SecretariatForm
        ctx={ctx}
        state={state}
        form={form}
        action={`${path}/godkendelser/${step.id}`}
        heading={t("rat.form.record", { name: step.name })}
        submit={t("rat.form.recordSubmit")}
      >
        <input type="hidden" name="version" value={String(step.version)} />
        <DateField ctx={ctx} {...f("approvedOn", step.approvedOn ?? "")} label={t("rat.form.approvedOn")} />
        <DateField ctx={ctx} {...f("deadline", step.deadline ?? "")} label={t("rat.form.deadline")} />
        <TextField
          {...f("link", step.link ?? "")}
          label={t("rat.form.link")}
          hint={t("rat.form.linkHint")}
          type="url"
        />
        <TextField {...f("note", step.note)} label={t("rat.form.note")} textarea />
      </SecretariatForm>
      <form
        method="post"
        action={`${path}/godkendelser/${step.id}/dokument`}
        enctype="multipart/form-data"
        novalidate
        class="tv-form"
        aria-labelledby={`${upload}-h`}
      >
        <h3 id={`${upload}-h`}>{t("rat.form.upload", { name: step.name })}</h3>
        <FormFailure ctx={ctx} state={state} form={upload} />
        <CsrfField ctx={ctx} />
        <div class={state?.form === upload ? "form-group form-error" : "form-group"}>
          <label class="form-label" for={`${upload}-file`}>
            {t("rat.form.file")}
          </label>
          {state?.form === upload && state.errors[`${upload}-file`] ? (
            <span class="form-error-message" id={`${upload}-file-error`}>
              {state.errors[`${upload}-file`]}
            </span>
          ) : null}
          <input class="form-input" type="file" id={`${upload}-file`} name="file" />
        </div>
        <button type="submit" class="button button-secondary">
          {t("rat.form.uploadSubmit")}
        </button>
      </form>
    </details>
  );
}

/** The ratification tracker on an agreement's page: who approves, the deadlines, late ones highlighted. */
export function RatificationSection({
  ctx,
  ratification: r,
  inForce,
  editor,
}: {
  ctx: PageCtx;
  ratification: TRatification;
  inForce: boolean;
  editor: { state: FormState | null; path: string } | null;
}): Html | null {
  const { t } = ctx;
  if (r.steps.length === 0 && !editor && !inForce) {
    return null;
  }
  const day = (d: string) => formatIsoDay(d, ctx.lang);
  const f = (name: string, fallback = "") => field(editor?.state ?? null, "ratadd", name, fallback);
  return (
    <section aria-labelledby="ratification-h">
      <h2 id="ratification-h">{t("rat.title")}</h2>
      {inForce ? (
        <p>
          <a href={`${IMPLEMENTATION_PATH}?agreementId=${r.agreementId}`}>{t("impl.agreementLink")}</a>
        </p>
      ) : null}
      {r.steps.length === 0 ? (
        <p>{t("rat.none")}</p>
      ) : (
        <div class="table--responsive-scroll" tabindex="0">
          <table class="table table--compact tv-ratification">
            <caption>
              {t("rat.caption")}
              <span class="tv-meta">
                {` · ${t("rat.summary", { approved: r.approved, total: r.steps.length, late: r.late })}`}
              </span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("rat.col.who")}</th>
                <th scope="col">{t("rat.col.deadline")}</th>
                <th scope="col">{t("rat.col.approved")}</th>
                <th scope="col">{t("rat.col.document")}</th>
                <th scope="col">{t("rat.col.note")}</th>
              </tr>
            </thead>
            <tbody>
              {r.steps.map((s) => (
                <tr class={s.late ? "tv-late" : undefined} data-late={s.late ? "true" : undefined}>
                  <th scope="row">
                    {s.name}
                    <span class="tv-meta">{` · ${t(kindKey(s.kind))}`}</span>
                  </th>
                  <td>{s.deadline ? t("rat.deadline", { date: day(s.deadline) }) : "–"}</td>
                  <td>
                    {s.approvedOn ? (
                      day(s.approvedOn)
                    ) : s.late ? (
                      <strong class="tv-late-text">{t("rat.late")}</strong>
                    ) : (
                      t("rat.pending")
                    )}
                  </td>
                  <td>
                    {s.file ? (
                      <a href={`/api/v1/ratification-steps/${s.id}/content`}>
                        {`${t("rat.document")}: ${s.file.fileName ?? ""}${s.file.size ? `, ${formatFileSize(s.file.size, ctx.lang)}` : ""}`}
                      </a>
                    ) : null}
                    {s.file && s.link ? " · " : null}
                    {s.link ? (
                      <a href={s.link} rel="noopener noreferrer">
                        {t("rat.link")}
                      </a>
                    ) : null}
                    {!s.file && !s.link ? "–" : null}
                  </td>
                  <td>{s.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editor ? (
        <div class="tv-secretariat">
          {r.steps.map((s) => (
            <StepForms ctx={ctx} step={s} state={editor.state} path={editor.path} />
          ))}
          <SecretariatForm
            ctx={ctx}
            state={editor.state}
            form="ratadd"
            action={`${editor.path}/godkendelser`}
            heading={t("rat.add")}
            submit={t("rat.form.addSubmit")}
          >
            <SelectField
              {...f("kind", "municipal_council")}
              label={t("rat.form.kind")}
              options={RATIFIER_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
            />
            <TextField {...f("name")} label={t("rat.form.name")} hint={t("rat.form.nameHint")} required />
            <DateField ctx={ctx} {...f("deadline")} label={t("rat.form.deadline")} />
          </SecretariatForm>
        </div>
      ) : null}
    </section>
  );
}
