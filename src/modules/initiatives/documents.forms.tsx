import type { Html } from "#jsx/jsx-runtime";
import { CsrfField } from "../../server/layout.tsx";
import { TextField } from "../../web/form-fields.tsx";
import { formatFileSize } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import { FormFailure, type FormState, field, SecretariatForm } from "../../web/secretariat-forms.tsx";
import { linkProblem, type TInitiativeDocument } from "./documents.schemas.ts";

export interface DocumentForms {
  /** the state of the link, file or removal form that failed */
  state: FormState | null;
  maxMb: number;
}

/**
 * Where a document opens: the file through the initiative's page address, or the link itself — checked
 * again here, so that an address that never passed the form (an old or restored row) is not a link.
 */
export function documentHref(path: string, d: TInitiativeDocument): string | null {
  if (d.kind === "file") {
    return `${path}/dokumenter/${d.id}`;
  }
  return d.url !== null && linkProblem(d.url) === null ? d.url : null;
}

/** "PDF, 12 kB", the host of an outside link, or "page of Tværs". */
function documentMeta(ctx: PageCtx, d: TInitiativeDocument): string {
  if (d.kind === "file") {
    const ext = /\.([A-Za-z0-9]+)$/.exec(d.fileName ?? "")?.[1]?.toUpperCase() ?? "";
    return [ext, d.size === null ? "" : formatFileSize(d.size, ctx.lang)].filter(Boolean).join(", ");
  }
  const url = d.url ?? "";
  if (url.startsWith("/")) {
    return ctx.t("initiatives.docs.tvaersPage");
  }
  return URL.canParse(url) ? new URL(url).host : "";
}

/** The documents of an initiative, for everyone; with the secretariat's forms when `forms` is given. */
export function DocumentsSection({
  ctx,
  path,
  documents,
  forms,
}: {
  ctx: PageCtx;
  path: string;
  documents: TInitiativeDocument[];
  forms: DocumentForms | null;
}): Html {
  const { t } = ctx;
  const state = forms?.state ?? null;
  return (
    <section aria-labelledby="dokumenter">
      <h2 id="dokumenter">{t("initiatives.docs.heading")}</h2>
      <FormFailure ctx={ctx} state={state} form="docdel" />
      {documents.length === 0 ? (
        <p id="docdel-list">{t("initiatives.docs.none")}</p>
      ) : (
        <ul id="docdel-list" class="tv-documents">
          {documents.map((d) => (
            <li>
              {documentHref(path, d) === null ? (
                d.title
              ) : (
                <a href={documentHref(path, d)} rel={d.kind === "link" ? "noopener noreferrer" : undefined}>
                  {d.title}
                </a>
              )}{" "}
              {documentMeta(ctx, d) ? <span class="tv-meta">({documentMeta(ctx, d)})</span> : null}
              {forms ? (
                <form method="post" action={`${path}/dokumenter/${d.id}/slet`} class="tv-inline-form">
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="version" value={String(d.version)} />
                  <button
                    type="submit"
                    class="button button-tertiary"
                    aria-label={t("initiatives.docs.removeLabel", { title: d.title })}
                  >
                    {t("initiatives.docs.remove")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {forms ? (
        <div class="tv-secretariat">
          <h3>{t("initiatives.docs.manage")}</h3>
          <p>
            <strong>{t("initiatives.docs.public")}</strong>
          </p>
          <SecretariatForm
            ctx={ctx}
            state={state}
            form="doclink"
            action={`${path}/dokumenter/link`}
            heading={t("initiatives.docs.addLink")}
            submit={t("initiatives.docs.saveLink")}
          >
            <TextField {...field(state, "doclink", "title")} label={t("initiatives.docs.title")} required />
            <TextField
              {...field(state, "doclink", "url")}
              label={t("initiatives.docs.url")}
              hint={t("initiatives.docs.urlHint")}
              inputmode="url"
              required
            />
          </SecretariatForm>
          <form
            method="post"
            action={`${path}/dokumenter/fil`}
            enctype="multipart/form-data"
            novalidate
            aria-labelledby="docfile-h"
            class="tv-form"
          >
            <h3 id="docfile-h">{t("initiatives.docs.upload")}</h3>
            <FormFailure ctx={ctx} state={state} form="docfile" />
            <CsrfField ctx={ctx} />
            <TextField
              {...field(state, "docfile", "title")}
              label={t("initiatives.docs.title")}
              hint={t("initiatives.docs.fileTitleHint")}
            />
            <TextField
              {...field(state, "docfile", "file")}
              label={t("initiatives.docs.file")}
              hint={t("initiatives.docs.fileHint", { mb: forms.maxMb })}
              type="file"
              required
            />
            <button type="submit" class="button button-primary">
              {t("initiatives.docs.saveFile")}
            </button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
