import type { FastifyInstance } from "fastify";
import type { Html } from "#jsx/jsx-runtime";
import { AppError } from "../../server/errors.ts";
import { CsrfField } from "../../server/layout.tsx";
import type { PageCtx } from "../../web/page.ts";
import { pageContext, sendPage } from "../../web/page.ts";
import { idFromSlugOr404 } from "../../web/slug.ts";
import { canEditBody } from "../auth/index.ts";
import { getBody } from "../bodies/index.ts";
import { getReferenceData } from "../reference/index.ts";
import { getBodyDashboard, saveBodyDashboard } from "./body-dashboard.ts";
import { lineFor } from "./dashboard.ts";
import { DashboardPage } from "./indicators.pages.tsx";
import type { TIndicator } from "./indicators.schemas.ts";
import { indicatorsByCodes, listIndicators } from "./indicators.service.ts";

const hidden = { schema: { hide: true } };
type Param = { Params: { id: string } };

function EditForm(props: {
  ctx: PageCtx;
  bodyId: number;
  all: TIndicator[];
  chosen: string[];
  area: string;
  areas: { value: string; label: string }[];
  error: string | null;
}): Html {
  const { t } = props.ctx;
  return (
    <form method="post" action={`/indikatorer/forum/${props.bodyId}`} class="tv-card">
      <CsrfField ctx={props.ctx} />
      <fieldset>
        <legend class="h3">{t("ind.bodyEdit")}</legend>
        {props.error ? <p class="form-error-message">{props.error}</p> : null}
        {props.all.map((i) => (
          <div class="form-group-checkbox">
            <input
              class="form-checkbox"
              type="checkbox"
              id={`ind-${i.code}`}
              name="indicators"
              value={i.code}
              checked={props.chosen.includes(i.code)}
            />
            <label for={`ind-${i.code}`}>{i.name}</label>
          </div>
        ))}
      </fieldset>
      <div class="form-group">
        <label class="form-label" for="area">
          {t("ind.bodyArea")}
        </label>
        <select class="form-select" id="area" name="area">
          {props.areas.map((a) => (
            <option value={a.value} selected={a.value === props.area}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        {t("ind.bodySave")}
      </button>
    </form>
  );
}

/** /indikatorer/forum/:id: the body's dashboard; its secretariat composes it on the same page. */
export async function bodyDashboardRoutes(app: FastifyInstance) {
  async function render(ctx: PageCtx, bodyId: number, error: string | null) {
    const body = await getBody(ctx.svc, bodyId);
    const config = await getBodyDashboard(ctx.svc, bodyId);
    const data = await getReferenceData(ctx.svc);
    const items = [];
    if (config) {
      for (const indicator of await indicatorsByCodes(ctx.svc, config.indicatorCodes)) {
        items.push({
          indicator,
          line: await lineFor(ctx.svc, indicator, { kind: config.areaKind, code: config.areaCode }, data),
        });
      }
    }
    const editable = canEditBody(ctx.actor, bodyId);
    const areas = data.areas
      .filter((a) => a.kind !== "municipality")
      .map((a) => ({ value: `${a.kind}:${a.code}`, label: a.name }));
    const extra = editable ? (
      EditForm({
        ctx,
        bodyId,
        all: await listIndicators(ctx.svc),
        chosen: config?.indicatorCodes ?? [],
        area: config ? `${config.areaKind}:${config.areaCode}` : "",
        areas,
        error,
      })
    ) : config ? null : (
      <p>{ctx.t("ind.bodyEmpty")}</p>
    );
    return DashboardPage({
      ctx,
      title: ctx.t("ind.bodyTitle", { name: body.name }),
      lead: ctx.t("ind.bodyLead"),
      items,
      extra,
    });
  }

  app.get<Param>("/indikatorer/forum/:id", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const id = idFromSlugOr404(req.params.id, "Forummet");
    return sendPage(reply, ctx, await render(ctx, id, null));
  });

  app.post<Param>("/indikatorer/forum/:id", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    const id = idFromSlugOr404(req.params.id, "Forummet");
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw = body.indicators;
    const codes = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string");
    try {
      await app.database.db.transaction((tx) =>
        saveBodyDashboard({ db: tx, actor: ctx.actor }, id, {
          indicatorCodes: codes,
          area: typeof body.area === "string" ? body.area : "",
        }),
      );
    } catch (err) {
      if (err instanceof AppError && err.code === "validation_failed") {
        return sendPage(reply, ctx, await render(ctx, id, err.message), 400);
      }
      throw err;
    }
    return reply.redirect(`/indikatorer/forum/${id}`, 303);
  });
}
