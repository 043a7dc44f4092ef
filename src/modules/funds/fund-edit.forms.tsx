import type { Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { SelectField, TextField } from "../../web/form-fields.tsx";
import type { PageCtx } from "../../web/page.ts";
import { type FormState, field, SecretariatForm } from "../../web/secretariat-forms.tsx";
import type { TBody } from "../bodies/index.ts";
import type { TParty } from "../parties/index.ts";
import { ConflictHint } from "./form-conflict.tsx";
import type { TFund } from "./funds.schemas.ts";
import { KEY_BASES } from "./funds.tables.ts";
import { fundPath } from "./funds.urls.ts";

const keyOptions = (ctx: PageCtx) =>
  KEY_BASES.map((k) => ({
    value: k,
    label: k === "income_year" ? ctx.t("funds.form.keyIncomeYear") : ctx.t(`funds.key.${k}`),
  }));

/** The fields a fund has of its own: name, description, key and key year. */
function FundFields({
  ctx,
  state,
  form,
  fund,
}: {
  ctx: PageCtx;
  state: FormState | null;
  form: string;
  fund?: TFund;
}) {
  const { t } = ctx;
  const f = (name: string, fallback = "") => field(state, form, name, fallback);
  return (
    <div>
      <TextField {...f("name", fund?.name)} label={t("funds.form.name")} required />
      <TextField {...f("description", fund?.description)} label={t("funds.form.description")} textarea />
      <SelectField
        {...f("keyBasis", fund?.keyBasis ?? "income_all_years")}
        label={t("funds.key")}
        options={keyOptions(ctx)}
      />
      <TextField
        {...f("keyYear", fund?.keyYear ? String(fund.keyYear) : "")}
        label={t("funds.form.keyYear")}
        hint={t("funds.form.keyYearHint")}
        inputmode="numeric"
      />
    </div>
  );
}

/** /puljer/ny: a new fund of a body the reader keeps the secretariat of. */
export function NewFundPage({
  ctx,
  bodies,
  state,
}: {
  ctx: PageCtx;
  bodies: TBody[];
  state: FormState | null;
}): Html {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t("funds.newTitle")}
      current="funds"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("funds.title"), href: "/puljer" },
        { text: t("funds.newTitle") },
      ]}
    >
      <h1>{t("funds.newTitle")}</h1>
      <SecretariatForm
        ctx={ctx}
        state={state}
        form="fund"
        action="/puljer/ny"
        heading={t("funds.form.fundHeading")}
        submit={t("funds.form.create")}
      >
        <SelectField
          {...field(state, "fund", "bodyId", bodies.length === 1 ? String(bodies[0]?.id) : "")}
          label={t("funds.body")}
          hint={t("funds.form.bodyHint")}
          options={[
            ...(bodies.length === 1 ? [] : [{ value: "", label: t("funds.form.chooseBody") }]),
            ...bodies.map((b) => ({ value: String(b.id), label: b.name })),
          ]}
        />
        <FundFields ctx={ctx} state={state} form="fund" />
      </SecretariatForm>
    </Layout>
  );
}

export interface EditFundData {
  fund: TFund;
  /** every party, the fund's own first in their order */
  parties: TParty[];
  state: FormState | null;
  /** the version the forms carry: the one read, or the saved one after a conflict */
  version: number;
  conflict: boolean;
  done: string | null;
}

/** The parties form: per party, not in the fund / in the key / outside the key, and a decided weight. */
function PartiesForm({ ctx, data, path }: { ctx: PageCtx; data: EditFundData; path: string }): Html {
  const { t } = ctx;
  const { fund, state } = data;
  const own = new Map(fund.parties.map((p) => [p.partyId, p]));
  const decided = fund.keyBasis === "decided";
  const err = (name: string) => (state?.form === "parties" ? state.errors[`parties-${name}`] : undefined);
  return (
    <SecretariatForm
      ctx={ctx}
      state={state}
      form="parties"
      action={`${path}/parter`}
      heading={t("funds.form.partiesHeading")}
      submit={t("funds.form.saveParties")}
    >
      <input type="hidden" name="version" value={String(data.version)} />
      <fieldset id="parties-parties" aria-describedby="parties-lead">
        <legend class="form-label">{t("initiatives.parties")}</legend>
        <p class="form-hint" id="parties-lead">
          {t("funds.form.partiesLead")}
        </p>
        {err("parties") ? <span class="form-error-message">{err("parties")}</span> : null}
        {data.parties.map((p) => {
          const mine = own.get(p.id);
          const current = mine ? (mine.inKey ? "key" : "out") : "";
          return (
            <div class="tv-party-choice">
              <SelectField
                {...field(state, "parties", `part-${p.id}`, current)}
                label={p.name}
                options={[
                  { value: "", label: t("funds.form.partyNot") },
                  { value: "key", label: t("funds.form.partyInKey") },
                  { value: "out", label: t("funds.form.partyOutsideKey") },
                ]}
              />
              {decided ? (
                <TextField
                  {...field(state, "parties", `vaegt-${p.id}`, mine?.keyWeight ?? "")}
                  label={t("funds.form.weightFor", { name: p.name })}
                  hint={t("funds.form.weightHint")}
                  inputmode="numeric"
                />
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </SecretariatForm>
  );
}

/** /puljer/<id>/rediger: the fund's own fields and its parties with the key. */
export function EditFundPage({ ctx, data }: { ctx: PageCtx; data: EditFundData }): Html {
  const { t } = ctx;
  const path = fundPath(data.fund);
  const title = t("funds.editTitle", { name: data.fund.name });
  return (
    <Layout
      ctx={ctx}
      title={title}
      current="funds"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("funds.title"), href: "/puljer" },
        { text: data.fund.name, href: path },
        { text: t("funds.edit") },
      ]}
    >
      <h1>{title}</h1>
      {data.done ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{data.done}</p>
          </div>
        </div>
      ) : null}
      {data.conflict ? <ConflictHint ctx={ctx} reload={`${path}/rediger`} /> : null}
      <SecretariatForm
        ctx={ctx}
        state={data.state}
        form="fund"
        action={`${path}/rediger`}
        heading={t("funds.form.fundHeading")}
        submit={t("funds.form.saveFund")}
      >
        <input type="hidden" name="version" value={String(data.version)} />
        <FundFields ctx={ctx} state={data.state} form="fund" fund={data.fund} />
      </SecretariatForm>
      <PartiesForm ctx={ctx} data={data} path={path} />
      <p>
        <a href={path}>{t("money.cancel")}</a>
      </p>
    </Layout>
  );
}
