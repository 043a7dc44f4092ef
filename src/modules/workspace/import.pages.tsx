import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatFileSize } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { ImportConfidence, ImportResult } from "../import/index.ts";
import type { BodyRef } from "./workspace.service.ts";
import { WS, wsImport, wsImports } from "./workspace.urls.ts";

export interface PendingSummary {
  id: string;
  fileName: string;
  kind: string;
  body: string | null;
  start: string | null;
  items: number;
  warnings: number;
}

/** A confidence as a word and a percentage; low confidence is what the reviewer should look at first. */
function Confidence({ ctx, value }: { ctx: PageCtx; value: number }): Html {
  const level = value >= 0.85 ? "high" : value >= 0.6 ? "medium" : "low";
  return (
    <span class={`tv-confidence tv-confidence-${level}`}>
      {ctx.t(`ws.import.conf.${level}` as MessageKey)} ({Math.round(value * 100)} %)
    </span>
  );
}

/** /arbejdsrum/import: upload one or many documents; the pending reviews. */
export function ImportsPage({
  ctx,
  pending,
  bodies,
  errors,
  maxUploadBytes,
}: {
  ctx: PageCtx;
  pending: PendingSummary[];
  bodies: BodyRef[];
  errors: FieldErrors;
  maxUploadBytes: number;
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("ws.import.title")}
      current="workspace"
      crumbs={[{ text: t("ws.title"), href: WS }, { text: t("ws.import.title") }]}
    >
      <h1>{t("ws.import.title")}</h1>
      <p>{t("ws.import.lead")}</p>
      <ErrorSummary ctx={ctx} heading={t("ws.import.errorHeading")} errors={errors} />
      <form method="post" action={wsImports} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          id="bodyId"
          label={t("ws.import.body")}
          hint={t("ws.import.bodyHint")}
          options={[
            { value: "", label: t("ws.import.bodyFromDocument") },
            ...bodies.filter((b) => b.editor).map((b) => ({ value: String(b.id), label: b.name })),
          ]}
        />
        <div class={errors.files ? "form-group form-error" : "form-group"}>
          <label class="form-label" for="files">
            {t("ws.import.files")}
          </label>
          <span class="form-hint" id="files-hint">
            {t("ws.import.filesHint", { size: formatFileSize(maxUploadBytes, ctx.lang) })}
          </span>
          {errors.files ? (
            <span class="form-error-message" id="files-error">
              {errors.files}
            </span>
          ) : null}
          <input
            class="form-input"
            type="file"
            id="files"
            name="files"
            multiple
            accept=".pdf,.docx,.html,.htm,.md,.txt,.zip"
            aria-describedby={errors.files ? "files-hint files-error" : "files-hint"}
            aria-invalid={errors.files ? "true" : undefined}
          />
        </div>
        <button type="submit" class="button button-primary">
          {t("ws.import.upload")}
        </button>
      </form>
      <h2>{t("ws.import.pending")}</h2>
      {pending.length === 0 ? (
        <p class="tv-meta">{t("ws.import.none")}</p>
      ) : (
        <ul class="tv-meetings">
          {pending.map((p) => (
            <li>
              <a href={wsImport(p.id)}>{p.fileName}</a>
              <span class="tv-meta tv-block">
                {[p.body, p.start, t("ws.import.counts", { items: p.items, warnings: p.warnings })]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface ReviewData {
  id: string;
  fileName: string;
  result: ImportResult;
  confidence: ImportConfidence;
  body: { id: number; name: string } | null;
  meetingId: number | null;
  duplicate: boolean;
  sourceText: string | null;
  bodies: BodyRef[];
  values: Record<string, string>;
  errors: FieldErrors;
}

/** /arbejdsrum/import/<id>: the parsed structure beside the source text, editable, then confirm or discard. */
export function ReviewPage({ ctx, data }: { ctx: PageCtx; data: ReviewData }): Html {
  const { t } = ctx;
  const r = data.result;
  const v = (k: string, fallback: string) => data.values[k] ?? fallback;
  return (
    <Layout
      ctx={ctx}
      title={`${t("ws.import.review")}: ${data.fileName}`}
      current="workspace"
      crumbs={[
        { text: t("ws.title"), href: WS },
        { text: t("ws.import.title"), href: wsImports },
        { text: data.fileName },
      ]}
    >
      <p class="tv-kicker">{t("ws.import.review")}</p>
      <h1>{data.fileName}</h1>
      {r.warnings.length > 0 ? (
        <div class="alert alert-warning">
          <div class="alert-body">
            <h2 class="alert-heading h4">{t("ws.import.warnings", { n: r.warnings.length })}</h2>
            <ul class="alert-text">
              {r.warnings.map((w) => (
                <li>{w}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {data.duplicate ? <p class="tv-draft">{t("ws.import.duplicate")}</p> : null}
      <p>{data.meetingId ? t("ws.import.updates") : t("ws.import.creates")}</p>
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={data.errors} />
      <div class="row tv-review">
        <section class="col-12 col-lg-5" aria-labelledby="src-h">
          <h2 id="src-h">{t("ws.import.source")}</h2>
          {data.sourceText === null ? (
            <p class="tv-meta">{t("ws.import.noSource")}</p>
          ) : (
            <section class="tv-source" tabindex="0" aria-labelledby="src-h">
              <pre>{data.sourceText}</pre>
            </section>
          )}
        </section>
        <section class="col-12 col-lg-7" aria-labelledby="parsed-h">
          <h2 id="parsed-h">{t("ws.import.parsed")}</h2>
          <form method="post" action={wsImport(data.id)} novalidate>
            <CsrfField ctx={ctx} />
            <SelectField
              id="bodyId"
              label={t("ws.import.body")}
              hint={`${t("ws.import.documentSays")} ${r.body ?? "–"}`}
              value={v("bodyId", data.body ? String(data.body.id) : "")}
              options={[
                { value: "", label: data.body ? data.body.name : t("ws.import.bodyFromDocument") },
                ...data.bodies.filter((b) => b.editor).map((b) => ({ value: String(b.id), label: b.name })),
              ]}
              error={data.errors.bodyId}
            />
            <p class="tv-meta">
              {t("ws.import.confidence")}: <Confidence ctx={ctx} value={data.confidence.body} />
            </p>
            <SelectField
              id="kind"
              label={t("ws.import.kind")}
              value={v("kind", r.kind)}
              options={["minutes", "agenda", "memo"].map((k) => ({
                value: k,
                label: t(`ws.import.kind.${k}` as MessageKey),
              }))}
            />
            <TextField
              id="start"
              label={t("ws.import.start")}
              hint={t("ws.import.startHint")}
              value={v("start", r.start ?? "")}
              error={data.errors.start}
            />
            <p class="tv-meta">
              {t("ws.import.confidence")}: <Confidence ctx={ctx} value={data.confidence.start} />
            </p>
            <TextField
              id="location"
              label={t("ws.import.location")}
              value={v("location", r.location ?? "")}
            />
            <h3>{t("ws.import.items", { n: r.items.length })}</h3>
            {r.items.map((item, i) => {
              const c = data.confidence.items[i];
              return (
                <fieldset class="tv-import-item">
                  <legend class="h4">
                    {t("ws.import.item", { n: item.number })}{" "}
                    {c ? <Confidence ctx={ctx} value={Math.min(c.title, c.number, c.sections)} /> : null}
                  </legend>
                  <TextField
                    id={`item-${i}-title`}
                    name={`item.${i}.title`}
                    label={t("ws.item.title")}
                    value={v(`item.${i}.title`, item.title)}
                    error={data.errors[`item-${i}-title`]}
                  />
                  <SelectField
                    id={`item-${i}-access`}
                    name={`item.${i}.access`}
                    label={t("ws.item.access")}
                    value={v(`item.${i}.access`, item.access ?? "open")}
                    options={[
                      { value: "open", label: t("ws.access.open") },
                      { value: "closed", label: t("ws.access.closed") },
                    ]}
                  />
                  <TextField
                    id={`item-${i}-decision`}
                    name={`item.${i}.decision`}
                    label={t("ws.conduct.decision")}
                    value={v(`item.${i}.decision`, item.sections.decision ?? "")}
                    textarea
                  />
                  {item.absent.length > 0 ? (
                    <p class="tv-meta">
                      {t("meeting.absentFromItem")}: {item.absent.join(", ")}
                    </p>
                  ) : null}
                </fieldset>
              );
            })}
            <div class="tv-buttons">
              <button type="submit" class="button button-primary" name="handling" value="bekraeft">
                {t("ws.import.confirm")}
              </button>
              <button type="submit" class="button button-secondary" name="handling" value="kasser">
                {t("ws.import.discard")}
              </button>
            </div>
          </form>
        </section>
      </div>
    </Layout>
  );
}
