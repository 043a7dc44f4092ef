import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import { DateField, SelectField, TextField } from "../../web/form-fields.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import {
  Checkbox,
  DecisionFields,
  FormFailure,
  type FormState,
  field,
  type ItemChoice,
  SecretariatForm,
} from "../../web/secretariat-forms.tsx";
import type { TBody } from "../bodies/index.ts";
import { moveProblem } from "./agreements.rules.ts";
import type { TAgreement } from "./agreements.schemas.ts";
import { AGREEMENT_KINDS, REMARK_HANDLINGS, REVISION_TRACKS } from "./agreements.tables.ts";

type Remark = TAgreement["hearings"][number]["responses"] extends (infer R)[] | null
  ? R extends { remarks: (infer M)[] }
    ? M
    : never
  : never;

/** The handling of one remark: a small form in the matrix row. */
export function RemarkForm({
  ctx,
  remark,
  state,
  path,
}: {
  ctx: PageCtx;
  remark: Remark;
  state: FormState | null;
  path: string;
}): Html {
  const { t } = ctx;
  const form = `remark${remark.id}`;
  return (
    <form method="post" action={`${path}/bemaerkning/${remark.id}`} novalidate class="tv-remark-form">
      <FormFailure ctx={ctx} state={state} form={form} />
      <CsrfField ctx={ctx} />
      <input type="hidden" name="version" value={String(remark.version)} />
      <SelectField
        {...field(state, form, "handling", remark.handling ?? "")}
        label={t("form.handling")}
        options={[
          { value: "", label: t("agreements.handling.pending") },
          ...REMARK_HANDLINGS.map((h) => ({ value: h, label: t(`agreements.handling.${h}`) })),
        ]}
      />
      <TextField {...field(state, form, "answer", remark.answer)} label={t("form.answer")} textarea />
      <button type="submit" class="button button-secondary">
        {t("form.handleRemark")}
      </button>
    </form>
  );
}

const bodyOptions = (bodies: Map<number, TBody>) =>
  [...bodies.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "da"))
    .map((b) => ({ value: String(b.id), label: b.name }));

/** The owner secretariat's forms on an agreement's page. */
export function AgreementForms({
  ctx,
  agreement: a,
  bodies,
  editor,
}: {
  ctx: PageCtx;
  agreement: TAgreement;
  bodies: Map<number, TBody>;
  editor: { items: ItemChoice[]; state: FormState | null; path: string };
}): Html {
  const { t } = ctx;
  const { state, items, path } = editor;
  const f = (form: string, name: string, fallback = "") => field(state, form, name, fallback);
  const open = a.hearings.find((h) => h.closedOn === null);
  const newest = a.versions.at(-1) ?? a.versions[0];
  const newestVersion = a.versions.reduce((m, v) => (v.number > (m?.number ?? 0) ? v : m), newest);
  const may = (to: TAgreement["status"]) => moveProblem(a.status, to) === null;
  const checked = (form: string, name: string, dflt: boolean) =>
    state?.form === form ? state.values[name] === "1" : dflt;
  return (
    <section aria-labelledby="secretariat-h" class="tv-secretariat">
      <h2 id="secretariat-h">{t("secretariat.heading")}</h2>
      {open ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="response"
          action={`${path}/svar`}
          heading={t("form.recordResponse")}
          submit={t("form.saveResponse")}
        >
          <input type="hidden" name="hearingId" value={String(open.id)} />
          <SelectField
            {...f("response", "partyName")}
            label={t("form.party")}
            options={open.invitees.map((i) => ({ value: i.name, label: i.name }))}
          />
          <DateField ctx={ctx} {...f("response", "receivedOn")} label={t("form.receivedOn")} required />
          <TextField
            {...f("response", "text")}
            label={t("form.responseText")}
            hint={t("form.responseTextHint")}
            textarea
            required
          />
        </SecretariatForm>
      ) : null}
      {open ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="close"
          action={`${path}/afslut-hoering`}
          heading={t("form.closeHearing")}
          submit={t("form.closeHearing")}
        >
          <input type="hidden" name="hearingId" value={String(open.id)} />
          <DateField ctx={ctx} {...f("close", "closedOn")} label={t("form.closedOn")} required />
          <Checkbox
            id="close-publishResponses"
            name="publishResponses"
            label={t("form.publishResponses")}
            checked={checked("close", "publishResponses", true)}
          />
        </SecretariatForm>
      ) : null}
      {may("approved") ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="approve"
          action={`${path}/godkend`}
          heading={t("form.approve")}
          submit={t("form.approveSubmit")}
        >
          <input type="hidden" name="versionId" value={String(newestVersion?.id ?? "")} />
          <SelectField
            {...f("approve", "bodyId", String(a.ownerBodyId))}
            label={t("form.approver")}
            options={bodyOptions(bodies)}
          />
          <DecisionFields ctx={ctx} state={state} form="approve" items={items} />
          <Checkbox
            id="approve-publishResponses"
            name="publishResponses"
            label={t("form.publishResponses")}
            checked={checked("approve", "publishResponses", true)}
          />
        </SecretariatForm>
      ) : null}
      {may("hearing") ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="hearing"
          action={`${path}/hoering`}
          heading={t("form.startHearing")}
          submit={t("form.startHearing")}
        >
          <DateField ctx={ctx} {...f("hearing", "startsOn")} label={t("form.startsOn")} required />
          <DateField ctx={ctx} {...f("hearing", "endsOn")} label={t("form.endsOn")} required />
          <TextField
            {...f("hearing", "invitees")}
            label={t("form.invitees")}
            hint={t("form.inviteesHint")}
            textarea
            required
          />
          <DecisionFields ctx={ctx} state={state} form="hearing" items={items} />
        </SecretariatForm>
      ) : null}
      {a.status !== "replaced" && a.status !== "hearing" ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="version"
          action={`${path}/version`}
          heading={t("form.newVersion")}
          submit={t("form.addVersion")}
        >
          <TextField {...f("version", "label")} label={t("form.versionLabel")} required />
          <SelectField
            {...f("version", "track", "major")}
            label={t("form.track")}
            options={REVISION_TRACKS.map((k) => ({ value: k, label: t(`agreements.track.${k}`) }))}
          />
          <TextField {...f("version", "changeNote")} label={t("form.changeNote")} textarea />
          <TextField {...f("version", "text")} label={t("form.versionText")} textarea />
        </SecretariatForm>
      ) : null}
      {(["implementation", "revision", "replaced", "draft"] as const).some(may) ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="move"
          action={`${path}/status`}
          heading={t("form.move")}
          submit={t("form.moveSubmit")}
        >
          <SelectField
            {...f("move", "to")}
            label={t("form.moveTo")}
            options={(["implementation", "revision", "replaced", "draft"] as const)
              .filter(may)
              .map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
          />
          <SelectField
            {...f("move", "bodyId", String(a.ownerBodyId))}
            label={t("secretariat.body")}
            options={bodyOptions(bodies)}
          />
          <DecisionFields ctx={ctx} state={state} form="move" items={items} />
        </SecretariatForm>
      ) : null}
    </section>
  );
}

/** /aftaler/ny: the form for a new draft agreement. */
export function NewAgreementPage({
  ctx,
  owners,
  state,
}: {
  ctx: PageCtx;
  owners: TBody[];
  state: FormState | null;
}): Html {
  const { t } = ctx;
  const f = (name: string, fallback = "") => field(state, "new", name, fallback);
  return (
    <Layout
      ctx={ctx}
      title={t("form.newAgreement")}
      current="toolbox"
      crumbs={[
        { text: t("nav.front"), href: "/" },
        { text: t("toolbox.title"), href: "/vaerktoejskasse" },
        { text: t("form.newAgreement") },
      ]}
    >
      <h1>{t("form.newAgreement")}</h1>
      <SecretariatForm
        ctx={ctx}
        state={state}
        form="new"
        action="/aftaler/ny"
        heading={t("form.newAgreement")}
        submit={t("form.create")}
      >
        <TextField {...f("title")} label={t("form.title")} required />
        <SelectField
          {...f("kind", "cooperation_agreement")}
          label={t("form.kind")}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kind.${k}` as MessageKey) }))}
        />
        <TextField {...f("theme")} label={t("form.theme")} required />
        <TextField {...f("summary")} label={t("form.summary")} textarea />
        <SelectField
          {...f("ownerBodyId")}
          label={t("form.owner")}
          options={owners.map((b) => ({ value: String(b.id), label: b.name }))}
        />
        <TextField {...f("contactName")} label={t("form.contactName")} />
        <TextField {...f("contactEmail")} label={t("form.contactEmail")} type="email" />
        <TextField {...f("label", "Udkast")} label={t("form.versionLabel")} required />
        <TextField {...f("text")} label={t("form.versionText")} textarea />
      </SecretariatForm>
    </Layout>
  );
}
