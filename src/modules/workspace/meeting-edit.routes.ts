/** Change a meeting (date, time, place, kind, title) or cancel it — through the meetings' services and acts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../server/errors.ts";
import type { FieldErrors } from "../../web/form-fields.tsx";
import { type PageCtx, sendPage } from "../../web/page.ts";
import { cancelMeeting, updateMeeting, ZCancel, ZMeetingKind } from "../meetings/index.ts";
import { ConfirmPage, MeetingEditPage, meetingFormValues } from "./meeting-edit.pages.tsx";
import {
  formFields,
  hidden,
  isFormError,
  isVersionConflict,
  loadMeeting,
  type MeetingParams,
  meetingTimesFromForm,
  one,
  wsCtx,
} from "./workspace.http.ts";
import { wsAgenda } from "./workspace.urls.ts";

const FIELDS = ["date", "time", "endTime", "location", "title", "kind", "version", "reason"] as const;

async function render(
  req: FastifyRequest<MeetingParams>,
  reply: FastifyReply,
  ctx: PageCtx,
  form: { values?: Record<string, string>; errors?: FieldErrors; stale?: boolean },
  code = 200,
) {
  const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
  const values = form.values ?? meetingFormValues(meeting);
  const data = { meeting, body, values, errors: form.errors ?? {}, stale: form.stale ?? false };
  return sendPage(reply, ctx, MeetingEditPage({ ctx, data }), code);
}

export async function meetingEditPageRoutes(app: FastifyInstance) {
  const db = () => app.database.db;

  app.get<MeetingParams>("/arbejdsrum/moeder/:id/ret", hidden, async (req, reply) =>
    render(req, reply, wsCtx(req), {}),
  );

  /** Saves date, time, place, kind and title; a move is announced to the members by the meetings module. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/ret", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const values = Object.fromEntries(FIELDS.map((k) => [k, one(f, k)]));
    const { start, end, errors } = meetingTimesFromForm(ctx, values);
    const kind = ZMeetingKind.safeParse(values.kind);
    if (!kind.success) {
      errors.kind = ctx.t("ws.edit.kindError");
    }
    for (const k of ["location", "title"] as const) {
      if ((values[k] ?? "").length > 300) {
        errors[k] = ctx.t("ws.form.tooLong", { n: 300 });
      }
    }
    if (Object.keys(errors).length > 0 || !start || !kind.success) {
      return render(req, reply, ctx, { values, errors }, 400);
    }
    try {
      await db().transaction((tx) =>
        updateMeeting({ db: tx, actor: ctx.actor }, meeting.id, {
          version: Number(values.version),
          start,
          end,
          location: values.location || null,
          title: values.title || null,
          kind: kind.data,
        }),
      );
    } catch (err) {
      if (isVersionConflict(err)) {
        // Someone saved in between: show what is saved now, and say so; nothing was written.
        return render(req, reply, ctx, { stale: true }, 409);
      }
      if (isFormError(err)) {
        return render(req, reply, ctx, { values, errors: { date: err.message } }, 409);
      }
      throw err;
    }
    return reply.redirect(`${wsAgenda(meeting.id)}?gemt=gemt`, 303);
  });

  /** Cancels the meeting with a reason, after a second step that says who will be told. */
  app.post<MeetingParams>("/arbejdsrum/moeder/:id/aflys", hidden, async (req, reply) => {
    const ctx = wsCtx(req);
    const { meeting, body } = await loadMeeting(ctx, req.params.id, "editor");
    const f = formFields(req.body);
    const parsed = ZCancel.safeParse({ version: Number(one(f, "version")), reason: one(f, "reason") });
    if (!parsed.success) {
      const values = { ...meetingFormValues(meeting), reason: one(f, "reason") };
      return render(req, reply, ctx, { values, errors: { reason: ctx.t("ws.edit.reasonError") } }, 400);
    }
    if (one(f, "confirm") !== "ja") {
      return sendPage(
        reply,
        ctx,
        ConfirmPage({
          ctx,
          data: {
            title: ctx.t("ws.confirm.cancelTitle"),
            consequences: [
              ctx.t("ws.confirm.cancelPublic", { body: body.name }),
              ctx.t("ws.confirm.cancelTold"),
              ctx.t("ws.confirm.irreversible"),
            ],
            action: `/arbejdsrum/moeder/${meeting.id}/aflys`,
            fields: { version: String(parsed.data.version), reason: parsed.data.reason },
            button: ctx.t("ws.edit.cancelButton"),
            back: `/arbejdsrum/moeder/${meeting.id}/ret`,
          },
        }),
      );
    }
    try {
      await db().transaction((tx) => cancelMeeting({ db: tx, actor: ctx.actor }, meeting.id, parsed.data));
    } catch (err) {
      if (isVersionConflict(err) || (err instanceof AppError && err.code === "invalid_transition")) {
        return render(req, reply, ctx, { stale: isVersionConflict(err) }, 409);
      }
      throw err;
    }
    return reply.redirect(`/moeder/${meeting.id}`, 303);
  });
}
