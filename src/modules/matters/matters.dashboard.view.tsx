import type { Html } from "#jsx/jsx-runtime";
import { formatDateTimeLong } from "../../web/format.ts";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { TMatter } from "./matters.schemas.ts";
import { bodyMattersPath, matterPath } from "./matters.urls.ts";

/**
 * The workspace front page's part: matters waiting for the reader (chair decisions for the chair group,
 * written procedures the member has not answered), and the secretariat's way to each body's matters.
 */
export function MattersAwaiting({
  ctx,
  list,
  bodies,
}: {
  ctx: PageCtx;
  list: TMatter[];
  bodies: { id: number; name: string; editor: boolean }[];
}): Html {
  const { t } = ctx;
  const editorBodies = bodies.filter((b) => b.editor);
  return (
    <section aria-labelledby="ws-matters">
      <h2 id="ws-matters">{t("matters.awaiting", { n: list.length })}</h2>
      {list.length === 0 ? (
        <p class="tv-meta">{t("matters.noneAwaiting")}</p>
      ) : (
        <ul class="tv-meetings">
          {list.map((m) => (
            <li>
              <a href={matterPath(m.id)}>{m.title}</a>
              <span class="tv-meta">
                {m.bodyName} · {t(`matters.procedure.${m.procedure}` as MessageKey)}
                {m.deadline
                  ? ` · ${t("matters.deadlineIs", { when: formatDateTimeLong(new Date(m.deadline), ctx.lang) })}`
                  : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editorBodies.length > 0 ? (
        <ul class="tv-bodies">
          {editorBodies.map((b) => (
            <li>
              <a href={bodyMattersPath(b.id)}>{t("matters.ofBody", { body: b.name })}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
