import { Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, Import, ImportCreated, ImportList, ImportPreview } from "../../../../contracts/index.js";
import { AppError } from "../../platform/http/app-error.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import { headBytes, type UploadPart } from "./imports.upload.js";
import type { ImportsService } from "./imports.service.js";

const formDescription =
  "multipart/form-data: `file` (told from its content: CSV, UTF-8 with or without BOM or Windows-1252, `,` `;` or tab, detected; an XLSX workbook, its first sheet with a header row; or a vCard 3.0/4.0 file of contacts), `object` (contact | company), optional `mapping` (JSON: CSV column → field path such as firstName, email, phone, companyName, companyDomain, custom.KEY; merged over the automatic mapping), `onDuplicate` (skip | update | create, default skip), `matchOn` (email | externalId for contacts, domain | externalId for companies).";

export const importsRoutes: FastifyPluginAsyncZod<{ imports: ImportsService; maxBytes: number }> = async (app, { imports, maxBytes }) => {
  const tags = ["imports"];
  // Registered here, so multipart bodies reach the import routes and no others in this scope.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 20_000, parts: 10 } });

  const partsOf = (request: { isMultipart(): boolean; parts(): AsyncIterableIterator<unknown> }) => {
    if (!request.isMultipart()) throw new AppError(415, "Unsupported Media Type", "Send the file as multipart/form-data.");
    return request.parts() as AsyncIterable<UploadPart>;
  };

  app.post(
    "/imports/preview",
    {
      config: { permission: "records:create" },
      schema: {
        tags,
        consumes: ["multipart/form-data"],
        description: `The detected encoding and delimiter, the headers, the suggested mapping and the first rows with per-cell errors. Of a CSV or vCard file only the first ${headBytes / 1024} KB are read: send its start; send an XLSX workbook whole. Fields as for POST /imports.`,
        response: { 200: ImportPreview },
      },
    },
    (request) => imports.preview(callerOf(request), partsOf(request)),
  );

  app.post(
    "/imports",
    { config: { permission: "records:create" }, schema: { tags, consumes: ["multipart/form-data"], description: formDescription, response: { 202: ImportCreated } } },
    async (request, reply) => reply.status(202).send(await imports.create(callerOf(request), partsOf(request))),
  );

  app.get("/imports", { config: { permission: "records:create" }, schema: { tags, response: { 200: ImportList } } }, (request) => imports.list(callerOf(request)));

  app.get("/imports/:id", { config: { permission: "records:create" }, schema: { tags, params: IdParams, response: { 200: Import } } }, (request) =>
    imports.get(callerOf(request), request.params.id),
  );

  app.get(
    "/imports/:id/errors",
    { config: { permission: "records:create" }, schema: { tags, params: IdParams, description: "The rejected rows as CSV: the file's columns and a `reason` naming the failing field." } },
    async (request, reply) => {
      const caller = callerOf(request);
      const body = imports.errorsCsv(caller, request.params.id);
      // The first piece (the header) also checks that the import exists and may be read.
      const first = await body.next();
      async function* rest() {
        if (!first.done) yield first.value;
        yield* body;
      }
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send(Readable.from(rest()));
    },
  );

  app.post("/imports/:id/undo", { config: { permission: "records:create" }, schema: { tags, params: IdParams, response: { 200: Import } } }, (request) =>
    imports.undo(callerOf(request), request.params.id),
  );
};
