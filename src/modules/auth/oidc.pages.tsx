import { type Html, raw } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import type { listPendingIdentities } from "./oidc.service.ts";

export interface ProviderLink {
  id: string;
  label: string;
}

/** "Log ind med Region …": one link per provider; GET, so it works without JavaScript and without a form. */
export function ProviderButtons(props: {
  ctx: PageCtx;
  providers: readonly ProviderLink[];
  next: string;
}): Html {
  const { t } = props.ctx;
  if (props.providers.length === 0) {
    return raw("");
  }
  const query = props.next === "/" ? "" : `?next=${encodeURIComponent(props.next)}`;
  return (
    <>
      <h2 class="h3">{t("login.providersHeading")}</h2>
      <ul class="nobullet-list">
        {props.providers.map((p) => (
          <li class="mb-4">
            <a class="button button-secondary" href={`/log-ind/oidc/${p.id}${query}`}>
              {t("login.withProvider", { label: p.label })}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="h3">{t("login.orPassword")}</h2>
    </>
  );
}

/** A short page with one message: a pending account after the first login. */
export function NoticePage(props: { ctx: PageCtx; heading: string; text: string }): Html {
  return (
    <Layout ctx={props.ctx} title={props.heading}>
      <h1>{props.heading}</h1>
      <div class="alert alert-info" role="status">
        <div class="alert-body">
          <p class="alert-text">{props.text}</p>
        </div>
      </div>
    </Layout>
  );
}

/** After logout from a provider session: Tværs is done; a link ends the provider's session too. */
export function LoggedOutPage(props: { ctx: PageCtx; label: string; endSessionUrl: string }): Html {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t("logout.title")}>
      <h1>{t("logout.title")}</h1>
      <p>{t("logout.done")}</p>
      <p>{t("logout.providerToo", { label: props.label })}</p>
      <a class="button button-primary" href={props.endSessionUrl}>
        {t("logout.providerLink", { label: props.label })}
      </a>
    </Layout>
  );
}

type Pending = Awaited<ReturnType<typeof listPendingIdentities>>;

/** /adgang/afventende: first logins waiting for an admin or a secretariat, each with approve and refuse. */
export function PendingPage(props: {
  ctx: PageCtx;
  data: Pending;
  labels: ReadonlyMap<string, string>;
  admin: boolean;
  notice?: string | undefined;
}): Html {
  const { ctx, data } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("pending.title")}>
      <h1>{t("pending.title")}</h1>
      <p>{t("pending.intro")}</p>
      {props.notice ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.notice}</p>
          </div>
        </div>
      ) : null}
      {data.pending.length === 0 ? <p>{t("pending.none")}</p> : null}
      {data.pending.map((p) => {
        const preselect = p.email
          ? data.persons.find((x) => x.email?.toLowerCase() === p.email)?.id
          : undefined;
        return (
          <section class="mt-6" aria-labelledby={`pending-${p.id}`}>
            <h2 class="h3" id={`pending-${p.id}`}>
              {p.name}
            </h2>
            <dl>
              <dt>{t("pending.provider")}</dt>
              <dd>{props.labels.get(p.provider) ?? p.provider}</dd>
              <dt>{t("pending.email")}</dt>
              <dd>{p.email ?? t("pending.noEmail")}</dd>
              {p.party ? (
                <>
                  <dt>{t("pending.party")}</dt>
                  <dd>{p.party}</dd>
                </>
              ) : null}
              <dt>{t("pending.firstSeen")}</dt>
              <dd>{formatDateTimeLong(p.firstSeen, ctx.lang)}</dd>
            </dl>
            <form method="post" action={`/adgang/afventende/${p.id}/godkend`}>
              <CsrfField ctx={ctx} />
              <div class="form-group">
                <label class="form-label" for={`person-${p.id}`}>
                  {t("pending.person")}
                </label>
                <select class="form-select" id={`person-${p.id}`} name="personId">
                  {props.admin ? <option value="">{t("pending.noPerson")}</option> : null}
                  {data.persons.map((x) => (
                    <option value={String(x.id)} selected={x.id === preselect}>
                      {x.email ? `${x.name} (${x.email})` : x.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="button button-primary">
                {t("pending.confirm")}
              </button>
            </form>
            {props.admin ? (
              <form method="post" action={`/adgang/afventende/${p.id}/afvis`} class="mt-4">
                <CsrfField ctx={ctx} />
                <button type="submit" class="button button-secondary">
                  {t("pending.refuse")}
                </button>
              </form>
            ) : null}
          </section>
        );
      })}
    </Layout>
  );
}
