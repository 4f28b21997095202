import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Attachment, AttachmentContentQuery, AttachmentList, AttachmentListQuery, IdParams } from "../../../../contracts/index.js";
import { AppError } from "../../platform/http/app-error.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { AttachmentsService, UploadPart } from "./attachments.service.js";

/** `filename*` carries the real name (RFC 6266/5987); `filename` an ASCII stand-in for old clients. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const attachmentsRoutes: FastifyPluginAsyncZod<{ attachments: AttachmentsService; maxBytes: number }> = async (app, { attachments, maxBytes }) => {
  const tags = ["attachments"];
  // Registered here, so multipart bodies are accepted by the attachment routes and nowhere else.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 200, parts: 8 } });

  app.post(
    "/attachments",
    {
      config: { permission: "records:create" },
      schema: { tags, consumes: ["multipart/form-data"], description: "multipart: `file` plus one of `contactId`, `companyId`, `activityId`", response: { 201: Attachment } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(415, "Unsupported Media Type", "Send the file as multipart/form-data.");
      const created = await attachments.upload(callerOf(request), request.parts() as AsyncIterable<UploadPart>, maxBytes);
      return reply.status(201).send(created);
    },
  );

  app.get("/attachments", { config: { permission: "records:read" }, schema: { tags, querystring: AttachmentListQuery, response: { 200: AttachmentList } } }, (request) =>
    attachments.list(callerOf(request), request.query),
  );

  app.get(
    "/attachments/:id/content",
    { config: { permission: "records:read" }, schema: { tags, params: IdParams, querystring: AttachmentContentQuery } },
    async (request, reply) => {
      const { attachment, content } = await attachments.open(callerOf(request), request.params.id);
      const isInline = attachment.isPreviewable && !request.query.download;
      const isPdf = attachment.contentType === "application/pdf";
      // The bytes are someone's upload: never let a browser sniff them into HTML or run anything in them.
      // Browsers' PDF viewers do not run in a sandboxed document, so PDFs go without `sandbox`.
      const policy = `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${isPdf ? "" : "; sandbox"}`;
      return reply
        .header("Content-Type", attachment.contentType)
        .header("Content-Length", attachment.size)
        .header("Content-Disposition", contentDisposition(isInline ? "inline" : "attachment", attachment.name))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", policy)
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .header("Cache-Control", "private, no-cache")
        .send(content);
    },
  );

  app.delete("/attachments/:id", { config: { permission: "records:delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await attachments.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
