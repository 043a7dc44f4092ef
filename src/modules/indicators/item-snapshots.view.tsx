import type { Html } from "#jsx/jsx-runtime";
import { CsrfField } from "../../server/layout.tsx";
import { ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import type { PageCtx } from "../../web/page.ts";
import { periodLabel } from "./periods.ts";

export interface ItemSnapshotsData {
  snapshots: {
    id: number;
    indicatorCodes: string[];
    areas: { kind: string; code: string }[];
    fromPeriod: string;
    toPeriod: string;
    frozenAt: Date | null;
  }[];
  choices: { indicators: { code: string; name: string }[]; areas: { value: string; label: string }[] };
  errors: FieldErrors;
  /** the form as last sent (after a refusal) */
  values: { indicators: string[]; area: string; from: string; to: string };
}

/**
 * The item's indicator snapshots on its workspace page, and the picker that adds one: checkboxes for
 * the indicators, one area, a period range; a plain form that works without JavaScript.
 */
export function ItemSnapshotsPanel({
  ctx,
  action,
  data,
  frozen,
}: {
  ctx: PageCtx;
  /** where the picker posts */
  action: string;
  data: ItemSnapshotsData;
  /** the minutes are published: the snapshots are frozen and no new one can be added */
  frozen: boolean;
}): Html {
  const { t } = ctx;
  const name = new Map(data.choices.indicators.map((i) => [i.code, i.name]));
  const area = new Map(data.choices.areas.map((a) => [a.value, a.label]));
  return (
    <section aria-labelledby="snap-h" class="tv-panel" id="noegletal">
      <h2 id="snap-h">{t("ind.itemSnapshots")}</h2>
      <p class="tv-meta">{t("ind.itemSnapshotsLead")}</p>
      {data.snapshots.length === 0 ? (
        <p class="tv-meta">{t("ind.itemSnapshotsNone")}</p>
      ) : (
        <ul class="tv-meetings">
          {data.snapshots.map((s) => (
            <li>
              <a href={`/indikatorer/billede/${s.id}`}>
                {s.indicatorCodes.map((c) => name.get(c) ?? c).join(", ")}
              </a>
              <span class="tv-meta tv-block">
                {[
                  s.areas.map((a) => area.get(`${a.kind}:${a.code}`) ?? a.code).join(", "),
                  `${periodLabel(s.fromPeriod, ctx.lang)}–${periodLabel(s.toPeriod, ctx.lang)}`,
                  s.frozenAt ? t("ind.itemSnapshotFrozen") : t("ind.itemSnapshotLive"),
                ].join(" · ")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {frozen || data.choices.indicators.length === 0 ? null : (
        <form method="post" action={action} novalidate aria-labelledby="snap-add-h">
          <h3 id="snap-add-h">{t("ind.snapshotNew")}</h3>
          <ErrorSummary ctx={ctx} heading={t("ind.snapshotErrorHeading")} errors={data.errors} />
          <CsrfField ctx={ctx} />
          <div class={data.errors.snapIndicators ? "form-group form-error" : "form-group"}>
            <fieldset aria-describedby={data.errors.snapIndicators ? "snapIndicators-error" : undefined}>
              <legend class="form-label" id="snapIndicators">
                {t("ind.snapshotIndicators")}
              </legend>
              {data.errors.snapIndicators ? (
                <span class="form-error-message" id="snapIndicators-error">
                  {data.errors.snapIndicators}
                </span>
              ) : null}
              {data.choices.indicators.map((i) => (
                <div class="form-group-checkbox">
                  <input
                    class="form-checkbox"
                    type="checkbox"
                    id={`snap-${i.code}`}
                    name="indicators"
                    value={i.code}
                    checked={data.values.indicators.includes(i.code)}
                  />
                  <label for={`snap-${i.code}`}>{i.name}</label>
                </div>
              ))}
            </fieldset>
          </div>
          <SelectField
            id="snapArea"
            name="area"
            label={t("ind.area")}
            value={data.values.area}
            options={data.choices.areas}
            error={data.errors.snapArea}
          />
          <TextField
            id="snapFrom"
            name="from"
            label={t("ind.fromPeriod")}
            value={data.values.from}
            error={data.errors.snapFrom}
          />
          <TextField id="snapTo" name="to" label={t("ind.toPeriod")} value={data.values.to} />
          <button type="submit" class="button button-primary">
            {t("ind.snapshotAdd")}
          </button>
        </form>
      )}
    </section>
  );
}
