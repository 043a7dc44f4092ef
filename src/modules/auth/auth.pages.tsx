import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";
import { ProviderButtons, type ProviderLink } from "./oidc.pages.tsx";

export interface LoginForm {
  email: string;
  next: string;
  /** the form's problem: a message above and the fields it concerns */
  error?: { message: string; fields: Partial<Record<"email" | "password", string>> };
}

function Field(props: {
  id: "email" | "password";
  label: string;
  type: string;
  value?: string;
  autocomplete: string;
  error?: string | undefined;
}): Html {
  const errorId = `${props.id}-error`;
  return (
    <div class={props.error ? "form-group form-error" : "form-group"}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.error ? (
        <span class="form-error-message" id={errorId}>
          <span class="sr-only">Fejl: </span>
          {props.error}
        </span>
      ) : null}
      <input
        class="form-input"
        id={props.id}
        name={props.id}
        type={props.type}
        value={props.value}
        autocomplete={props.autocomplete}
        required
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? errorId : undefined}
      />
    </div>
  );
}

/**
 * /log-ind: a button per organisation's provider (ProviderButtons), then e-mail and password, posted
 * with the CSRF token; errors shown in a summary and per field.
 */
export function LoginPage({
  ctx,
  form,
  providers = [],
}: {
  ctx: PageCtx;
  form: LoginForm;
  providers?: readonly ProviderLink[];
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("auth.title")}
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("auth.title") }]}
    >
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">
          <h1>{t("auth.title")}</h1>
          <p>{t("auth.intro")}</p>
          {form.error ? (
            <div class="alert alert-error" role="alert">
              <div class="alert-body">
                <p class="alert-heading">{t("auth.errorHeading")}</p>
                <p class="alert-text">{form.error.message}</p>
              </div>
            </div>
          ) : null}
          <ProviderButtons ctx={ctx} providers={providers} next={form.next} />
          <form method="post" action="/log-ind" novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="next" value={form.next} />
            <Field
              id="email"
              label={t("auth.email")}
              type="email"
              value={form.email}
              autocomplete="username"
              error={form.error?.fields.email}
            />
            <Field
              id="password"
              label={t("auth.password")}
              type="password"
              autocomplete="current-password"
              error={form.error?.fields.password}
            />
            <button type="submit" class="button button-primary">
              {t("auth.submit")}
            </button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

/** /log-ud (GET): a button, because logging out changes state and so is a POST. */
export function LogoutPage({ ctx }: { ctx: PageCtx }): Html {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("auth.logout")}>
      <h1>{t("auth.logout")}</h1>
      <form method="post" action="/log-ud">
        <CsrfField ctx={ctx} />
        <button type="submit" class="button button-primary">
          {t("auth.logout")}
        </button>
      </form>
    </Layout>
  );
}
