import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";

/** /indikatorer/indlaes: one file (values or definitions), all or nothing, every refused row listed. */
export function UploadPage({
  ctx,
  result,
  problems,
  message,
}: {
  ctx: PageCtx;
  result: string | null;
  problems: { path: string; message: string }[];
  message: string | null;
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("ind.uploadTitle")}
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("ind.title"), href: "/indikatorer" },
        { text: t("ind.uploadTitle") },
      ]}
    >
      <h1>{t("ind.uploadTitle")}</h1>
      <p class="font-lead">{t("ind.uploadLead")}</p>
      {result ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{result}</p>
          </div>
        </div>
      ) : null}
      {message ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">{message}</p>
            {problems.length > 0 ? (
              <ul class="alert-text">
                {problems.map((p) => (
                  <li>
                    {p.path}: {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      ) : null}
      <form method="post" action="/indikatorer/indlaes" enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label class="form-label" for="ind-file">
            {t("ind.file")}
          </label>
          <input class="form-input" type="file" id="ind-file" name="file" accept=".csv,.xlsx,text/csv" />
        </div>
        <button type="submit" class="button button-primary">
          {t("ind.uploadButton")}
        </button>
      </form>
    </Layout>
  );
}
