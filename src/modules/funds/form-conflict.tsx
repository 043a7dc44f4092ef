/**
 * A stale version (409 version_conflict) on the secretariat's edit forms of funds and initiatives: the
 * form comes back with the reader's own values, each field that differs from the saved version is marked
 * with the saved value, and the hidden version becomes the saved one — so saving again is a deliberate
 * "keep mine", never a silent overwrite. Used by funds and initiatives (which imports funds, not back).
 */
import type { Html } from "#jsx/jsx-runtime";
import type { FieldErrors } from "../../web/form-fields.tsx";
import type { PageCtx } from "../../web/page.ts";
import type { FormState } from "../../web/secretariat-forms.tsx";

/**
 * The conflict's field errors: for every logical field whose shown value differs between mine and the
 * saved version, "In the saved version: …" at `${form}-${name}`. Values are display strings. Pure.
 */
export function conflictErrors(
  ctx: Pick<PageCtx, "t">,
  form: string,
  mine: Record<string, string>,
  saved: Record<string, string>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of new Set([...Object.keys(mine), ...Object.keys(saved)])) {
    const theirs = saved[name] ?? "";
    if ((mine[name] ?? "") !== theirs) {
      errors[`${form}-${name}`] = ctx.t("money.conflictField", { value: theirs || ctx.t("money.empty") });
    }
  }
  return errors;
}

/** The state a 409 re-render shows: the reader's values, the conflict message, the differing fields. */
export function conflictState(
  ctx: Pick<PageCtx, "t">,
  state: FormState,
  mine: Record<string, string>,
  saved: Record<string, string>,
  fallback: string,
): FormState {
  const errors = conflictErrors(ctx, state.form, mine, saved);
  if (Object.keys(errors).length === 0) {
    errors[`${state.form}-${fallback}`] = ctx.t("money.conflict");
  }
  return { ...state, message: ctx.t("money.conflict"), errors };
}

/** What to do next after a conflict: save again (the form) or fetch the saved version. */
export function ConflictHint({ ctx, reload }: { ctx: PageCtx; reload: string }): Html {
  return (
    <div class="alert alert-warning" role="status">
      <div class="alert-body">
        <p class="alert-text">
          {ctx.t("money.conflictHint")} <a href={reload}>{ctx.t("money.reload")}</a>
        </p>
      </div>
    </div>
  );
}
