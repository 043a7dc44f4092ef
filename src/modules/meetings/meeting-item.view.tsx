import type { Html } from "#jsx/jsx-runtime";
import { formatFileSize } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import { markdown } from "../../web/markdown.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TAttachmentMeta, TItem } from "./items.schemas.ts";

/** Sections in the order minutes are read; Indstilling, Beslutning, Fraværende and Bilag follow. */
const BEFORE_RECOMMENDATION = [
  "summary",
  "presentation",
  "municipalRemarks",
  "economy",
  "process",
  "coordination",
  "approvedBy",
] as const;

export function itemAnchor(number: number): string {
  return `punkt-${number}`;
}

const FILE_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/msword": "Word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
  "text/plain": "Tekst",
  "text/markdown": "Tekst",
  "text/html": "HTML",
};

function fileType(a: TAttachmentMeta): string {
  const byMime = a.mimeType ? FILE_TYPES[a.mimeType.split(";")[0]?.trim() ?? ""] : undefined;
  const ext = a.fileName?.includes(".") ? a.fileName.split(".").pop()?.toUpperCase() : undefined;
  return byMime ?? ext ?? "Fil";
}

function Section({ title, text }: { title: string; text: string }): Html {
  return (
    <div class="tv-section">
      <h3>{title}</h3>
      {markdown(text)}
    </div>
  );
}

function Attachments({ ctx, item }: { ctx: PageCtx; item: TItem }): Html {
  const { t } = ctx;
  return (
    <div class="tv-section">
      <h3>{t("meeting.attachments")}</h3>
      <ul class="tv-attachments">
        {item.attachments.map((a) => (
          <li>
            {a.hasFile ? (
              <a
                href={`/api/v1/attachments/${a.id}/content`}
                aria-label={t("meeting.download", { title: a.title })}
              >
                {a.title}
              </a>
            ) : (
              <span>{a.title}</span>
            )}{" "}
            <span class="tv-meta">
              ({a.hasFile ? `${fileType(a)}, ${formatFileSize(a.size ?? 0, ctx.lang)}` : t("meeting.noFile")})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One agenda item the way minutes show it. A redacted (closed) item shows its number and nothing else. */
export function ItemView({
  ctx,
  item,
  personName,
  extras = [],
}: {
  ctx: PageCtx;
  item: TItem;
  personName: (id: number) => string;
  /** other modules' additions (e.g. the indicator figures the body saw), before the decision */
  extras?: Html[];
}): Html {
  const { t } = ctx;
  const id = itemAnchor(item.number);
  if (item.redacted) {
    return (
      <section class="tv-item tv-item--closed" id={id} aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{`${item.number}. ${t("meeting.closedItem")}`}</h2>
        <p class="tv-meta">{t("meeting.closedNote")}</p>
      </section>
    );
  }
  const sections = item.sections;
  const recs = item.recommendations;
  return (
    <section class="tv-item" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {`${item.number}. ${item.title}`}
        {item.access === "closed" ? <span class="tv-access">{` (${t("meeting.closed")})`}</span> : null}
      </h2>
      <p class="tv-meta">
        {item.durationMinutes ? t("meeting.minutesLong", { n: item.durationMinutes }) : null}
        {item.durationMinutes && item.caseNumbers.length > 0 ? " · " : null}
        {item.caseNumbers.length > 0 ? `${t("meeting.caseNumbers")} ${item.caseNumbers.join(", ")}` : null}
      </p>
      {BEFORE_RECOMMENDATION.map((key) =>
        sections[key] ? <Section title={t(`section.${key}` as MessageKey)} text={sections[key]} /> : null,
      )}
      {item.otherSections.map((s) => (
        <Section title={s.heading} text={s.text} />
      ))}
      {recs.length > 0 ? (
        <div class="tv-section tv-recommendation">
          <h3>{t(recs.length > 1 ? "meeting.recommendations" : "meeting.recommendation")}</h3>
          {recs.map((r) => markdown(r))}
        </div>
      ) : null}
      {sections.previousDecisions ? (
        <Section title={t("section.previousDecisions")} text={sections.previousDecisions} />
      ) : null}
      {extras}
      {item.decisionText || item.outcome ? (
        <div class="tv-section tv-decision">
          <h3>{t("meeting.decision")}</h3>
          {item.outcome ? (
            <p class="tv-outcome">
              <strong>{t(`outcome.${item.outcome}` as MessageKey)}</strong>
            </p>
          ) : null}
          {item.decisionText ? markdown(item.decisionText) : null}
        </div>
      ) : null}
      {item.absences.length > 0 ? (
        <div class="tv-section">
          <h3>{t("meeting.absentFromItem")}</h3>
          <p>{item.absences.map((a) => personName(a.personId)).join(", ")}</p>
        </div>
      ) : null}
      {item.attachments.length > 0 ? <Attachments ctx={ctx} item={item} /> : null}
    </section>
  );
}
