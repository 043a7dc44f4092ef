import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong, formatFileSize } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TBody } from "../bodies/index.ts";
import { type ItemSnapshotsData, ItemSnapshotsPanel } from "../indicators/index.ts";
import type { MeetingRow, SectionKey, TItem } from "../meetings/index.ts";
import { canRemovePersonalData } from "../removals/index.ts";
import { KIND_OPTIONS } from "./agenda.pages.tsx";
import { type ItemFields, MAX_RECOMMENDATIONS } from "./item.form.ts";
import { type ItemKind, SECTION_TEMPLATES, sectionsToShow } from "./templates.ts";
import { WS, wsAgenda, wsItem } from "./workspace.urls.ts";

export const ALLOWED_UPLOAD_LABEL = "PDF, DOCX, XLSX, ODT, TXT, PNG, JPEG";

export interface ItemPageData {
  meeting: MeetingRow;
  body: TBody;
  item: TItem;
  fields: ItemFields;
  errors: FieldErrors;
  /** rendered Markdown preview of the form's sections (the "Vis forhåndsvisning" button) */
  preview: boolean;
  upload: { errors: FieldErrors; values: Record<string, string> };
  maxUploadBytes: number;
  done: string | null;
  /** the item's indicator snapshots and their picker */
  snapshots: ItemSnapshotsData;
}

/** A Markdown field with its preview target for the live preview (item.ts). */
function MarkdownField(props: {
  ctx: PageCtx;
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <div class={props.error ? "form-group form-error tv-md" : "form-group tv-md"}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <span class="form-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="form-error-message" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      <textarea
        class="form-input tv-md-input"
        id={props.id}
        name={props.name}
        rows="6"
        data-preview={`${props.id}-live`}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={
          [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null]
            .filter(Boolean)
            .join(" ") || undefined
        }
      >
        {props.value}
      </textarea>
      <div class="tv-md-live" id={`${props.id}-live`} hidden aria-live="polite" />
    </div>
  );
}

/** /arbejdsrum/moeder/<id>/punkter/<item>: one item's fields, sections with preview, and attachments. */
export function ItemPage({ ctx, data }: { ctx: PageCtx; data: ItemPageData }): Html {
  const { t } = ctx;
  const { meeting, body, item, fields, errors } = data;
  const when = formatDateTimeLong(meeting.start, ctx.lang);
  const given = fields.kind ?? item.kind;
  const kind: ItemKind = KIND_OPTIONS.find((k) => k === given) ?? "decision";
  const shown = sectionsToShow(
    kind,
    Object.fromEntries(
      Object.entries(fields)
        .filter(([k]) => k.startsWith("section."))
        .map(([k, v]) => [k.slice(8), v]),
    ),
  );
  const recommendations: string[] = [];
  for (let i = 0; i < MAX_RECOMMENDATIONS; i++) {
    recommendations.push(fields[`recommendation.${i}`] ?? "");
  }
  if (!recommendations.some(Boolean)) {
    recommendations[0] = SECTION_TEMPLATES[kind].recommendation;
  }
  const visibleRecommendations = Math.max(1, recommendations.filter(Boolean).length + 1);
  const action = wsItem(meeting.id, item.id);
  return (
    <Layout
      ctx={ctx}
      title={`${t("ws.item.edit")}: ${item.number}. ${item.title}`}
      current="workspace"
      crumbs={[
        { text: t("ws.title"), href: WS },
        { text: `${body.name}, ${when}`, href: wsAgenda(meeting.id) },
        { text: `${item.number}. ${item.title}` },
      ]}
      scripts={["item"]}
    >
      <p class="tv-kicker">{t("ws.item.edit")}</p>
      <h1>
        {String(item.number)}. {item.title}
      </h1>
      {data.done ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{data.done}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={errors} />
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="version" value={String(item.version)} />
        <TextField id="title" label={t("ws.item.title")} value={fields.title} error={errors.title} required />
        <SelectField
          id="kind"
          label={t("ws.item.kind")}
          value={fields.kind}
          options={KIND_OPTIONS.map((k) => ({ value: k, label: t(`ws.kind.${k}` as MessageKey) }))}
          hint={t("ws.item.kindHint")}
          error={errors.kind}
        />
        <SelectField
          id="access"
          label={t("ws.item.access")}
          value={fields.access}
          options={[
            { value: "open", label: t("ws.access.open") },
            { value: "closed", label: t("ws.access.closed") },
          ]}
          error={errors.access}
        />
        <TextField
          id="durationMinutes"
          label={t("ws.item.duration")}
          hint={t("ws.item.durationHint")}
          value={fields.durationMinutes}
          inputmode="numeric"
          error={errors.durationMinutes}
        />
        <TextField
          id="caseNumbers"
          label={t("ws.item.caseNumbers")}
          hint={t("ws.item.caseNumbersHint")}
          value={fields.caseNumbers}
          error={errors.caseNumbers}
        />
        <fieldset>
          <legend class="h3">{t("ws.item.sections")}</legend>
          <p class="form-hint">{t("ws.item.markdownHint")}</p>
          {shown.map((key: SectionKey) => (
            <MarkdownField
              ctx={ctx}
              id={`section-${key}`}
              name={`section.${key}`}
              label={t(`section.${key}` as MessageKey)}
              value={fields[`section.${key}`] ?? ""}
              error={errors[`section-${key}`]}
            />
          ))}
          {recommendations.slice(0, visibleRecommendations).map((r, i) => (
            <MarkdownField
              ctx={ctx}
              id={`recommendation-${i}`}
              name={`recommendation.${i}`}
              label={i === 0 ? t("ws.item.recommendation") : t("ws.item.recommendationN", { n: i + 1 })}
              hint={i > 0 ? t("ws.item.recommendationHint") : undefined}
              value={r}
            />
          ))}
        </fieldset>
        {data.preview ? (
          <section class="tv-preview" aria-labelledby="preview-h">
            <h2 id="preview-h">{t("ws.item.preview")}</h2>
            {shown
              .filter((key) => (fields[`section.${key}`] ?? "").trim())
              .map((key) => [
                <h3>{t(`section.${key}` as MessageKey)}</h3>,
                markdown(fields[`section.${key}`] ?? ""),
              ])}
            {recommendations
              .filter((r) => r.trim())
              .map((r) => [<h3>{t("ws.item.recommendation")}</h3>, markdown(r)])}
          </section>
        ) : null}
        <div class="tv-buttons">
          <button type="submit" class="button button-primary" name="handling" value="gem">
            {t("ws.item.save")}
          </button>
          <button type="submit" class="button button-secondary" name="handling" value="vis">
            {t("ws.item.showPreview")}
          </button>
        </div>
      </form>
      <p>
        <a href={`/arbejdsrum/forpligtelser/punkt/${item.id}`}>{t("obl.itemLink")}</a>
      </p>
      <section aria-labelledby="att-h" class="tv-panel">
        <h2 id="att-h">{t("ws.att.title")}</h2>
        {item.attachments.length === 0 ? (
          <p class="tv-meta">{t("ws.att.none")}</p>
        ) : (
          <ul class="tv-meetings">
            {item.attachments.map((a) => (
              <li>
                {a.hasFile ? <a href={`/api/v1/attachments/${a.id}/content`}>{a.title}</a> : a.title}
                <span class="tv-meta tv-block">
                  {[
                    a.fileName,
                    a.size !== null ? formatFileSize(a.size, ctx.lang) : null,
                    a.access === "closed" ? t("ws.access.closed") : t("ws.access.open"),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                <form method="post" action={`${action}/bilag/${a.id}/slet`} class="tv-inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="version" value={String(a.version)} />
                  <button type="submit" class="button button-secondary tv-small-button">
                    {t("ws.att.remove")}
                    <span class="sr-only">: {a.title}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h3 id="upload-h">{t("ws.att.upload")}</h3>
        <ErrorSummary ctx={ctx} heading={t("ws.att.errorHeading")} errors={data.upload.errors} />
        <form
          method="post"
          action={`${action}/bilag`}
          enctype="multipart/form-data"
          novalidate
          aria-labelledby="upload-h"
        >
          <CsrfField ctx={ctx} />
          <div class={data.upload.errors.file ? "form-group form-error" : "form-group"}>
            <label class="form-label" for="file">
              {t("ws.att.file")}
            </label>
            <span class="form-hint" id="file-hint">
              {t("ws.att.fileHint", {
                types: ALLOWED_UPLOAD_LABEL,
                size: formatFileSize(data.maxUploadBytes, ctx.lang),
              })}
            </span>
            {data.upload.errors.file ? (
              <span class="form-error-message" id="file-error">
                {data.upload.errors.file}
              </span>
            ) : null}
            <input
              class="form-input"
              type="file"
              id="file"
              name="file"
              accept=".pdf,.docx,.xlsx,.odt,.txt,.png,.jpg,.jpeg"
              aria-describedby={data.upload.errors.file ? "file-hint file-error" : "file-hint"}
              aria-invalid={data.upload.errors.file ? "true" : undefined}
            />
          </div>
          <TextField
            id="attTitle"
            name="title"
            label={t("ws.att.name")}
            hint={t("ws.att.nameHint")}
            value={data.upload.values.title ?? ""}
            error={data.upload.errors.attTitle}
          />
          <SelectField
            id="attAccess"
            name="access"
            label={t("ws.item.access")}
            value={data.upload.values.access ?? "open"}
            options={[
              { value: "open", label: t("ws.access.open") },
              { value: "closed", label: t("ws.access.closed") },
            ]}
          />
          <button type="submit" class="button button-primary">
            {t("ws.att.uploadButton")}
          </button>
        </form>
      </section>
      <ItemSnapshotsPanel
        ctx={ctx}
        action={`${action}/noegletal`}
        data={data.snapshots}
        frozen={meeting.status === "minutes_published"}
      />
      {meeting.status === "planned" ? (
        <section aria-labelledby="del-h" class="tv-panel">
          <h2 id="del-h">{t("ws.item.delete")}</h2>
          <form method="post" action={`${action}/slet`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(item.version)} />
            <button type="submit" class="button button-secondary">
              {t("ws.item.deleteButton")}
            </button>
          </form>
        </section>
      ) : null}
      {canRemovePersonalData(ctx.actor) ? (
        <section aria-labelledby="removal-h" class="tv-panel">
          <h2 id="removal-h">{t("removal.title")}</h2>
          <p>{t("removal.linkIntro")}</p>
          <p>
            <a href={`${action}/personoplysninger`}>{t("removal.link")}</a>
          </p>
        </section>
      ) : null}
      <p>
        <a href={wsAgenda(meeting.id)}>{t("ws.item.back")}</a>
      </p>
    </Layout>
  );
}
