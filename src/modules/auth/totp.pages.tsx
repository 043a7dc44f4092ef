import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";

export interface TotpForm {
  /** where the form posts: /log-ind/kode (second step of a login) or /konto/totrin (a logged-in user) */
  action: string;
  /** the login's challenge (second step only) */
  challenge?: string | undefined;
  /** shown while enrolling: the key to type into the app, and its otpauth:// address */
  enrol?: { secret: string; uri: string; required: boolean } | undefined;
  error?: string | undefined;
}

/** Asks for a TOTP code; while enrolling, shows the key first (typed in by hand: no QR code). */
export function TotpPage({ ctx, form }: { ctx: PageCtx; form: TotpForm }): Html {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("totp.title")}>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{t("totp.title")}</h1>
          {form.error ? (
            <div class="alert alert-error" role="alert">
              <div class="alert-body">
                <p class="alert-heading">{t("auth.errorHeading")}</p>
                <p class="alert-text">{form.error}</p>
              </div>
            </div>
          ) : null}
          {form.enrol ? (
            <>
              {form.enrol.required ? <p>{t("totp.required")}</p> : null}
              <p>{t("totp.enrolIntro")}</p>
              <dl>
                <dt>{t("totp.key")}</dt>
                <dd>
                  <code id="totp-secret" class="tv-totp-key">
                    {form.enrol.secret.replace(/(.{4})/g, "$1 ").trim()}
                  </code>
                </dd>
                <dt>{t("totp.uri")}</dt>
                <dd>
                  <code id="totp-uri">{form.enrol.uri}</code>
                </dd>
              </dl>
            </>
          ) : (
            <p>{t("totp.codeIntro")}</p>
          )}
          <form method="post" action={form.action} novalidate>
            <CsrfField ctx={ctx} />
            {form.challenge ? <input type="hidden" name="challenge" value={form.challenge} /> : null}
            <div class={form.error ? "form-group form-error" : "form-group"}>
              <label class="form-label" for="code">
                {t("totp.code")}
              </label>
              <span class="form-hint" id="code-hint">
                {t("totp.codeHint")}
              </span>
              <input
                class="form-input input-width-xs"
                id="code"
                name="code"
                type="text"
                inputmode="numeric"
                autocomplete="one-time-code"
                pattern="[0-9 ]*"
                maxlength={8}
                required
                aria-invalid={form.error ? "true" : undefined}
                aria-describedby="code-hint"
              />
            </div>
            <button type="submit" class="button button-primary">
              {t("totp.submit")}
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

/** /konto/totrin for a logged-in user whose TOTP is on (the enrolment form otherwise). */
export function TotpStatusPage({ ctx }: { ctx: PageCtx }): Html {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("totp.title")}>
      <h1>{t("totp.title")}</h1>
      <div class="alert alert-success" role="status">
        <div class="alert-body">
          <p class="alert-text">{t("totp.on")}</p>
        </div>
      </div>
    </Layout>
  );
}
