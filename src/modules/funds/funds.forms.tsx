import type { Html } from "#jsx/jsx-runtime";
import { formatOreNumber } from "../../lib/money.ts";
import { CsrfField } from "../../server/layout.tsx";
import { DateField, ErrorSummary, type FieldErrors, SelectField, TextField } from "../../web/form-fields.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { FundStatus } from "./status.service.ts";

export type FundFormName = "income" | "grant" | "attach" | "carry";

export interface FundForms {
  initiatives: { id: number; title: string }[];
  items: { id: number; label: string }[];
  /** the posted values of the form being shown again */
  values: Record<string, string>;
  failed: { form: FundFormName; message: string; fields: FieldErrors } | null;
  preview: {
    parts: { name: string; amountOre: bigint; byKey: boolean }[];
    totalOre: bigint;
    mismatchOre: bigint | null;
  } | null;
  done: string | null;
}

function Failure({ ctx, forms, form }: { ctx: PageCtx; forms: FundForms; form: FundFormName }): Html | null {
  return forms.failed?.form === form ? (
    <ErrorSummary ctx={ctx} heading={forms.failed.message} errors={forms.failed.fields} />
  ) : null;
}

const err = (forms: FundForms, form: FundFormName, id: string) =>
  forms.failed?.form === form ? forms.failed.fields[id] : undefined;

function IncomeForm({
  ctx,
  path,
  status,
  forms,
}: {
  ctx: PageCtx;
  path: string;
  status: FundStatus;
  forms: FundForms;
}): Html {
  const { t } = ctx;
  const v = forms.values;
  return (
    <form method="post" action={`${path}/indtaegt`} novalidate aria-labelledby="income-h">
      <h3 id="income-h">{t("funds.form.income")}</h3>
      <Failure ctx={ctx} forms={forms} form="income" />
      <CsrfField ctx={ctx} />
      <TextField
        id="income-year"
        name="year"
        label={t("funds.form.year")}
        value={v.year}
        inputmode="numeric"
        error={err(forms, "income", "income-year")}
        required
      />
      {status.fund.parties.map((p) => (
        <TextField
          id={`income-p${p.partyId}`}
          name={`p${p.partyId}`}
          label={t("funds.form.amountFor", { name: p.name })}
          hint={t("funds.form.amountHint")}
          value={v[`p${p.partyId}`]}
          inputmode="decimal"
          error={err(forms, "income", `income-p${p.partyId}`)}
        />
      ))}
      <button type="submit" class="button button-primary">
        {t("funds.form.saveIncome")}
      </button>
    </form>
  );
}

function GrantForm({
  ctx,
  path,
  status,
  forms,
}: {
  ctx: PageCtx;
  path: string;
  status: FundStatus;
  forms: FundForms;
}): Html {
  const { t } = ctx;
  const v = forms.values;
  const e = (id: string) => err(forms, "grant", id);
  return (
    <form method="post" action={`${path}/bevillinger`} novalidate aria-labelledby="grant-h">
      <h3 id="grant-h">{t("funds.form.grant")}</h3>
      <Failure ctx={ctx} forms={forms} form="grant" />
      <CsrfField ctx={ctx} />
      <TextField
        id="grant-title"
        name="title"
        label={t("funds.form.title")}
        value={v.title}
        error={e("grant-title")}
        required
      />
      <SelectField
        id="grant-initiative"
        name="initiativeId"
        label={t("funds.form.initiative")}
        value={v.initiativeId}
        options={[
          { value: "", label: t("funds.form.none") },
          ...forms.initiatives.map((i) => ({ value: String(i.id), label: i.title })),
        ]}
      />
      <SelectField
        id="grant-status"
        name="status"
        label={t("funds.form.status")}
        value={v.status ?? "pending"}
        options={(["pending", "approved", "rejected"] as const).map((s) => ({
          value: s,
          label: t(`funds.status.${s}`),
        }))}
      />
      <DateField
        ctx={ctx}
        id="grant-approvedOn"
        name="approvedOn"
        label={t("funds.form.approvedOn")}
        value={v.approvedOn}
        error={e("grant-approvedOn")}
      />
      <DateField
        ctx={ctx}
        id="grant-pendingUntil"
        name="pendingUntil"
        label={t("funds.form.pendingUntil")}
        value={v.pendingUntil}
        error={e("grant-pendingUntil")}
      />
      <SelectField
        id="grant-item"
        name="itemId"
        label={t("funds.form.item")}
        value={v.itemId}
        options={[
          { value: "", label: t("funds.form.none") },
          ...forms.items.map((i) => ({ value: String(i.id), label: i.label })),
        ]}
        error={e("grant-item")}
      />
      <TextField
        id="grant-key"
        name="keyAmount"
        label={t("funds.form.keyAmount")}
        hint={t("funds.form.keyAmountHint")}
        value={v.keyAmount}
        inputmode="decimal"
        error={e("grant-key")}
      />
      <fieldset>
        <legend class="form-label">{t("funds.form.explicit")}</legend>
        {status.fund.parties.map((p) => (
          <TextField
            id={`grant-p${p.partyId}`}
            name={`p${p.partyId}`}
            label={p.name}
            value={v[`p${p.partyId}`]}
            inputmode="decimal"
            error={e(`grant-p${p.partyId}`)}
          />
        ))}
      </fieldset>
      <TextField
        id="grant-declared"
        name="declaredTotal"
        label={t("funds.form.declaredTotal")}
        hint={t("funds.form.declaredHint")}
        value={v.declaredTotal}
        inputmode="decimal"
        error={e("grant-declared")}
      />
      {forms.preview ? (
        <div class="tv-preview" role="status">
          <h4>{t("funds.form.previewHeading")}</h4>
          <table class="table table--compact">
            <caption class="sr-only">{t("funds.form.previewHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("funds.party")}</th>
                <th scope="col" class="tv-num">
                  {t("funds.amount")}
                </th>
                <th scope="col">{t("funds.form.how")}</th>
              </tr>
            </thead>
            <tbody>
              {forms.preview.parts.map((p) => (
                <tr>
                  <th scope="row">{p.name}</th>
                  <td class="tv-num">{formatOreNumber(p.amountOre, ctx.lang)}</td>
                  <td>{p.byKey ? t("funds.form.byKey") : t("funds.form.byAmount")}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("funds.total")}</th>
                <td class="tv-num">{formatOreNumber(forms.preview.totalOre, ctx.lang)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          {forms.preview.mismatchOre !== null ? (
            <p>
              <strong>
                {t("funds.mismatch", { diff: formatOreNumber(forms.preview.mismatchOre, ctx.lang) })}
              </strong>
            </p>
          ) : null}
        </div>
      ) : null}
      <div class="tv-buttons">
        <button type="submit" name="action" value="preview" class="button button-secondary">
          {t("funds.form.preview")}
        </button>
        <button type="submit" name="action" value="save" class="button button-primary">
          {t("funds.form.saveGrant")}
        </button>
      </div>
    </form>
  );
}

function AttachForm({ ctx, path, forms }: { ctx: PageCtx; path: string; forms: FundForms }): Html {
  const { t } = ctx;
  return (
    <form method="post" action={`${path}/bilag`} novalidate aria-labelledby="attach-h">
      <h3 id="attach-h">{t("funds.form.attach")}</h3>
      <Failure ctx={ctx} forms={forms} form="attach" />
      <CsrfField ctx={ctx} />
      <SelectField
        id="attach-item"
        name="itemId"
        label={t("funds.form.item")}
        value={forms.values.attachItemId}
        options={[
          { value: "", label: t("funds.form.chooseItem") },
          ...forms.items.map((i) => ({ value: String(i.id), label: i.label })),
        ]}
        error={err(forms, "attach", "attach-item")}
      />
      <SelectField
        id="attach-edition"
        name="edition"
        label={t("funds.form.edition")}
        value={forms.values.edition ?? "public"}
        options={[
          { value: "public", label: t("funds.form.editionPublic") },
          { value: "full", label: t("funds.form.editionFull") },
        ]}
      />
      <button type="submit" class="button button-primary">
        {t("funds.form.attachSubmit")}
      </button>
    </form>
  );
}

function CarryForm({ ctx, path, forms }: { ctx: PageCtx; path: string; forms: FundForms }): Html {
  const { t } = ctx;
  return (
    <form method="post" action={`${path}/overfoersel`} novalidate aria-labelledby="carry-form-h">
      <h3 id="carry-form-h">{t("funds.form.carry")}</h3>
      <Failure ctx={ctx} forms={forms} form="carry" />
      <CsrfField ctx={ctx} />
      <TextField
        id="carry-year"
        name="fromYear"
        label={t("funds.form.fromYear")}
        value={forms.values.fromYear}
        inputmode="numeric"
        error={err(forms, "carry", "carry-year")}
      />
      <DateField
        ctx={ctx}
        id="carry-date"
        name="decidedOn"
        label={t("funds.form.decidedOn")}
        value={forms.values.decidedOn}
        error={err(forms, "carry", "carry-date")}
      />
      <button type="submit" class="button button-primary">
        {t("funds.form.carrySubmit")}
      </button>
    </form>
  );
}

/** The secretariat's forms under the status table: income, grant with split preview, attach, carry over. */
export function FundSecretariatForms(props: {
  ctx: PageCtx;
  path: string;
  status: FundStatus;
  forms: FundForms;
}): Html {
  const { t } = props.ctx;
  return (
    <section aria-labelledby="secretariat-h" class="tv-secretariat">
      <h2 id="secretariat-h">{t("funds.form.heading")}</h2>
      <p>
        <a href={`${props.path}/rediger`}>{t("funds.edit")}</a>
      </p>
      {props.forms.done ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.forms.done}</p>
          </div>
        </div>
      ) : null}
      <IncomeForm {...props} />
      <GrantForm {...props} />
      <AttachForm ctx={props.ctx} path={props.path} forms={props.forms} />
      <CarryForm ctx={props.ctx} path={props.path} forms={props.forms} />
    </section>
  );
}
