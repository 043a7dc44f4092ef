import type { Html } from "#jsx/jsx-runtime";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TMeeting } from "./meetings.schemas.ts";
import type { Visibility } from "./visibility.ts";

const MINUTES_EXIST = ["held", "minutes_draft", "minutes_approved", "minutes_published"];

interface DocLink {
  href: string;
  label: string;
  type: string;
}

/**
 * The meeting's documents the reader may fetch: the public edition once it is public (members: at
 * once), the full edition with closed items for members only, each labelled; and the calendar entry.
 */
export function meetingDocumentLinks(
  ctx: PageCtx,
  path: string,
  meeting: TMeeting,
  v: Visibility,
): DocLink[] {
  const { t } = ctx;
  const links: DocLink[] = [];
  const kinds: Array<{ kind: "agenda" | "minutes"; file: string; show: boolean }> = [
    { kind: "agenda", file: "dagsorden", show: v.agenda },
    { kind: "minutes", file: "referat", show: MINUTES_EXIST.includes(meeting.status) && v.minutes },
  ];
  for (const { kind, file, show } of kinds) {
    if (!show) {
      continue;
    }
    const editions = v.member ? (["public", "full"] as const) : (["public"] as const);
    for (const edition of editions) {
      for (const [format, type] of [
        ["pdf", "application/pdf"],
        ["docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ] as const) {
        const name = t(`links.${kind}${format === "pdf" ? "Pdf" : "Docx"}` as MessageKey);
        const label = `${name}, ${t(edition === "full" ? "links.fullEdition" : "links.publicEdition")}`;
        links.push({ href: `${path}/${file}.${format}?edition=${edition}`, label, type });
      }
    }
  }
  return links;
}

/** The links section of the meeting page. */
export function MeetingLinks(props: {
  ctx: PageCtx;
  path: string;
  meeting: TMeeting;
  visibility: Visibility;
}): Html {
  const { ctx, path } = props;
  const docs = meetingDocumentLinks(ctx, path, props.meeting, props.visibility);
  return (
    <section class="tv-meeting-links d-print-none" aria-labelledby="links-h">
      <h2 id="links-h">{ctx.t("links.heading")}</h2>
      <ul>
        {docs.map((d) => (
          <li>
            <a href={d.href} type={d.type}>
              {d.label}
            </a>
          </li>
        ))}
        <li>
          <a href={`${path}/kalender.ics`} type="text/calendar">
            {ctx.t("links.meetingIcs")}
          </a>
        </li>
      </ul>
    </section>
  );
}
