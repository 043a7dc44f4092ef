import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { FormState, ItemChoice } from "../../web/secretariat-forms.tsx";
import { bodyPath, type TBody } from "../bodies/index.ts";
import { SetUpForm } from "./mandates.forms.tsx";
import { day } from "./mandates.pages.tsx";
import type { TGroupSummary } from "./mandates.schemas.ts";
import { mandatePath } from "./mandates.urls.ts";

export interface GroupsPageData {
  body: TBody;
  groups: TGroupSummary[];
  bodies: Map<number, TBody>;
  editor: { items: ItemChoice[]; state: FormState | null; saved: boolean; path: string } | null;
}

/** /organer/<id>/grupper: the groups reporting to a body with their next report due and overdue deliverables. */
export function GroupsPage({ ctx, data }: { ctx: PageCtx; data: GroupsPageData }): Html {
  const { t } = ctx;
  const { body } = data;
  const name = body.shortName ?? body.name;
  return (
    <Layout
      ctx={ctx}
      title={t("groups.title", { name })}
      current="bodies"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("bodies.title"), href: "/organer" },
        { text: body.name, href: bodyPath(body) },
        { text: t("groups.title", { name }) },
      ]}
    >
      <h1>{t("groups.title", { name })}</h1>
      <p class="font-lead">{t("groups.lead", { name })}</p>
      {data.editor?.saved ? (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{t("secretariat.saved")}</p>
        </div>
      ) : null}
      {data.groups.length === 0 ? (
        <p>{t("groups.none")}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--compact">
            <caption class="sr-only">{t("groups.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groups.group")}</th>
                <th scope="col">{t("mandates.status")}</th>
                <th scope="col">{t("groups.periodTo")}</th>
                <th scope="col">{t("mandates.nextDue")}</th>
                <th scope="col">{t("mandates.overdue")}</th>
                <th scope="col">{t("groups.lastReport")}</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((g) => (
                <tr>
                  <td>
                    <a href={mandatePath(g)}>{g.name}</a>
                    <span class="tv-meta">{` · ${t(`kind.${g.kind}` as MessageKey)}`}</span>
                  </td>
                  <td>{t(`mandates.status.${g.status}` as MessageKey)}</td>
                  <td>{day(ctx, g.periodTo)}</td>
                  <td>
                    {g.nextDue
                      ? t("mandates.nextDueLine", { title: g.nextDue.title, date: day(ctx, g.nextDue.dueOn) })
                      : "–"}
                  </td>
                  <td>
                    {g.overdue.length === 0 ? (
                      "–"
                    ) : (
                      <ul class="tv-plain">
                        {g.overdue.map((d) => (
                          <li>
                            <strong>{d.title}</strong>
                            {` (${day(ctx, d.dueOn)})`}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{day(ctx, g.lastReportOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.editor ? (
        <section aria-labelledby="secretariat-h" class="tv-secretariat">
          <h2 id="secretariat-h">{t("secretariat.heading")}</h2>
          <SetUpForm
            ctx={ctx}
            state={data.editor.state}
            action={data.editor.path}
            bodies={data.bodies}
            parentId={body.id}
            items={data.editor.items}
          />
        </section>
      ) : null}
    </Layout>
  );
}
