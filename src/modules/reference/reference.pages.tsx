import type { Html } from "#jsx/jsx-runtime";
import { CsrfField, Layout } from "../../server/layout.tsx";
import type { MessageKey } from "../../web/i18n.ts";
import type { PageCtx } from "../../web/page.ts";
import type { ReferenceData } from "./reference.data.ts";
import type { LoadResult } from "./reference.service.ts";
import { AREA_KINDS } from "./reference.tables.ts";

export interface ReferencePageData {
  data: ReferenceData;
  canLoad: boolean;
  result: LoadResult | null;
  problems: { path: string; message: string }[];
  message: string | null;
}

/** /referencedata: what the reference data holds (public), and for admins the loading forms. */
export function ReferencePage({ ctx, page }: { ctx: PageCtx; page: ReferencePageData }): Html {
  const { t } = ctx;
  const { data } = page;
  return (
    <Layout
      ctx={ctx}
      title={t("ref.title")}
      crumbs={[{ text: t("nav.front"), href: "/" }, { text: t("ref.title") }]}
    >
      <h1>{t("ref.title")}</h1>
      <p class="font-lead">{t("ref.lead")}</p>
      {page.result ? (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">
              {t("ref.loaded", {
                areas: page.result.areas.created,
                areasUpdated: page.result.areas.updated,
                memberships: page.result.memberships.created,
                parties: page.result.parties.created,
                partiesUpdated: page.result.parties.updated,
              })}
            </p>
          </div>
        </div>
      ) : null}
      {page.message ? (
        <div class="alert alert-error" role="alert">
          <div class="alert-body">
            <p class="alert-heading">{page.message}</p>
            <ul class="alert-text">
              {page.problems.map((p) => (
                <li>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <table class="table">
        <caption>{t("ref.countsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ref.kind")}</th>
            <th scope="col" class="text-align-right">
              {t("ref.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {AREA_KINDS.map((k) => (
            <tr>
              <th scope="row">{t(`ref.kind.${k}` as MessageKey)}</th>
              <td class="text-align-right">{String(data.areas.filter((a) => a.kind === k).length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("ref.sourcesNote")}</p>
      {page.canLoad ? <LoadForms ctx={ctx} /> : null}
      <h2>{t("ref.areasHeading")}</h2>
      <table class="table table--compact">
        <caption>{t("ref.areasCaption", { n: data.areas.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ref.kind")}</th>
            <th scope="col">{t("dkmap.code")}</th>
            <th scope="col">{t("ref.name")}</th>
            <th scope="col">{t("ref.from")}</th>
            <th scope="col">{t("ref.to")}</th>
            <th scope="col">{t("ref.source")}</th>
          </tr>
        </thead>
        <tbody>
          {data.areas.map((a) => (
            <tr>
              <td>{t(`ref.kind.${a.kind}` as MessageKey)}</td>
              <td>{a.code}</td>
              <th scope="row">{a.name}</th>
              <td>{a.validFrom ?? ""}</td>
              <td>{a.validTo ?? ""}</td>
              <td>{a.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

function LoadForms({ ctx }: { ctx: PageCtx }): Html {
  const { t } = ctx;
  return (
    <section aria-labelledby="indlaes">
      <h2 id="indlaes">{t("ref.loadHeading")}</h2>
      <form method="post" action="/referencedata/indlaes">
        <CsrfField ctx={ctx} />
        <p>{t("ref.loadShippedHint")}</p>
        <button type="submit" class="button button-primary">
          {t("ref.loadShipped")}
        </button>
      </form>
      <h3>{t("ref.uploadHeading")}</h3>
      <p>{t("ref.uploadHint")}</p>
      <form method="post" action="/referencedata/upload" enctype="multipart/form-data">
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label class="form-label" for="ref-areas">
            {t("ref.areasFile")}
          </label>
          <input class="form-input" type="file" id="ref-areas" name="areas" accept=".csv,text/csv" />
        </div>
        <div class="form-group">
          <label class="form-label" for="ref-memberships">
            {t("ref.membershipsFile")}
          </label>
          <input
            class="form-input"
            type="file"
            id="ref-memberships"
            name="memberships"
            accept=".csv,text/csv"
          />
        </div>
        <button type="submit" class="button button-secondary">
          {t("ref.upload")}
        </button>
      </form>
    </section>
  );
}
