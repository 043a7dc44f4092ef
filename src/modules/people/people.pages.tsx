import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { bodyPath } from "../bodies/index.ts";
import type { TMembership, TPerson } from "./people.schemas.ts";

export interface PersonMembership {
  membership: TMembership;
  body: { id: number; name: string };
  partyName: string | null;
}

function period(ctx: PageCtx, m: TMembership): string {
  const { t, lang } = ctx;
  if (m.from && m.to) {
    return t("bodies.periodFromTo", { from: formatIsoDay(m.from, lang), to: formatIsoDay(m.to, lang) });
  }
  if (m.from) {
    return t("bodies.periodFrom", { from: formatIsoDay(m.from, lang) });
  }
  return m.to ? t("bodies.periodUntil", { to: formatIsoDay(m.to, lang) }) : "";
}

function Memberships({
  ctx,
  list,
  caption,
}: {
  ctx: PageCtx;
  list: PersonMembership[];
  caption: string;
}): Html {
  const { t } = ctx;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("meeting.body")}</th>
            <th scope="col">{t("bodies.role")}</th>
            <th scope="col">{t("bodies.party")}</th>
            <th scope="col">{t("person.period")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((m) => (
            <tr>
              <td>
                <a href={bodyPath(m.body)}>{m.body.name}</a>
              </td>
              <td>{t(`role.${m.membership.role}` as MessageKey)}</td>
              <td>{m.partyName ?? ""}</td>
              <td>{period(ctx, m.membership)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /personer/<id>-<slug>: the person's public memberships. The e-mail only for secretariats. */
export function PersonPage({
  ctx,
  person,
  current,
  ended,
}: {
  ctx: PageCtx;
  person: TPerson;
  current: PersonMembership[];
  ended: PersonMembership[];
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={person.name}
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("nav.bodies"), href: "/organer" },
        { text: person.name },
      ]}
    >
      <h1>{person.name}</h1>
      {person.title ? <p class="font-lead">{person.title}</p> : null}
      {person.email ? (
        <p>
          {`${t("person.email")}: `}
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </p>
      ) : null}
      <h2>{t("person.memberships")}</h2>
      {current.length > 0 ? (
        <Memberships ctx={ctx} list={current} caption={t("person.memberships")} />
      ) : (
        <p>{t("person.noMemberships")}</p>
      )}
      {ended.length > 0
        ? [<h2>{t("person.ended")}</h2>, <Memberships ctx={ctx} list={ended} caption={t("person.ended")} />]
        : null}
    </Layout>
  );
}
