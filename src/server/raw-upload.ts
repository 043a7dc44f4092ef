import type { FastifyInstance } from "fastify";

/**
 * Makes every body in this (encapsulated) scope a raw Buffer of at most `maxBytes`, whatever its
 * declared type: the API's file uploads, where the file name and the bytes decide what a file is.
 * Call it inside `app.register(async (files) => { … })` so other routes keep their parsers.
 */
export function acceptRawBodies(scope: FastifyInstance, maxBytes: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );
}
