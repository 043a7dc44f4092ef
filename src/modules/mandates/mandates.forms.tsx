import type { Html } from "#jsx/jsx-runtime";
import { DateField, SelectField, TextField } from "../../web/form-fields.tsx";
import type { PageCtx } from "../../web/page.ts";
import {
  Checkbox,
  DecisionFields,
  type FormState,
  field,
  type ItemChoice,
  SecretariatForm,
} from "../../web/secretariat-forms.tsx";
import type { TBody } from "../bodies/index.ts";
import { deliverableLines, seatLines } from "./mandates.rules.ts";
import { GROUP_KINDS, type TMandate, type TMandateVersion } from "./mandates.schemas.ts";

const bodyOptions = (ctx: PageCtx, bodies: Map<number, TBody>) => [
  { value: "", label: ctx.t("form.none") },
  ...[...bodies.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "da"))
    .map((b) => ({ value: String(b.id), label: b.name })),
];

/** The fields of a mandate version, prefilled from a version (or the failed post). */
export function MandateFields({
  ctx,
  state,
  form,
  bodies,
  from,
}: {
  ctx: PageCtx;
  state: FormState | null;
  form: string;
  bodies: Map<number, TBody>;
  from: TMandateVersion | null;
}): Html {
  const { t } = ctx;
  const f = (name: string, fallback = "") => field(state, form, name, fallback);
  return (
    <div>
      <TextField {...f("purpose", from?.purpose)} label={t("form.purpose")} textarea required />
      <DateField ctx={ctx} {...f("periodFrom", from?.periodFrom)} label={t("form.periodFrom")} required />
      <DateField ctx={ctx} {...f("periodTo", from?.periodTo ?? "")} label={t("form.periodTo")} />
      <SelectField
        {...f("reportsToId", from?.reportsToId ? String(from.reportsToId) : "")}
        label={t("mandates.reportsTo")}
        options={bodyOptions(ctx, bodies)}
      />
      <SelectField
        {...f("approverBodyId", from?.approverBodyId ? String(from.approverBodyId) : "")}
        label={t("form.approverBody")}
        options={bodyOptions(ctx, bodies)}
      />
      <TextField
        {...f("composition", from ? seatLines(from.composition) : "")}
        label={t("form.composition")}
        hint={t("form.compositionHint")}
        textarea
      />
      <TextField
        {...f("deliverables", from ? deliverableLines(from.deliverables) : "")}
        label={t("form.deliverables")}
        hint={t("form.deliverablesHint")}
        textarea
      />
    </div>
  );
}

/** The secretariat's forms on a group's mandate page. */
export function MandateForms({
  ctx,
  mandate,
  bodies,
  editor,
}: {
  ctx: PageCtx;
  mandate: TMandate;
  bodies: Map<number, TBody>;
  editor: { items: ItemChoice[]; state: FormState | null; path: string };
}): Html {
  const { t } = ctx;
  const { state, items, path } = editor;
  const newest = mandate.versions[0] ?? null;
  const checked = (form: string, name: string) => state?.form === form && state.values[name] === "1";
  const open = mandate.status !== "closed";
  return (
    <section aria-labelledby="secretariat-h" class="tv-secretariat">
      <h2 id="secretariat-h">{t("secretariat.heading")}</h2>
      {newest && !newest.approvedOn ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="approve"
          action={`${path}/godkend`}
          heading={t("form.approveVersion", { number: newest.number })}
          submit={t("form.approveVersionSubmit")}
        >
          <input type="hidden" name="versionId" value={String(newest.id)} />
          <DecisionFields ctx={ctx} state={state} form="approve" items={items} />
        </SecretariatForm>
      ) : null}
      {open ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="report"
          action={`${path}/afrapportering`}
          heading={t("form.report")}
          submit={t("form.reportSubmit")}
        >
          <SelectField
            {...field(state, "report", "deliverable")}
            label={t("form.reportDeliverable")}
            options={[
              { value: "", label: t("form.reportGeneral") },
              ...mandate.deliverables.map((d) => ({ value: d.title, label: d.title })),
            ]}
          />
          <DecisionFields ctx={ctx} state={state} form="report" items={items} />
        </SecretariatForm>
      ) : null}
      {open ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="revise"
          action={`${path}/revider`}
          heading={t("form.revise")}
          submit={t("form.reviseSubmit")}
        >
          <MandateFields ctx={ctx} state={state} form="revise" bodies={bodies} from={newest} />
          <TextField
            {...field(state, "revise", "changeNote")}
            label={t("form.changeNote")}
            textarea
            required
          />
          <Checkbox
            id="revise-continued"
            name="continued"
            label={t("form.continued")}
            checked={checked("revise", "continued")}
          />
          <Checkbox
            id="revise-approved"
            name="approved"
            label={t("form.approvedNow")}
            checked={checked("revise", "approved")}
          />
          <DecisionFields ctx={ctx} state={state} form="revise" items={items} note={false} />
        </SecretariatForm>
      ) : null}
      {open ? (
        <SecretariatForm
          ctx={ctx}
          state={state}
          form="status"
          action={`${path}/status`}
          heading={t("form.status")}
          submit={t("form.statusSubmit")}
        >
          <SelectField
            {...field(state, "status", "change")}
            label={t("form.statusChange")}
            options={(["continued", "standby", "resumed", "closed"] as const).map((c) => ({
              value: c,
              label: t(`mandates.event.${c}`),
            }))}
          />
          <DecisionFields ctx={ctx} state={state} form="status" items={items} />
        </SecretariatForm>
      ) : null}
    </section>
  );
}

/** Setting up a group under a body (on the body's groups page). */
export function SetUpForm({
  ctx,
  state,
  action,
  bodies,
  parentId,
  items,
}: {
  ctx: PageCtx;
  state: FormState | null;
  action: string;
  bodies: Map<number, TBody>;
  parentId: number;
  items: ItemChoice[];
}): Html {
  const { t } = ctx;
  const f = (name: string, fallback = "") => field(state, "setup", name, fallback);
  const from = { reportsToId: parentId, approverBodyId: parentId } as TMandateVersion;
  return (
    <SecretariatForm
      ctx={ctx}
      state={state}
      form="setup"
      action={action}
      heading={t("groups.setUp")}
      submit={t("form.setUpSubmit")}
    >
      <TextField {...f("name")} label={t("form.groupName")} required />
      <TextField {...f("shortName")} label={t("form.groupShortName")} />
      <SelectField
        {...f("kind", "ad_hoc_group")}
        label={t("form.groupKind")}
        options={GROUP_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
      />
      <MandateFields
        ctx={ctx}
        state={state}
        form="setup"
        bodies={bodies}
        from={
          state
            ? null
            : { ...from, purpose: "", periodFrom: "", periodTo: null, composition: [], deliverables: [] }
        }
      />
      <Checkbox
        id="setup-approved"
        name="approved"
        label={t("form.approvedNow")}
        checked={state?.form === "setup" ? state.values.approved === "1" : true}
      />
      <DecisionFields ctx={ctx} state={state} form="setup" items={items} />
    </SecretariatForm>
  );
}
