import type { Html } from "#jsx/jsx-runtime";
import { formatDateTimeLong } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import type { RoleChange } from "./role-history.ts";

/** The body's role changes as a small table (the workspace's body page). */
export function RoleHistory({ ctx, changes }: { ctx: PageCtx; changes: RoleChange[] }): Html {
  const { t } = ctx;
  const role = (r: RoleChange["roleBefore"]) => (r ? t(`role.${r}`) : "–");
  return (
    <section aria-labelledby="roles-h">
      <h2 id="roles-h">{t("sec.roles.heading")}</h2>
      {changes.length === 0 ? (
        <p>{t("sec.roles.none")}</p>
      ) : (
        <table class="table table--compact">
          <caption class="sr-only">{t("sec.roles.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sec.roles.when")}</th>
              <th scope="col">{t("sec.roles.person")}</th>
              <th scope="col">{t("sec.roles.before")}</th>
              <th scope="col">{t("sec.roles.after")}</th>
              <th scope="col">{t("sec.roles.by")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr>
                <td>{formatDateTimeLong(new Date(c.at), ctx.lang)}</td>
                <td>{c.personName ?? `#${c.personId}`}</td>
                <td>{role(c.roleBefore)}</td>
                <td>{role(c.roleAfter)}</td>
                <td>{c.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
