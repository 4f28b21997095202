import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError, type FieldError } from "./app-error.js";

function sendProblem(reply: FastifyReply, status: number, title: string, detail: string, errors?: FieldError[], extra?: Record<string, unknown>) {
  return reply
    .status(status)
    .type("application/problem+json")
    .send({ type: "about:blank", status, title, detail, ...(errors ? { errors } : {}), ...extra });
}

/** Maps every failure to RFC 9457 problem+json: 4xx naming the field for the caller's mistakes, a bare 500 otherwise. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.status, error.title, error.message, error.errors, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const errors = error.validation.map((issue) => {
        const base = `${where}${issue.instancePath.replaceAll("/", ".")}`.replace(/\.$/, "");
        const keys = (issue.params as { keys?: string[] }).keys;
        if (issue.keyword === "unrecognized_keys" && keys) {
          return { path: keys.map((key) => `${base}.${key}`).join(", "), message: "is not a known field" };
        }
        return { path: base, message: issue.message ?? "is not valid" };
      });
      const detail = errors.map((entry) => `${entry.path}: ${entry.message}`).join("; ");
      return sendProblem(reply, 400, "Validation failed", detail, errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its contract");
      return sendProblem(reply, 500, "Internal Server Error", "The server could not complete the request.");
    }
    if (isUnstorableText(error)) {
      return sendProblem(reply, 400, "Bad Request", "Text may not contain the NUL character (\\u0000).");
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail =
        error.code === "FST_ERR_CTP_BODY_TOO_LARGE"
          ? "The request body is larger than the server accepts."
          : error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.name === "SyntaxError"
            ? "The request body is not valid JSON."
            : error.message;
      return sendProblem(reply, status, titleFor(status), detail);
    }
    request.log.error({ err: error }, "request failed");
    return sendProblem(reply, 500, "Internal Server Error", "The server could not complete the request.");
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, "Not Found", `No route ${request.method} ${request.url.split("?")[0]}.`),
  );
}

/**
 * PostgreSQL cannot store U+0000 in text or jsonb; a NUL in a body or query string is the
 * caller's mistake (400), not the server's (22021: invalid byte sequence, 22P05: untranslatable character).
 */
function isUnstorableText(error: unknown): boolean {
  for (let cause = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 3; cause = cause.cause as typeof cause, depth++) {
    if (cause.code === "22021" || cause.code === "22P05") return true;
  }
  return false;
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
  };
  return titles[status] ?? "Request Error";
}
