import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import { AppError } from "../../server/errors.ts";
import { readMultipartForm } from "../../web/multipart.ts";
import { type PageCtx, pageContext, sendPage } from "../../web/page.ts";
import { isPrivileged } from "../auth/index.ts";
import { parseAreas, parseMemberships, type ReferenceData, shippedReferenceData } from "./reference.data.ts";
import { ReferencePage, type ReferencePageData } from "./reference.pages.tsx";
import { getReferenceData, type LoadResult, loadReference } from "./reference.service.ts";

const hidden = { schema: { hide: true } };

/** /referencedata: the reference data for everyone; loading the shipped data or a CSV for admins. */
export async function referencePageRoutes(app: FastifyInstance) {
  async function render(
    reply: FastifyReply,
    ctx: PageCtx,
    extra: Partial<ReferencePageData> = {},
    code = 200,
  ) {
    const page: ReferencePageData = {
      data: await getReferenceData(ctx.svc),
      canLoad: isPrivileged(ctx.actor),
      result: null,
      problems: [],
      message: null,
      ...extra,
    };
    return sendPage(reply, ctx, ReferencePage({ ctx, page }), code);
  }

  async function load(reply: FastifyReply, ctx: PageCtx, input: ReferenceData) {
    let result: LoadResult;
    try {
      result = await loadReference({ db: app.database.db, actor: ctx.actor }, input);
    } catch (err) {
      if (err instanceof AppError && err.code === "validation_failed") {
        return render(reply, ctx, { message: err.message, problems: err.fields ?? [] }, 400);
      }
      throw err;
    }
    return render(reply, ctx, { result });
  }

  function requireAdmin(ctx: PageCtx) {
    if (!isPrivileged(ctx.actor)) {
      throw new AppError("forbidden", ctx.t("ref.forbidden"));
    }
  }

  app.get("/referencedata", hidden, async (req, reply) => render(reply, pageContext(req, reply)));

  app.post("/referencedata/indlaes", hidden, async (req, reply) => {
    const ctx = pageContext(req, reply);
    requireAdmin(ctx);
    return load(reply, ctx, shippedReferenceData());
  });

  await app.register(async (files) => {
    await files.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 2, fields: 5 } });
    files.post("/referencedata/upload", hidden, async (req, reply) => {
      const ctx = pageContext(req, reply);
      requireAdmin(ctx);
      const form = await readMultipartForm(req, ctx.t, ctx.t("ref.notMultipart"));
      if (form.files.some((f) => f.truncated)) {
        return render(reply, ctx, { message: ctx.t("ref.tooLarge") }, 413);
      }
      // Which file is which is read from its header: a memberships file has a parent_kind column.
      let a = "";
      let m = "";
      let aName = "areas.csv";
      let mName = "memberships.csv";
      for (const f of form.files.filter((x) => x.name !== "")) {
        const text = new TextDecoder("utf-8").decode(f.bytes);
        if (/parent_kind/i.test(text.slice(0, text.indexOf("\n") >>> 0))) {
          m = text;
          mName = f.name;
        } else {
          a = text;
          aName = f.name;
        }
      }
      if (!a && !m) {
        return render(reply, ctx, { message: ctx.t("ref.noFiles") }, 400);
      }
      const areas = a ? parseAreas(a, aName) : { areas: [], problems: [] };
      const memberships = m ? parseMemberships(m, mName) : { memberships: [], problems: [] };
      const problems = [...areas.problems, ...memberships.problems];
      if (problems.length > 0) {
        return render(
          reply,
          ctx,
          {
            message: ctx.t("ref.refused", { n: problems.length }),
            problems: problems
              .slice(0, 200)
              .map((p) => ({ path: `${p.file}:${p.line}`, message: p.message })),
          },
          400,
        );
      }
      return load(reply, ctx, { areas: areas.areas, memberships: memberships.memberships });
    });
  });
}
