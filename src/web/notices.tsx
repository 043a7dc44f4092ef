import type { Html } from "#jsx/jsx-runtime";

/**
 * What a page says after a step: the success of the last post (`?gemt=`, a polite status) and a problem
 * with a whole-page action (an alert). Either may be absent.
 */
export function Notices({ done, problem }: { done?: string | null; problem?: string | null }): Html {
  return (
    <>
      {done ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{done}</p>
          </div>
        </div>
      ) : null}
      {problem ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-text">{problem}</p>
          </div>
        </div>
      ) : null}
    </>
  );
}
