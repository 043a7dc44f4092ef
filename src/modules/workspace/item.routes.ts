/** One agenda item in the workspace: its form (save, preview, conflict), attachments, deletion. */
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { notFound } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { markdown } from "../../web/markdown.ts";
import { readMultipartForm } from "../../web/multipart.ts";
import { type PageCtx, sendPage } from "../../web/page.ts";
import {
  addSnapshot,
  type ItemSnapshotsData,
  listItemSnapshots,
  snapshotChoices,
  ZSnapshotInput,
} from "../indicators/index.ts";
import {
  attachmentService,
  deleteItem,
  getItem,
  type TItem,
  updateItem,
  uploadAttachmentContent,
} from "../meetings/index.ts";
import { doneMessage } from "./agenda.render.ts";
import { ConflictPage, differingFields } from "./conflict.pages.tsx";
import { fieldLabel, fieldsToItemInput, type ItemFields, itemToFields } from "./item.form.ts";
import { ItemPage } from "./item.pages.tsx";
import { checkUpload } from "./upload.ts";
import {
  formFields,
  hidden,
  idParam,
  isFormError,
  isVersionConflict,
  loadMeeting,
  many,
  one,
  readingViewFor,
  versionOf,
  wsCtx,
} from "./workspace.http.ts";
import { WS, wsAgenda, wsItem } from "./workspace.urls.ts";

type ItemParams = { Params: { id: string; itemId: string } };

async function loadItem(ctx: PageCtx, req: FastifyRequest<ItemParams>) {
  const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
  const item = await getItem(ctx.svc, idParam(req.params.itemId, "Punktet"));
  if (item.meetingId !== meeting.id) {
    throw notFound("Punktet");
  }
  return { meeting, body, item };
}

export async function itemPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;
  await app.register(fastifyMultipart, {
    limits: { fileSize: app.config.maxUploadBytes, files: 1, fields: 10 },
  });

  async function render(
    req: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    ctx: PageCtx,
    opts: {
      fields?: ItemFields;
      errors?: FieldErrors;
      preview?: boolean;
      upload?: { errors: FieldErrors; values: Record<string, string> };
      snapshot?: Pick<ItemSnapshotsData, "errors" | "values">;
    },
    code = 200,
  ) {
    const { meeting, body, item } = await loadItem(ctx, req);
    const [snapshots, choices] = await Promise.all([
      listItemSnapshots(ctx.svc, item.id),
      snapshotChoices(ctx.svc),
    ]);
    const gemt = (req.query as Record<string, string> | undefined)?.gemt;
    const data = {
      meeting,
      body,
      item,
      fields: opts.fields ?? itemToFields(item),
      errors: opts.errors ?? {},
      preview: opts.preview ?? false,
      upload: opts.upload ?? { errors: {}, values: {} },
      maxUploadBytes: app.config.maxUploadBytes,
      done: code !== 200 ? null : gemt === "noegletal" ? ctx.t("ind.snapshotAdded") : doneMessage(ctx, req),
      snapshots: {
        snapshots,
        choices,
        ...(opts.snapshot ?? {
          errors: {},
          values: { indicators: [], area: choices.areas[0]?.value ?? "", from: "", to: "" },
        }),
      },
    };
    return sendPage(reply, ctx, ItemPage({ ctx, data }), code);
  }

  app.get<ItemParams>("/arbejdsrum/moeder/:id/punkter/:itemId", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const reading = await readingViewFor(ctx, req.params.id);
    return reading ? reply.redirect(reading, 303) : render(req, reply, ctx, {});
  });

  app.post<ItemParams>("/arbejdsrum/moeder/:id/punkter/:itemId", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const raw = formFields(req.body);
    const fields: ItemFields = {};
    for (const key of Object.keys(raw)) {
      if (key !== "_csrf") {
        fields[key] = one(raw, key);
      }
    }
    const parsed = fieldsToItemInput(fields);
    if (one(raw, "handling") === "vis") {
      return render(req, reply, ctx, { fields, errors: parsed.errors, preview: true });
    }
    if (Object.keys(parsed.errors).length > 0) {
      return render(req, reply, ctx, { fields, errors: parsed.errors }, 400);
    }
    const { meeting, body, item } = await loadItem(ctx, req);
    const version = versionOf(raw);
    try {
      await db().transaction((tx) =>
        updateItem({ db: tx, actor: ctx.actor }, item.id, { ...parsed.input, version }),
      );
    } catch (err) {
      if (isVersionConflict(err)) {
        return showConflict(ctx, reply, { meeting, body, item, fields });
      }
      if (isFormError(err)) {
        return render(req, reply, ctx, { fields, errors: { title: err.message } }, 400);
      }
      throw err;
    }
    return reply.redirect(`${wsItem(meeting.id, item.id)}?gemt=gemt`, 303);
  });

  function showConflict(
    ctx: PageCtx,
    reply: FastifyReply,
    d: { meeting: { id: number; start: Date }; body: { name: string }; item: TItem; fields: ItemFields },
  ) {
    const theirs = itemToFields(d.item);
    const href = wsItem(d.meeting.id, d.item.id);
    const data = {
      title: `${d.item.number}. ${d.item.title}`,
      crumbs: [
        { text: ctx.t("ws.title"), href: WS },
        { text: d.body.name, href: wsAgenda(d.meeting.id) },
        { text: `${d.item.number}. ${d.item.title}`, href },
        { text: ctx.t("ws.conflict.title") },
      ],
      action: href,
      reloadHref: href,
      version: d.item.version,
      mine: d.fields,
      differing: differingFields(d.fields, theirs, (n) => fieldLabel(ctx, n)),
    };
    return sendPage(reply, ctx, ConflictPage({ ctx, data }), 409);
  }

  app.post<ItemParams>("/arbejdsrum/moeder/:id/punkter/:itemId/slet", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting, item } = await loadItem(ctx, req);
    const version = versionOf(formFields(req.body));
    await db().transaction((tx) => deleteItem({ db: tx, actor: ctx.actor }, item.id, version));
    return reply.redirect(`${wsAgenda(meeting.id)}?gemt=slettet`, 303);
  });

  /** The snapshot picker on the item's page: indicators, one area and a period range (issue 23). */
  app.post<ItemParams>("/arbejdsrum/moeder/:id/punkter/:itemId/noegletal", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const raw = formFields(req.body);
    const values = {
      indicators: many(raw, "indicators"),
      area: one(raw, "area"),
      from: one(raw, "from"),
      to: one(raw, "to"),
    };
    const { meeting, item } = await loadItem(ctx, req);
    const [kind, code] = values.area.split(":");
    const parsed = ZSnapshotInput.safeParse({
      indicatorCodes: values.indicators,
      areas: kind && code ? [{ kind, code }] : [],
      fromPeriod: values.from,
      toPeriod: values.to || values.from,
    });
    const refuse = (errors: FieldErrors) => render(req, reply, ctx, { snapshot: { errors, values } }, 400);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (field === "indicatorCodes") {
          errors.snapIndicators = ctx.t("ind.snapshotChooseIndicator");
        } else if (field === "areas") {
          errors.snapArea = ctx.t("ind.snapshotErrorHeading");
        } else {
          errors.snapFrom = ctx.t("ind.snapshotChoosePeriod");
        }
      }
      return refuse(errors);
    }
    if (values.from === "") {
      return refuse({ snapFrom: ctx.t("ind.snapshotChoosePeriod") });
    }
    try {
      await db().transaction((tx) => addSnapshot({ db: tx, actor: ctx.actor }, item.id, parsed.data));
    } catch (err) {
      if (isFormError(err)) {
        return refuse({ snapFrom: err.message });
      }
      throw err;
    }
    return reply.redirect(`${wsItem(meeting.id, item.id)}?gemt=noegletal#noegletal`, 303);
  });

  /** Attachment upload: a multipart form; the CSRF field is checked before anything is stored. */
  app.post<ItemParams>("/arbejdsrum/moeder/:id/punkter/:itemId/bilag", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const form = await readMultipartForm(req, ctx.t, ctx.t("ws.att.notMultipart"));
    const values = form.fields;
    const file = form.files.at(-1) ?? null;
    const { meeting, item } = await loadItem(ctx, req);
    const check = checkUpload(
      file?.name ?? "",
      file?.bytes ?? new Uint8Array(),
      file?.truncated ?? false,
      app.config.maxUploadBytes,
    );
    const title = (values.title ?? "").trim() || (file?.name ?? "").replace(/\.[^.]+$/, "");
    const upload = {
      values: { title: values.title ?? "", access: values.access ?? "open" },
      errors: {} as FieldErrors,
    };
    if (!check.ok) {
      upload.errors.file = check.error;
    }
    if (title.length > 500) {
      upload.errors.attTitle = ctx.t("ws.form.tooLong", { n: 500 });
    }
    if (!check.ok || Object.keys(upload.errors).length > 0 || !file) {
      return render(req, reply, ctx, { upload }, file?.truncated ? 413 : 400);
    }
    await db().transaction(async (tx) => {
      const svc = { db: tx, actor: ctx.actor };
      const created = await attachmentService.create(svc, {
        itemId: item.id,
        title,
        fileName: check.fileName,
        access: values.access === "closed" ? "closed" : "open",
        position: item.attachments.length + 1,
      });
      await uploadAttachmentContent(svc, created.id, {
        bytes: file.bytes,
        mimeType: check.mimeType,
        fileName: check.fileName,
        version: created.version,
      });
    });
    return reply.redirect(`${wsItem(meeting.id, item.id)}?gemt=bilag#att-h`, 303);
  });

  app.post<ItemParams & { Params: { attachmentId: string } }>(
    "/arbejdsrum/moeder/:id/punkter/:itemId/bilag/:attachmentId/slet",
    hidden,
    async (req, reply) => {
      const ctx = wsCtx(req);
      const { meeting, item } = await loadItem(ctx, req);
      const attachmentId = idParam(req.params.attachmentId, "Bilaget");
      if (!item.attachments.some((a) => a.id === attachmentId)) {
        throw notFound("Bilaget");
      }
      const version = versionOf(formFields(req.body));
      await db().transaction((tx) =>
        attachmentService.remove({ db: tx, actor: ctx.actor }, attachmentId, version),
      );
      return reply.redirect(`${wsItem(meeting.id, item.id)}?gemt=slettet#att-h`, 303);
    },
  );

  /** Live preview (item.ts): the server's own Markdown renderer, so the preview is what the page will show. */
  app.post("/arbejdsrum/forhaandsvisning", hidden, async (req, reply) => {
    const text = one(formFields(req.body), "text").slice(0, 200_000);
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .header("x-content-type-options", "nosniff")
      .send(markdown(text).value);
  });
}
