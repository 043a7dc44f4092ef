import type { Html } from "#jsx/jsx-runtime";
import { DateField, SelectField, TextField } from "../../web/form-fields.tsx";
import { formatIsoDay } from "../../web/format.ts";
import type { PageCtx } from "../../web/page.ts";
import { type FormState, field, SecretariatForm } from "../../web/secretariat-forms.tsx";
import { LineChart } from "../indicators/index.ts";
import { figureSeries } from "./variants.chart.ts";
import type { TInitiativeParty, TPartyFigure, TPartyVariant } from "./variants.schemas.ts";

export interface VariantsData {
  parties: TInitiativeParty[];
  /** the form that failed ("ivarset-<party>" or "ivarfig-<party>") */
  state: FormState | null;
}

const number = (ctx: PageCtx, v: number) =>
  new Intl.NumberFormat(ctx.lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 2 }).format(v);

/** "93 forløb", "21 (23 %)". */
export function figureText(ctx: PageCtx, f: TPartyFigure): string {
  const share = f.sharePercent === null ? "" : ` (${number(ctx, f.sharePercent)} %)`;
  return `${number(ctx, f.value)}${f.unit ? ` ${f.unit}` : ""}${share}`;
}

const periodOf = (ctx: PageCtx, f: TPartyFigure) => f.period ?? formatIsoDay(f.measuredOn, ctx.lang);

function participationText(ctx: PageCtx, v: TPartyVariant | null): string {
  if (!v) {
    return ctx.t("ivar.notSet");
  }
  return ctx.t(v.participation === "in" ? "ivar.in" : "ivar.out");
}

function VariantTable({ ctx, p }: { ctx: PageCtx; p: TInitiativeParty }): Html {
  const { t } = ctx;
  const rows = p.history;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact">
        <caption>{t("ivar.variantCaption", { party: p.partyName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ivar.since")}</th>
            <th scope="col">{t("ivar.model")}</th>
            <th scope="col">{t("ivar.participation")}</th>
            <th scope="col">{t("ivar.reason")}</th>
            <th scope="col">{t("ivar.contact")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colspan="5">{t("ivar.notSet")}</td>
            </tr>
          ) : (
            rows.map((v, i) => (
              <tr class={i === 0 ? "tv-current" : "tv-earlier"}>
                <td>
                  {formatIsoDay(v.effectiveOn, ctx.lang)}
                  {i === 0 ? ` (${t("ivar.current")})` : ""}
                </td>
                <td>{v.model || "–"}</td>
                <td>{participationText(ctx, v)}</td>
                <td>{v.reason ?? ""}</td>
                <td>
                  {v.contactName ?? ""}
                  {v.contactEmail ? (
                    <>
                      {v.contactName ? ", " : ""}
                      <a href={`mailto:${v.contactEmail}`}>{v.contactEmail}</a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function FiguresTable({ ctx, p }: { ctx: PageCtx; p: TInitiativeParty }): Html {
  const { t } = ctx;
  return (
    <div class="table--responsive-scroll">
      <table class="table table--compact" id={`ivar-figures-${p.partyId}`}>
        <caption>{t("ivar.figures", { party: p.partyName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ivar.period")}</th>
            <th scope="col">{t("ivar.label")}</th>
            <th scope="col" class="text-align-right">
              {t("ivar.value")}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.figures.map((f) => (
            <tr>
              <td>{periodOf(ctx, f)}</td>
              <td>{f.label}</td>
              <td class="text-align-right">{figureText(ctx, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The chart of a party's figures over time; the table before it carries the same figures as text. */
function FiguresChart({ ctx, p }: { ctx: PageCtx; p: TInitiativeParty }): Html | null {
  const chart = figureSeries(p.figures);
  if (chart.days.length < 2) {
    return null;
  }
  const first = chart.days[0] as string;
  const last = chart.days.at(-1) as string;
  return (
    <figure class="tv-figure">
      <LineChart
        id={`ivar-chart-${p.partyId}`}
        title={ctx.t("ivar.chartTitle", { party: p.partyName })}
        desc={ctx.t("ivar.chartDesc", {
          count: String(p.figures.length),
          from: formatIsoDay(first, ctx.lang),
          to: formatIsoDay(last, ctx.lang),
        })}
        labels={chart.days.map((d) => chart.periodName.get(d) ?? formatIsoDay(d, ctx.lang))}
        series={chart.series}
        format={(v) => number(ctx, v)}
      />
      <figcaption>
        {ctx.t("ivar.chartCaption")} <a href={`#ivar-figures-${p.partyId}`}>{ctx.t("ivar.chartTable")}</a>
      </figcaption>
    </figure>
  );
}

function PartyForms({
  ctx,
  path,
  p,
  state,
}: {
  ctx: PageCtx;
  path: string;
  p: TInitiativeParty;
  state: VariantsData["state"];
}): Html {
  const { t } = ctx;
  const cur = p.current;
  // The forms are named per party ("ivarset-12"), so a failure shows at the party it was for.
  const vf = `ivarset-${p.partyId}`;
  const ff = `ivarfig-${p.partyId}`;
  const open = state !== null && (state.form === vf || state.form === ff);
  const fieldOf = (form: string, name: string, fallback = "") => field(state, form, name, fallback);
  return (
    <details class="details" open={open}>
      <summary class="details-summary">{t("ivar.change", { party: p.partyName })}</summary>
      <div class="details-text">
        <SecretariatForm
          ctx={ctx}
          state={state}
          form={vf}
          action={`${path}/parter/${p.partyId}/variant`}
          heading={t("ivar.setHeading")}
          submit={t("ivar.setSubmit")}
        >
          <input type="hidden" name="version" value={String(p.version)} />
          <TextField
            {...fieldOf(vf, "model", cur?.model ?? "")}
            label={t("ivar.model")}
            hint={t("ivar.modelHint")}
          />
          <SelectField
            {...fieldOf(vf, "participation", cur?.participation ?? "in")}
            label={t("ivar.participation")}
            options={[
              { value: "in", label: t("ivar.in") },
              { value: "out", label: t("ivar.out") },
            ]}
          />
          <TextField
            {...fieldOf(vf, "reason", cur?.participation === "out" ? (cur.reason ?? "") : "")}
            label={t("ivar.reason")}
            hint={t("ivar.reasonHint")}
            textarea
          />
          <DateField ctx={ctx} {...fieldOf(vf, "effectiveOn")} label={t("ivar.effectiveOn")} />
          <TextField {...fieldOf(vf, "contactName", cur?.contactName ?? "")} label={t("ivar.contact")} />
          <TextField
            {...fieldOf(vf, "contactEmail", cur?.contactEmail ?? "")}
            label={t("ivar.contactEmail")}
          />
        </SecretariatForm>
        <SecretariatForm
          ctx={ctx}
          state={state}
          form={ff}
          action={`${path}/parter/${p.partyId}/tal`}
          heading={t("ivar.figureHeading")}
          submit={t("ivar.figureSubmit")}
        >
          <TextField {...fieldOf(ff, "label")} label={t("ivar.label")} hint={t("ivar.labelHint")} />
          <TextField {...fieldOf(ff, "value")} label={t("ivar.value")} hint={t("ivar.valueHint")} />
          <TextField {...fieldOf(ff, "unit")} label={t("ivar.unit")} hint={t("ivar.unitHint")} />
          <TextField {...fieldOf(ff, "sharePercent")} label={t("ivar.share")} hint={t("ivar.shareHint")} />
          <DateField ctx={ctx} {...fieldOf(ff, "measuredOn")} label={t("ivar.measuredOn")} />
          <TextField {...fieldOf(ff, "period")} label={t("ivar.periodName")} hint={t("ivar.periodHint")} />
        </SecretariatForm>
      </div>
    </details>
  );
}

/** The initiative page's section: per party a small table of its variant (with history), its figures and a chart. */
export function VariantsSection({
  ctx,
  path,
  data,
}: {
  ctx: PageCtx;
  path: string;
  data: VariantsData;
}): Html {
  const { t } = ctx;
  // Parties with nothing recorded yet are named in one line (a region-wide initiative involves many).
  const known = data.parties.filter((p) => p.history.length > 0 || p.figures.length > 0);
  const pending = data.parties.filter((p) => p.history.length === 0 && p.figures.length === 0);
  return (
    <section aria-labelledby="parter">
      <h2 id="parter">{t("ivar.heading")}</h2>
      {data.parties.length === 0 ? <p>{t("ivar.none")}</p> : <p>{t("ivar.lead")}</p>}
      {known.map((p) => (
        <section aria-labelledby={`parter-${p.partyId}`} class="tv-party-variant">
          <h3 id={`parter-${p.partyId}`}>
            {p.partyName}: {participationText(ctx, p.current)}
            {p.current?.model ? ` – ${p.current.model}` : ""}
          </h3>
          <VariantTable ctx={ctx} p={p} />
          {p.figures.length === 0 ? <p>{t("ivar.noFigures")}</p> : <FiguresTable ctx={ctx} p={p} />}
          <FiguresChart ctx={ctx} p={p} />
          {p.mayChange ? <PartyForms ctx={ctx} path={path} p={p} state={data.state} /> : null}
        </section>
      ))}
      {pending.length > 0 ? (
        <div id="parter-uden">
          <p>
            {t("ivar.pending")}: {pending.map((p) => p.partyName).join(", ")}.
          </p>
          {pending.map((p) =>
            p.mayChange ? <PartyForms ctx={ctx} path={path} p={p} state={data.state} /> : null,
          )}
        </div>
      ) : null}
    </section>
  );
}
