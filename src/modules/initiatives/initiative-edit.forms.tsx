import type { Child, Html } from "#jsx/jsx-runtime";
import { Layout } from "../../server/layout.tsx";
import { DateField, SelectField, TextField } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import { type FormState, field, SecretariatForm } from "../../web/secretariat-forms.tsx";
import type { TBody } from "../bodies/index.ts";
import { ConflictHint } from "../funds/index.ts";
import type { TParty } from "../parties/index.ts";
import type { TInitiative } from "./initiatives.schemas.ts";
import { INITIATIVE_SCOPES } from "./initiatives.tables.ts";
import { initiativePath } from "./initiatives.urls.ts";

/** What the form offers: owners the reader may choose, known regions and clusters, every party. */
export interface InitiativeChoices {
  owners: TBody[];
  /** an admin may leave the owner empty; a secretary must choose a body of their own */
  allowNoOwner: boolean;
  regions: string[];
  clusters: string[];
  parties: TParty[];
  agreements: string[];
}

export interface InitiativeFormData extends InitiativeChoices {
  /** null for a new initiative */
  initiative: TInitiative | null;
  state: FormState | null;
  /** the version the form carries: the one read, or the saved one after a conflict */
  version: number | null;
  conflict: boolean;
}

const FORM = "init";

/** The form's values of a saved initiative (checkboxes: part-<id> = "1", klynge-<n> = the cluster). */
export function initiativeValues(i: TInitiative, clusters: string[]): Record<string, string> {
  const out: Record<string, string> = {
    title: i.title,
    description: i.description,
    agreement: i.agreement,
    focusArea: i.focusArea,
    scope: i.scope,
    ownerBodyId: i.ownerBodyId === null ? "" : String(i.ownerBodyId),
    region: i.region ?? "",
    targetGroup: i.targetGroup,
    theme: i.theme,
    periodFrom: i.periodFrom ?? "",
    periodTo: i.periodTo ?? "",
    evaluationPlan: i.evaluationPlan,
  };
  for (const id of i.partyIds) {
    out[`part-${id}`] = "1";
  }
  clusters.forEach((c, n) => {
    if (i.clusters.includes(c)) {
      out[`klynge-${n}`] = c;
    }
  });
  return out;
}

/** A checkbox with its own value (DKFDS markup). */
function Choice(props: { id: string; name: string; value: string; label: string; checked: boolean }): Html {
  return (
    <div class="form-group-checkbox">
      <input
        id={props.id}
        type="checkbox"
        name={props.name}
        value={props.value}
        class="form-checkbox"
        checked={props.checked}
      />
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}

/** A group of checkboxes with a legend, a hint and the group's error. */
function ChoiceGroup(props: {
  id: string;
  legend: string;
  hint?: string;
  error: string | undefined;
  children?: Child;
}): Html {
  return (
    <fieldset
      id={props.id}
      class={props.error ? "form-group form-error" : "form-group"}
      aria-describedby={props.hint ? `${props.id}-hint` : undefined}
    >
      <legend class="form-label">{props.legend}</legend>
      {props.hint ? (
        <span class="form-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? <span class="form-error-message">{props.error}</span> : null}
      {props.children}
    </fieldset>
  );
}

function Fields({ ctx, data }: { ctx: PageCtx; data: InitiativeFormData }): Html {
  const { t } = ctx;
  const { state, initiative } = data;
  const mine = state?.form === FORM;
  const saved = initiative
    ? initiativeValues(initiative, data.clusters)
    : { agreement: data.agreements[0] ?? "", scope: "joint", ownerBodyId: String(data.owners[0]?.id ?? "") };
  const f = (name: string) => field(state, FORM, name, (saved as Record<string, string>)[name] ?? "");
  const checked = (name: string) =>
    mine ? Boolean(state.values[name]) : Boolean((saved as Record<string, string>)[name]);
  const err = (name: string) => (mine ? state.errors[`${FORM}-${name}`] : undefined);
  return (
    <div>
      <TextField {...f("title")} label={t("initiatives.form.title")} required />
      <TextField
        {...f("description")}
        label={t("initiatives.form.description")}
        hint={t("initiatives.form.textHint")}
        textarea
      />
      <TextField
        {...f("agreement")}
        label={t("initiatives.agreement")}
        hint={t("initiatives.form.agreementHint")}
        required
      />
      <TextField
        {...f("focusArea")}
        label={t("initiatives.focusArea")}
        hint={t("initiatives.form.focusAreaHint")}
        required
      />
      <SelectField
        {...f("scope")}
        label={t("initiatives.scope")}
        options={INITIATIVE_SCOPES.map((s) => ({
          value: s,
          label: t(`initiatives.scope.${s}` as MessageKey),
        }))}
      />
      <SelectField
        {...f("ownerBodyId")}
        label={t("initiatives.owner")}
        hint={t("initiatives.form.ownerHint")}
        options={[
          ...(data.allowNoOwner ? [{ value: "", label: t("initiatives.form.noOwner") }] : []),
          ...data.owners.map((b) => ({ value: String(b.id), label: b.name })),
        ]}
      />
      <SelectField
        {...f("region")}
        label={t("initiatives.region")}
        options={[
          { value: "", label: t("initiatives.form.noRegion") },
          ...data.regions.map((r) => ({ value: r, label: r })),
        ]}
      />
      <ChoiceGroup
        id={`${FORM}-clusters`}
        legend={t("initiatives.form.clusters")}
        hint={t("initiatives.form.clustersHint")}
        error={err("clusters")}
      >
        {data.clusters.map((c, n) => (
          <Choice
            id={`${FORM}-klynge-${n}`}
            name={`klynge-${n}`}
            value={c}
            label={c}
            checked={checked(`klynge-${n}`)}
          />
        ))}
        <TextField
          id={`${FORM}-klynge-ny`}
          name="klynge-ny"
          label={t("initiatives.form.otherCluster")}
          value={mine ? state.values["klynge-ny"] : ""}
        />
      </ChoiceGroup>
      <ChoiceGroup id={`${FORM}-partyIds`} legend={t("initiatives.form.parties")} error={err("partyIds")}>
        {data.parties.map((p) => (
          <Choice
            id={`${FORM}-part-${p.id}`}
            name={`part-${p.id}`}
            value="1"
            label={p.name}
            checked={checked(`part-${p.id}`)}
          />
        ))}
      </ChoiceGroup>
      <TextField {...f("targetGroup")} label={t("initiatives.targetGroup")} required />
      <TextField {...f("theme")} label={t("initiatives.theme")} required />
      <DateField ctx={ctx} {...f("periodFrom")} label={t("initiatives.form.periodFrom")} />
      <DateField ctx={ctx} {...f("periodTo")} label={t("initiatives.form.periodTo")} />
      <TextField
        {...f("evaluationPlan")}
        label={t("initiatives.evaluation")}
        hint={t("initiatives.form.textHint")}
        textarea
      />
    </div>
  );
}

/** /indsatser/ny and /indsatser/<id>/rediger: an initiative's own fields (status has its own form). */
export function InitiativeFormPage({ ctx, data }: { ctx: PageCtx; data: InitiativeFormData }): Html {
  const { t } = ctx;
  const i = data.initiative;
  const title = i ? t("initiatives.editTitle", { title: i.title }) : t("initiatives.newTitle");
  const path = i ? initiativePath(i) : null;
  return (
    <Layout
      ctx={ctx}
      title={title}
      current="initiatives"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("initiatives.title"), href: "/indsatser" },
        ...(i && path ? [{ text: i.title, href: path }, { text: t("initiatives.edit") }] : [{ text: title }]),
      ]}
    >
      <h1>{title}</h1>
      <p>{t("initiatives.form.public")}</p>
      {data.conflict && path ? <ConflictHint ctx={ctx} reload={`${path}/rediger`} /> : null}
      <SecretariatForm
        ctx={ctx}
        state={data.state}
        form={FORM}
        action={path ? `${path}/rediger` : "/indsatser/ny"}
        heading={i ? t("initiatives.edit") : t("initiatives.newTitle")}
        submit={i ? t("initiatives.form.save") : t("initiatives.form.create")}
      >
        {data.version !== null ? <input type="hidden" name="version" value={String(data.version)} /> : null}
        <Fields ctx={ctx} data={data} />
      </SecretariatForm>
      <p>
        <a href={path ?? "/indsatser"}>{t("money.cancel")}</a>
      </p>
    </Layout>
  );
}
