import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { formatIsoDay, isoDayInDenmark } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import { bodyPath, StructureNote, type SuccessionLink, type TBody } from "../bodies/index.ts";
import { groupsPath, mandatePath } from "../mandates/index.ts";
import { MeetingList, type MeetingSummary } from "../meetings/index.ts";
import { type BodyMember, personPath, ROLE_ORDER } from "../people/index.ts";
import { BodyLinks, bodyAlternates } from "./body-links.view.tsx";

type Level = "political" | "administrative" | "working";
const LEVEL_OF: Record<TBody["kind"], Level> = {
  political_committee: "political",
  cluster_political: "political",
  health_council: "political",
  regional_council: "political",
  regional_committee: "political",
  administrative_steering_group: "administrative",
  cluster_professional: "administrative",
  chair_group: "administrative",
  municipal_forum: "administrative",
  coordination_forum: "working",
  follow_group: "working",
  working_group: "working",
  ad_hoc_group: "working",
  other: "working",
};
const LEVELS: Level[] = ["political", "administrative", "working"];

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "da");

function Tree({ ctx, parentId, all }: { ctx: PageCtx; parentId: number | null; all: TBody[] }): Html | null {
  const children = all.filter((b) => b.reportsToId === parentId).sort(byName);
  if (children.length === 0) {
    return null;
  }
  return (
    <ul class="tv-tree">
      {children.map((b) => (
        <li>
          <a href={bodyPath(b)}>{b.name}</a>{" "}
          <span class="tv-meta">
            ({ctx.t(`kind.${b.kind}` as MessageKey)}
            {b.status !== "active" ? ` · ${ctx.t(`structure.status.${b.status}` as MessageKey)}` : ""})
          </span>
          <Tree ctx={ctx} parentId={b.id} all={all} />
        </li>
      ))}
    </ul>
  );
}

/** /organer: per region, the reporting tree and the bodies by level. */
export function BodiesPage({ ctx, bodies }: { ctx: PageCtx; bodies: TBody[] }): Html {
  const { t } = ctx;
  const regions = [...new Set(bodies.map((b) => b.region ?? ""))].sort((a, b) => a.localeCompare(b, "da"));
  return (
    <Layout
      ctx={ctx}
      title={t("bodies.title")}
      current="bodies"
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("bodies.title") }]}
    >
      <h1>{t("bodies.title")}</h1>
      <p class="font-lead">{t("bodies.lead")}</p>
      {regions.map((region, ri) => {
        const inRegion = bodies.filter((b) => (b.region ?? "") === region);
        const ids = new Set(inRegion.map((b) => b.id));
        // A body whose parent is in another region is a root here.
        const rooted = inRegion.map((b) =>
          b.reportsToId && !ids.has(b.reportsToId) ? { ...b, reportsToId: null } : b,
        );
        return (
          <section aria-labelledby={`region-${ri}`}>
            <h2 id={`region-${ri}`}>{region || t("bodies.noRegion")}</h2>
            <h3>{t("bodies.tree")}</h3>
            <Tree ctx={ctx} parentId={null} all={rooted} />
            {LEVELS.map((level) => {
              const list = inRegion.filter((b) => LEVEL_OF[b.kind] === level).sort(byName);
              return list.length === 0 ? null : (
                <div>
                  <h3>{t(`level.${level}` as MessageKey)}</h3>
                  <ul class="tv-bodies">
                    {list.map((b) => (
                      <li>
                        <a href={bodyPath(b)}>{b.name}</a>
                        {b.cluster ? <span class="tv-meta">{` · ${b.cluster}`}</span> : null}
                        {b.mandate.status !== "active" ? (
                          <span class="tv-meta">{` · ${t(`mandate.${b.mandate.status}` as MessageKey)}`}</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </Layout>
  );
}

export interface BodyPageData {
  body: TBody;
  parent: TBody | null;
  children: TBody[];
  members: BodyMember[];
  meetings: MeetingSummary[];
  now: Date;
  succession: { predecessors: SuccessionLink[]; successors: SuccessionLink[] };
}

function period(ctx: PageCtx, from: string | null, to: string | null): string {
  const { t, lang } = ctx;
  if (from && to) {
    return t("bodies.periodFromTo", { from: formatIsoDay(from, lang), to: formatIsoDay(to, lang) });
  }
  if (from) {
    return t("bodies.periodFrom", { from: formatIsoDay(from, lang) });
  }
  return to ? t("bodies.periodUntil", { to: formatIsoDay(to, lang) }) : t("bodies.periodNone");
}

/** The members on one line each: name (and title), role and the party they represent (issue 16.5). */
function Members({ ctx, members }: { ctx: PageCtx; members: BodyMember[] }): Html {
  const { t } = ctx;
  if (members.length === 0) {
    return <p>{t("bodies.noMembers")}</p>;
  }
  const sorted = [...members].sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      (a.party ?? "").localeCompare(b.party ?? "", "da") ||
      byName(a, b),
  );
  return (
    <table class="table table--compact table--responsive-headers tv-members">
      <caption class="sr-only">{t("bodies.members")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("bodies.name")}</th>
          <th scope="col">{t("bodies.role")}</th>
          <th scope="col">{t("bodies.party")}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((m) => (
          <tr>
            <td data-title={t("bodies.name")}>
              <a href={personPath(m)}>{m.name}</a>
              {m.title ? <span class="tv-meta">{`, ${m.title}`}</span> : null}
            </td>
            <td data-title={t("bodies.role")}>{t(`role.${m.role}` as MessageKey)}</td>
            <td data-title={t("bodies.party")}>{m.party ?? t("bodies.noParty")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /organer/<id>-<slug>: purpose and mandate, members by party and role, meeting plan, past meetings. */
export function BodyPage({ ctx, data }: { ctx: PageCtx; data: BodyPageData }): Html {
  const { t } = ctx;
  const { body } = data;
  const now = data.now.getTime();
  const coming = data.meetings.filter((m) => new Date(m.start).getTime() >= now);
  const past = data.meetings.filter((m) => new Date(m.start).getTime() < now).reverse();
  const years = [...new Set(coming.map((m) => new Date(m.start).getUTCFullYear()))];
  const asBody = { showBody: false };
  const thisYear = Number(isoDayInDenmark(data.now).slice(0, 4));
  return (
    <Layout
      ctx={ctx}
      title={body.name}
      current="bodies"
      alternates={bodyAlternates(ctx, body.id)}
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("bodies.title"), href: "/organer" },
        { text: body.name },
      ]}
    >
      <h1>{body.name}</h1>
      <StructureNote ctx={ctx} body={body} succession={data.succession} />
      <dl class="tv-facts">
        <dt>{t("bodies.kind")}</dt>
        <dd>{t(`kind.${body.kind}` as MessageKey)}</dd>
        {body.cluster ? [<dt>{t("bodies.cluster")}</dt>, <dd>{body.cluster}</dd>] : null}
        {data.parent
          ? [
              <dt>{t("bodies.reportsTo")}</dt>,
              <dd>
                <a href={bodyPath(data.parent)}>{data.parent.name}</a>
              </dd>,
            ]
          : null}
        <dt>{t("bodies.period")}</dt>
        <dd>{period(ctx, body.mandate.from, body.mandate.to)}</dd>
        <dt>{t("bodies.mandateStatus")}</dt>
        <dd>{t(`mandate.${body.mandate.status}` as MessageKey)}</dd>
      </dl>
      <ul class="tv-plain">
        {LEVEL_OF[body.kind] === "working" ? (
          <li>
            <a href={mandatePath(body)}>{t("mandates.link")}</a>
          </li>
        ) : null}
        {data.children.length > 0 ? (
          <li>
            <a href={groupsPath(body)}>{t("mandates.groupsLink", { name: body.shortName ?? body.name })}</a>
          </li>
        ) : null}
      </ul>
      {body.mandate.purpose ? (
        <section aria-labelledby="purpose-h">
          <h2 id="purpose-h">{t("bodies.purpose")}</h2>
          {markdown(body.mandate.purpose)}
        </section>
      ) : null}
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t("bodies.members")}</h2>
        <Members ctx={ctx} members={data.members} />
      </section>
      {years.map((year) => (
        <section aria-labelledby={`plan-${year}`}>
          <h2 id={`plan-${year}`}>{t("bodies.meetingPlan", { year })}</h2>
          <MeetingList
            ctx={ctx}
            meetings={coming.filter((m) => new Date(m.start).getUTCFullYear() === year)}
            {...asBody}
          />
        </section>
      ))}
      <BodyLinks ctx={ctx} bodyId={body.id} years={[...new Set([thisYear, ...years])].sort()} />
      <section aria-labelledby="past-h">
        <h2 id="past-h">{t("bodies.pastMeetings")}</h2>
        {past.length > 0 ? (
          <MeetingList ctx={ctx} meetings={past} {...asBody} />
        ) : (
          <p>{t("bodies.noMeetings")}</p>
        )}
      </section>
      {data.children.length > 0 ? (
        <section aria-labelledby="children-h">
          <h2 id="children-h">{t("bodies.subBodies", { name: body.shortName ?? body.name })}</h2>
          <ul class="tv-bodies">
            {data.children.map((c) => (
              <li>
                <a href={bodyPath(c)}>{c.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
