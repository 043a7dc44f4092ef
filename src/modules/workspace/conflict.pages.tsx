import type { Html } from "#jsx/jsx-runtime";
import { type Crumb, CsrfField, Layout } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";

export interface ConflictField {
  name: string;
  label: string;
  mine: string;
  theirs: string;
}

export interface ConflictData {
  title: string;
  crumbs: Crumb[];
  /** where the form posts (the same address as the form that met the conflict) */
  action: string;
  /** where "take theirs" leads: the form again, showing the saved version */
  reloadHref: string;
  /** the version now saved: a resubmission with it wins */
  version: number;
  /** every field of my form (hidden in "keep mine") */
  mine: Record<string, string>;
  /** the fields where mine and theirs differ */
  differing: ConflictField[];
}

/**
 * Someone saved first (409 version_conflict): both versions side by side, and three ways on —
 * keep mine (save my version over theirs), take theirs (go back to the form as saved), or merge by
 * hand (edit the differing fields, starting from mine, with theirs beside).
 */
export function ConflictPage({ ctx, data }: { ctx: PageCtx; data: ConflictData }): Html {
  const { t } = ctx;
  const differing = new Set(data.differing.map((f) => f.name));
  const hiddenMine = (skip: Set<string>) =>
    Object.entries(data.mine)
      .filter(([k]) => !skip.has(k) && k !== "version" && k !== "_csrf" && k !== "handling")
      .map(([k, v]) => <input type="hidden" name={k} value={v} />);
  return (
    <Layout
      ctx={ctx}
      title={`${t("ws.conflict.title")}: ${data.title}`}
      current="workspace"
      crumbs={data.crumbs}
    >
      <h1>{t("ws.conflict.title")}</h1>
      <div class="alert alert-warning" role="alert">
        <div class="alert-body">
          <p class="alert-heading">{data.title}</p>
          <p class="alert-text">{t("ws.conflict.text")}</p>
        </div>
      </div>
      {data.differing.length === 0 ? <p>{t("ws.conflict.same")}</p> : null}
      <div class="table--responsive-scroll">
        <table class="table tv-conflict">
          <caption>{t("ws.conflict.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("ws.conflict.field")}</th>
              <th scope="col">{t("ws.conflict.mine")}</th>
              <th scope="col">{t("ws.conflict.theirs")}</th>
            </tr>
          </thead>
          <tbody>
            {data.differing.map((f) => (
              <tr>
                <th scope="row">{f.label}</th>
                <td class="tv-pre">{f.mine || "–"}</td>
                <td class="tv-pre">{f.theirs || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="tv-buttons">
        <form method="post" action={data.action}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="version" value={String(data.version)} />
          {hiddenMine(new Set())}
          <button type="submit" class="button button-primary" name="handling" value="gem">
            {t("ws.conflict.keepMine")}
          </button>
        </form>
        <a class="button button-secondary" href={data.reloadHref}>
          {t("ws.conflict.takeTheirs")}
        </a>
      </div>
      {data.differing.length > 0 ? (
        <section aria-labelledby="merge-h" class="tv-panel">
          <h2 id="merge-h">{t("ws.conflict.merge")}</h2>
          <p>{t("ws.conflict.mergeHint")}</p>
          <form method="post" action={data.action}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={String(data.version)} />
            {hiddenMine(differing)}
            {data.differing.map((f, i) => (
              <div class="form-group">
                <label class="form-label" for={`merge-${i}`}>
                  {f.label}
                </label>
                <span class="form-hint" id={`merge-${i}-hint`}>
                  {t("ws.conflict.theirsWas")} {f.theirs || "–"}
                </span>
                <textarea
                  class="form-input"
                  id={`merge-${i}`}
                  name={f.name}
                  rows="4"
                  aria-describedby={`merge-${i}-hint`}
                >
                  {f.mine}
                </textarea>
              </div>
            ))}
            <button type="submit" class="button button-primary" name="handling" value="gem">
              {t("ws.conflict.saveMerged")}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

/** The fields where two flat versions differ, labelled for the conflict page. */
export function differingFields(
  mine: Record<string, string>,
  theirs: Record<string, string>,
  label: (name: string) => string,
): ConflictField[] {
  const names = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  const out: ConflictField[] = [];
  for (const name of names) {
    if (["version", "_csrf", "handling"].includes(name)) {
      continue;
    }
    const a = (mine[name] ?? "").trim();
    const b = (theirs[name] ?? "").trim();
    if (a !== b) {
      out.push({ name, label: label(name), mine: a, theirs: b });
    }
  }
  return out;
}
