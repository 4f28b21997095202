import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Actor } from "./app.js";

/** A 1×1 PNG, and the start of a PDF: real signatures for the content-type check. */
export const pngBytes = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
export const pdfBytes = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export interface UploadFile {
  name: string;
  contentType: string;
  content: Buffer | string;
}

/** A multipart/form-data body with text fields first and then the file (or files). */
export function multipartBody(fields: Record<string, string>, files: (UploadFile & { field?: string })[]) {
  const boundary = `----pillar${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name}"\r\nContent-Type: ${file.contentType}\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads through the API as the actor. */
export async function upload(app: FastifyInstance, actor: Actor, fields: Record<string, string>, files: UploadFile | (UploadFile & { field?: string })[]) {
  const { payload, contentType } = multipartBody(fields, Array.isArray(files) ? files : [files]);
  const response = await app.inject({ method: "POST", url: "/api/v1/attachments", payload, headers: { ...actor.headers, "content-type": contentType } });
  const isJson = String(response.headers["content-type"] ?? "").includes("json");
  return { status: response.statusCode, body: isJson ? response.json() : response.body, headers: response.headers };
}
