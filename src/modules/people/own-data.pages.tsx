import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, TextField } from "../../web/form-fields.tsx";
import type { PageCtx } from "../../web/page.ts";

export const OWN_DATA_PATH = "/mine-oplysninger";

export interface OwnDataView {
  user: { name: string | null };
  person: {
    name: string;
    title: string | null;
    email: string | null;
    version: number;
    pendingEmail: string | null;
  } | null;
  values: Record<string, string>;
  errors: FieldErrors;
  /** a message after a successful post */
  notice: string | null;
}

function Notice({ text }: { text: string }): Html {
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{text}</p>
      </div>
    </div>
  );
}

/** /mine-oplysninger: the logged-in user's own data, to see and correct (GDPR art. 15 and 16). */
export function OwnDataPage({ ctx, view }: { ctx: PageCtx; view: OwnDataView }): Html {
  const { t } = ctx;
  const { person, values, errors } = view;
  const v = (k: string, fallback: string | null | undefined) => values[k] ?? fallback ?? "";
  return (
    <Layout ctx={ctx} title={t("sec.own.title")} crumbs={[{ text: t("sec.own.title") }]}>
      <h1>{t("sec.own.title")}</h1>
      {view.notice ? <Notice text={view.notice} /> : null}
      <ErrorSummary ctx={ctx} heading={t("sec.own.errors")} errors={errors} />
      {person === null ? (
        <p>{t("sec.own.noPerson")}</p>
      ) : (
        <div>
          <p>{t("sec.own.intro")}</p>
          <form method="post" action={OWN_DATA_PATH} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(person.version)} />
            <TextField
              id="name"
              label={t("sec.own.name")}
              value={v("name", person.name)}
              error={errors.name}
              required
            />
            <TextField
              id="title"
              label={t("sec.own.jobTitle")}
              value={v("title", person.title)}
              error={errors.title}
            />
            <button type="submit" class="button button-primary">
              {t("sec.own.save")}
            </button>
          </form>
          <h2 id="email-h">{t("sec.own.emailHeading")}</h2>
          <p>{person.email ? t("sec.own.emailNow", { email: person.email }) : t("sec.own.emailNone")}</p>
          {person.pendingEmail ? <p>{t("sec.own.emailPending", { email: person.pendingEmail })}</p> : null}
          <form method="post" action={`${OWN_DATA_PATH}/e-mail`} novalidate aria-labelledby="email-h">
            <CsrfField ctx={ctx} />
            <TextField
              id="email"
              type="email"
              label={t("sec.own.emailNew")}
              hint={t("sec.own.emailHint")}
              value={values.email ?? ""}
              error={errors.email}
              required
            />
            <button type="submit" class="button button-secondary">
              {t("sec.own.emailSend")}
            </button>
          </form>
        </div>
      )}
    </Layout>
  );
}

/** /mine-oplysninger/e-mail/<token>: confirm a new address (a POST, so a mail scanner's GET changes nothing). */
export function EmailConfirmPage({
  ctx,
  change,
  done,
}: {
  ctx: PageCtx;
  change: { email: string; name: string } | null;
  done: boolean;
}): Html {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("sec.confirm.title")} crumbs={[{ text: t("sec.confirm.title") }]}>
      <h1>{t("sec.confirm.title")}</h1>
      {done && change ? (
        <Notice text={t("sec.confirm.done", { email: change.email })} />
      ) : change ? (
        <form method="post" action={ctx.path.split("?")[0]}>
          <CsrfField ctx={ctx} />
          <p>{t("sec.confirm.question", { email: change.email, name: change.name })}</p>
          <button type="submit" class="button button-primary">
            {t("sec.confirm.button")}
          </button>
        </form>
      ) : (
        <p>{t("sec.confirm.unknown")}</p>
      )}
    </Layout>
  );
}
