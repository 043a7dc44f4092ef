/** The pages of a removal of personal data: the form, the confirmation, and what was done. */
import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, TextField } from "../../web/form-fields.tsx";
import { formatDateTimeLong } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";

export interface RemovalPageData {
  meeting: { id: number; start: Date };
  item: { id: number; number: number; title: string };
  values: { passage: string; reason: string };
  errors: FieldErrors;
  /** the confirmation step: where the passage was found */
  found: { fields: string[]; corrections: number } | null;
  /** the removal just made */
  done: { marker: string; places: Record<string, number> } | null;
}

/** The address of the removal pages of an item. */
export const removalPath = (meetingId: number, itemId: number) =>
  `/arbejdsrum/moeder/${meetingId}/punkter/${itemId}/personoplysninger`;

function Found({ ctx, found }: { ctx: PageCtx; found: NonNullable<RemovalPageData["found"]> }): Html {
  const { t } = ctx;
  return (
    <ul>
      {found.fields.map((f) => (
        <li>{t("removal.found.field", { field: f })}</li>
      ))}
      {found.corrections > 0 ? <li>{t("removal.found.corrections", { n: found.corrections })}</li> : null}
      <li>{t("removal.found.editions")}</li>
      <li>{t("removal.found.audit")}</li>
    </ul>
  );
}

/** /arbejdsrum/moeder/<id>/punkter/<item>/personoplysninger */
export function RemovalPage({ ctx, data }: { ctx: PageCtx; data: RemovalPageData }): Html {
  const { t } = ctx;
  const { meeting, item, values, errors, found, done } = data;
  const action = removalPath(meeting.id, item.id);
  const title = t("removal.title");
  return (
    <Layout
      ctx={ctx}
      title={`${title}: ${item.number}. ${item.title}`}
      current="workspace"
      crumbs={[
        { text: t("ws.title"), href: "/arbejdsrum" },
        { text: formatDateTimeLong(meeting.start, ctx.lang), href: `/arbejdsrum/moeder/${meeting.id}` },
        {
          text: `${item.number}. ${item.title}`,
          href: `/arbejdsrum/moeder/${meeting.id}/punkter/${item.id}`,
        },
        { text: title },
      ]}
    >
      <p class="tv-kicker">{title}</p>
      <h1>
        {String(item.number)}. {item.title}
      </h1>
      {done ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-heading">{t("removal.done")}</p>
            <p class="alert-text">{t("removal.doneMarker", { marker: done.marker })}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} heading={t("ws.form.errorHeading")} errors={errors} />
      {found ? (
        <section aria-labelledby="confirm-h" class="tv-panel">
          <h2 id="confirm-h">{t("removal.confirmHeading")}</h2>
          <p>{t("removal.confirmIntro")}</p>
          <blockquote>{values.passage}</blockquote>
          <Found ctx={ctx} found={found} />
          <p>{t("removal.confirmMarker", { reason: values.reason })}</p>
          <form method="post" action={`${action}/bekraeft`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="passage" value={values.passage} />
            <input type="hidden" name="reason" value={values.reason} />
            <button type="submit" class="button button-primary">
              {t("removal.confirmButton")}
            </button>
          </form>
          <p>
            <a href={action}>{t("removal.cancel")}</a>
          </p>
        </section>
      ) : (
        <form method="post" action={action} novalidate>
          <p>{t("removal.intro")}</p>
          <CsrfField ctx={ctx} />
          <TextField
            id="passage"
            label={t("removal.passage")}
            hint={t("removal.passageHint")}
            value={values.passage}
            error={errors.passage}
            textarea
            required
          />
          <TextField
            id="reason"
            label={t("removal.reason")}
            hint={t("removal.reasonHint")}
            value={values.reason}
            error={errors.reason}
            required
          />
          <button type="submit" class="button button-primary">
            {t("removal.next")}
          </button>
        </form>
      )}
      <p>
        <a href={`/arbejdsrum/moeder/${meeting.id}/punkter/${item.id}`}>{t("removal.back")}</a>
      </p>
    </Layout>
  );
}
