import type { FastifyReply, FastifyRequest } from "fastify";
import { PUBLIC_ACTOR } from "../modules/auth/index.ts";
import type { AppError } from "../server/errors.ts";
import { Layout } from "../server/layout.tsx";
import type { MessageKey } from "./i18n.ts";
import { pageContext, sendPage } from "./page.ts";

const TITLES: Record<number, MessageKey> = {
  403: "error.forbiddenTitle",
  401: "error.forbiddenTitle",
  404: "error.notFoundTitle",
  400: "error.badRequestTitle",
};

/** The plain Danish error page for HTML requests: a title, the error's message, a way home. No stack. */
export function sendErrorPage(
  req: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  notFoundPath?: string,
) {
  req.actor ??= PUBLIC_ACTOR;
  req.cookies ??= {};
  const ctx = pageContext(req, reply);
  const { t } = ctx;
  const title = t(TITLES[error.status] ?? "error.title");
  const message =
    notFoundPath !== undefined
      ? t("error.notFoundText", { path: notFoundPath.slice(0, 200) })
      : error.message;
  const html = (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <div class="alert alert-error" role="alert">
        <div class="alert-body">
          <p class="alert-text">{message}</p>
        </div>
      </div>
      {error.fields && error.fields.length > 0 ? (
        <ul>
          {error.fields.map((f) => (
            <li>{f.path ? `${f.path}: ${f.message}` : f.message}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href="/">{t("error.backHome")}</a>
      </p>
    </Layout>
  );
  return sendPage(reply, ctx, html, error.status);
}
