/**
 * Form fields in DKFDS markup with the error conventions of docs/architecture.md ("Forms and CSRF"):
 * an alert summarising the problem, and `form-error` + `aria-invalid` + a message on each field.
 */
import type { Child, Html } from "#jsx/jsx-runtime";
import { formDate } from "../lib/danish-date.ts";
import type { PageCtx } from "./page.ts";

export type FieldErrors = Record<string, string>;

/** The alert above a form that failed, listing each field's problem with a link to it. */
export function ErrorSummary({
  ctx,
  heading,
  errors,
}: {
  ctx: PageCtx;
  heading: string;
  errors: FieldErrors;
}): Html | null {
  const entries = Object.entries(errors);
  if (entries.length === 0) {
    return null;
  }
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-heading">{heading}</p>
        <ul class="alert-text">
          {entries.map(([id, message]) => (
            <li>
              <a href={`#${id}`}>{message}</a>
            </li>
          ))}
        </ul>
        <p class="sr-only">{ctx.t("form.fixAndRetry")}</p>
      </div>
    </div>
  );
}

function Wrap(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children?: Child;
}): Html {
  return (
    <div class={props.error ? "form-group form-error" : "form-group"}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <span class="form-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="form-error-message" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
      {props.children}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function TextField(props: {
  id: string;
  name?: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  type?: string;
  required?: boolean;
  inputmode?: string;
  textarea?: boolean;
}): Html {
  const common = {
    class: props.textarea ? "form-input" : "form-input",
    id: props.id,
    name: props.name ?? props.id,
    required: props.required ?? false,
    "aria-invalid": props.error ? "true" : undefined,
    "aria-describedby": describedBy(props.id, props.hint, props.error),
  };
  return (
    <Wrap id={props.id} label={props.label} hint={props.hint} error={props.error}>
      {props.textarea ? (
        <textarea {...common} rows="4">
          {props.value ?? ""}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          value={props.value ?? ""}
          inputmode={props.inputmode}
        />
      )}
    </Wrap>
  );
}

/**
 * A date as Danes write it (a text field, not the browser's ISO date picker): a stored ISO value is shown
 * as "21-01-2027", what someone typed is shown as typed; the hint lists the accepted ways.
 */
export function DateField(props: {
  ctx: PageCtx;
  id: string;
  name?: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}): Html {
  return (
    <TextField
      id={props.id}
      name={props.name}
      label={props.label}
      hint={props.ctx.t("form.dateHint")}
      value={formDate(props.value)}
      error={props.error}
      required={props.required}
    />
  );
}

export function SelectField(props: {
  id: string;
  name?: string;
  label: string;
  value?: string | undefined;
  options: { value: string; label: string }[];
  hint?: string | undefined;
  error?: string | undefined;
}): Html {
  return (
    <Wrap id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <select
        class="form-select"
        id={props.id}
        name={props.name ?? props.id}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/**
 * A string field of a urlencoded form body ("" when missing or not a string). Never cut: the form's
 * schema says in Danish when a text is too long, and the request body limit bounds the rest.
 */
export const formString = (body: unknown, name: string): string => {
  const v = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === "string" ? v.trim() : "";
};
