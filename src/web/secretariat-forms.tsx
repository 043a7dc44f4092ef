/**
 * The secretariat's forms on the mandate and agreement pages: read a urlencoded form, check it with the
 * API's own Zod schema, run the change in one transaction, and either redirect (303, post/redirect/get) or
 * show the page again with 400 and Danish errors on the fields (docs/architecture.md, "Forms and CSRF").
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Child, Html } from "#jsx/jsx-runtime";
import { parseDanishDate } from "../lib/danish-date.ts";
import type { Ctx } from "../server/context.ts";
import { AppError } from "../server/errors.ts";
import { CsrfField } from "../server/layout.tsx";
import {
  DateField,
  ErrorSummary,
  type FieldErrors,
  formString,
  SelectField,
  TextField,
} from "./form-fields.tsx";
import { formatDate } from "./format.ts";
import type { PageCtx } from "./page.ts";
import { pageContext } from "./page.ts";

export interface FormState {
  form: string;
  values: Record<string, string>;
  errors: FieldErrors;
  message: string;
}

/** An item a decision can point to, labelled for the select. */
export interface ItemChoice {
  id: number;
  label: string;
}

export const formValues = (body: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const key of Object.keys((body ?? {}) as object)) {
    if (key !== "_csrf") {
      out[key] = formString(body, key);
    }
  }
  return out;
};

/** "" → undefined, so optional fields stay optional. */
export const opt = (v: string | undefined) => (v === undefined || v === "" ? undefined : v);
export const optInt = (v: string | undefined) => (opt(v) === undefined ? undefined : Number(v));

/** The field a path ("body.periodTo", "deliverables.0.dueOn") belongs to: `${form}-periodTo`. */
function fieldId(form: string, path: string): string {
  const first = path.replace(/^body\./, "").split(".")[0] ?? "";
  return `${form}-${first}`;
}

function errorsOf(
  form: string,
  fields: { path: string; message: string }[],
  fallback: string,
  message: string,
) {
  const out: FieldErrors = {};
  for (const f of fields) {
    out[fieldId(form, f.path)] ??= f.message;
  }
  if (Object.keys(out).length === 0) {
    out[`${form}-${fallback}`] = message;
  }
  return out;
}

/**
 * Runs one form: parse with the schema, change in a transaction, redirect; bad input or a refused
 * change shows the page again (400, or 403/409 for rights and state) with the errors at the fields.
 */
export async function runForm<S extends z.ZodType>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: {
    form: string;
    /** the field that gets a message that belongs to no field */
    fallback: string;
    schema: S;
    /** form fields holding a date: read as Danes write them (lib/danish-date.ts) and passed on as ISO */
    dates?: readonly string[];
    input: (values: Record<string, string>) => unknown;
    change: (svc: Ctx, input: z.infer<S>) => Promise<unknown>;
    render: (state: FormState, code: number) => Promise<unknown>;
    /** where to go after the change; a function runs after it (e.g. to the new row's page) */
    done: string | (() => string | Promise<string>);
  },
) {
  const ctx = pageContext(req, reply);
  const values = formValues(req.body);
  const fail = (fields: { path: string; message: string }[], message: string, code: number) =>
    opts.render(
      { form: opts.form, values, message, errors: errorsOf(opts.form, fields, opts.fallback, message) },
      code,
    );
  try {
    const { normalized, dateErrors } = readDates(ctx, values, opts.dates ?? []);
    // input() may throw a validation error of its own (a line of a list field it cannot read).
    const parsed = opts.schema.safeParse(opts.input(normalized));
    if (!parsed.success || dateErrors.length > 0) {
      const issues = parsed.success ? [] : parsed.error.issues;
      // A date that could not be read gets the Danish date message, not the schema's ISO one.
      const fields = [...dateErrors, ...issues.map((i) => ({ path: i.path.join("."), message: i.message }))];
      return fail(fields, ctx.t("secretariat.errorHeading"), 400);
    }
    await req.server.database.db.transaction((tx) => opts.change({ db: tx, actor: ctx.actor }, parsed.data));
  } catch (e) {
    if (!(e instanceof AppError) || e.code === "internal") {
      throw e;
    }
    const code =
      e.code === "validation_failed"
        ? 400
        : e.code === "forbidden" || e.code === "unauthenticated"
          ? 403
          : 409;
    return fail(e.fields ?? [], e.message, code);
  }
  return reply.redirect(typeof opts.done === "string" ? opts.done : await opts.done(), 303);
}

/** The form's values with its date fields as ISO, and an error for each date that cannot be read. */
function readDates(ctx: PageCtx, values: Record<string, string>, dates: readonly string[]) {
  const normalized = { ...values };
  const dateErrors: { path: string; message: string }[] = [];
  for (const name of dates) {
    const text = values[name]?.trim() ?? "";
    if (text === "") {
      continue;
    }
    const day = parseDanishDate(text);
    if (day) {
      normalized[name] = day;
    } else {
      dateErrors.push({ path: name, message: ctx.t("form.dateError") });
    }
  }
  return { normalized, dateErrors };
}

export function FormFailure({
  ctx,
  state,
  form,
}: {
  ctx: PageCtx;
  state: FormState | null;
  form: string;
}): Html | null {
  return state?.form === form ? (
    <ErrorSummary ctx={ctx} heading={state.message} errors={state.errors} />
  ) : null;
}

/** Value and error of a field of a form, from the state when that form failed. */
export function field(state: FormState | null, form: string, name: string, fallback = "") {
  const mine = state?.form === form;
  return {
    id: `${form}-${name}`,
    name,
    value: mine ? (state.values[name] ?? "") : fallback,
    error: mine ? state.errors[`${form}-${name}`] : undefined,
  };
}

/** The decision behind a change: the agenda item, the day (default: the meeting's) and a note. */
export function DecisionFields({
  ctx,
  state,
  form,
  items,
  note = true,
}: {
  ctx: PageCtx;
  state: FormState | null;
  form: string;
  items: ItemChoice[];
  note?: boolean;
}): Html {
  const { t } = ctx;
  const item = field(state, form, "itemId");
  return (
    <div>
      <SelectField
        {...item}
        label={t("secretariat.item")}
        hint={t("secretariat.itemHint")}
        options={[
          { value: "", label: t("secretariat.noItem") },
          ...items.map((i) => ({ value: String(i.id), label: i.label })),
        ]}
      />
      <DateField ctx={ctx} {...field(state, form, "on")} label={t("secretariat.on")} />
      {note ? <TextField {...field(state, form, "note")} label={t("secretariat.note")} textarea /> : null}
    </div>
  );
}

/** The form shell: heading, failure summary, CSRF field, the fields and a submit button. */
export function SecretariatForm(props: {
  ctx: PageCtx;
  state: FormState | null;
  form: string;
  action: string;
  heading: string;
  submit: string;
  children?: Child;
}): Html {
  return (
    <form method="post" action={props.action} novalidate aria-labelledby={`${props.form}-h`} class="tv-form">
      <h3 id={`${props.form}-h`}>{props.heading}</h3>
      <FormFailure ctx={props.ctx} state={props.state} form={props.form} />
      <CsrfField ctx={props.ctx} />
      {props.children}
      <button type="submit" class="button button-primary">
        {props.submit}
      </button>
    </form>
  );
}

/** Labels for items: "SSU 5. marts 2025 · 3. Title". */
export function itemLabel(
  ctx: PageCtx,
  body: string,
  start: Date | string,
  number: number,
  title: string,
): string {
  return `${body} ${formatDate(new Date(start), ctx.lang)} · ${number}. ${title}`;
}

/** A DKFDS checkbox sending "1" when checked. */
export function Checkbox({
  id,
  name,
  label,
  checked,
}: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
}): Html {
  return (
    <div class="form-group">
      <div class="form-group-checkbox">
        <input id={id} type="checkbox" name={name} value="1" class="form-checkbox" checked={checked} />
        <label class="form-label" for={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
