import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Page } from "../db/crud.ts";
import type { Ctx } from "./context.ts";
import { ZDeleteQuery, ZError, ZId, ZPage, ZPageQuery, ZVersion } from "./schemas.ts";

/** Error responses documented on every route. */
export const ERROR_RESPONSES = {
  400: ZError,
  401: ZError,
  403: ZError,
  404: ZError,
  409: ZError,
  413: ZError,
} as const;

type Shape = z.ZodRawShape;

/** The five service functions behind a resource. */
export interface CrudService<Row, Create, Update, Filter> {
  list(
    ctx: Ctx,
    filter: Filter & { limit?: number | undefined; cursor?: string | undefined },
  ): Promise<Page<Row>>;
  get(ctx: Ctx, id: number): Promise<Row>;
  create(ctx: Ctx, input: Create): Promise<Row>;
  update(ctx: Ctx, id: number, input: Update & { version: number }): Promise<Row>;
  remove(ctx: Ctx, id: number, version: number | undefined): Promise<void>;
}

export interface CrudSpec<R extends z.ZodType, C extends Shape, U extends Shape, F extends Shape> {
  /** plural path segment, e.g. "/parties" */
  path: string;
  tag: string;
  /** Danish noun for the OpenAPI summaries, e.g. "part" */
  noun: string;
  row: R;
  create: C;
  update: U;
  filter: F;
  /** nested collection: list and create live under `${parent.path}/:parentId${path}` and the id goes to this key */
  parent?: { path: string; key: keyof z.infer<z.ZodObject<C>> & keyof z.infer<z.ZodObject<F>> & string };
  /** with a parent: also list across parents at the plain path, filtered by the query */
  listAtRoot?: boolean;
  service: CrudService<
    z.infer<R>,
    z.infer<z.ZodObject<C>>,
    Partial<z.infer<z.ZodObject<U>>>,
    Partial<z.infer<z.ZodObject<F>>>
  >;
}

/**
 * Registers list / get / create / update / delete for one resource: validation, OpenAPI and
 * a transaction per write come from here; rules and authorization live in the service.
 */
export function registerCrud<R extends z.ZodType, C extends Shape, U extends Shape, F extends Shape>(
  app: FastifyInstance,
  spec: CrudSpec<R, C, U, F>,
): void {
  // Generic over the resource, so the handlers see plain Fastify types; Zod still validates every request.
  const r = app;
  type IdReq = { params: { id: number } };
  const { service, tag, noun } = spec;
  const ctx = (actor: Ctx["actor"], db: Ctx["db"] = app.database.db): Ctx => ({ db, actor });
  const collection = spec.parent ? `${spec.parent.path}/:parentId${spec.path}` : spec.path;
  const parentParams = spec.parent ? z.strictObject({ parentId: ZId }) : z.strictObject({});
  const createBody = spec.parent
    ? z.strictObject(spec.create).omit({ [spec.parent.key]: true } as never)
    : z.strictObject(spec.create);
  const withParent = (params: unknown, values: object) =>
    spec.parent ? { ...values, [spec.parent.key]: (params as { parentId: number }).parentId } : values;

  r.get(collection, {
    schema: {
      tags: [tag],
      summary: `List ${noun}`,
      params: parentParams,
      querystring: z.strictObject({ ...spec.filter, ...ZPageQuery }).partial(),
      response: { 200: ZPage(spec.row), ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      service.list(ctx(req.actor), withParent(req.params, req.query as object) as never),
  });

  if (spec.parent && spec.listAtRoot) {
    r.get(spec.path, {
      schema: {
        tags: [tag],
        summary: `Søg ${noun} på tværs`,
        querystring: z.strictObject({ ...spec.filter, ...ZPageQuery }).partial(),
        response: { 200: ZPage(spec.row), ...ERROR_RESPONSES },
      },
      handler: async (req) => service.list(ctx(req.actor), req.query as never),
    });
  }

  r.get(`${spec.path}/:id`, {
    schema: {
      tags: [tag],
      summary: `Hent ${noun}`,
      params: z.strictObject({ id: ZId }),
      response: { 200: spec.row, ...ERROR_RESPONSES },
    },
    handler: async (req) => service.get(ctx(req.actor), (req as IdReq).params.id),
  });

  r.post(collection, {
    schema: {
      tags: [tag],
      summary: `Opret ${noun}`,
      params: parentParams,
      body: createBody,
      response: { 201: spec.row, ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const input = withParent(req.params, req.body as object);
      const row = await app.database.db.transaction((tx) =>
        service.create(ctx(req.actor, tx), input as never),
      );
      return reply.code(201).send(row);
    },
  });

  r.patch(`${spec.path}/:id`, {
    schema: {
      tags: [tag],
      summary: `Ret ${noun}`,
      params: z.strictObject({ id: ZId }),
      body: z.strictObject(spec.update).partial().extend({ version: ZVersion }),
      response: { 200: spec.row, ...ERROR_RESPONSES },
    },
    handler: async (req) =>
      app.database.db.transaction((tx) =>
        service.update(ctx(req.actor, tx), (req as IdReq).params.id, req.body as never),
      ),
  });

  r.delete(`${spec.path}/:id`, {
    schema: {
      tags: [tag],
      summary: `Slet ${noun}`,
      params: z.strictObject({ id: ZId }),
      querystring: ZDeleteQuery,
      response: { 204: z.null().describe("Slettet"), ...ERROR_RESPONSES },
    },
    handler: async (req, reply) => {
      const { params, query } = req as IdReq & { query: { version?: number } };
      await app.database.db.transaction((tx) => service.remove(ctx(req.actor, tx), params.id, query.version));
      return reply.code(204).send(null);
    },
  });
}
