import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CreateInvoiceInput, DocumentExternalIdParams, IdParams, Invoice, InvoiceList, RecordPaymentInput, SendInvoiceInput, UpsertInvoiceInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import { DocumentListQuery } from "../orders/index.js";
import type { InvoicesService } from "./invoices.service.js";

export const invoicesRoutes: FastifyPluginAsyncZod<{ invoices: InvoicesService }> = async (app, { invoices }) => {
  const tags = ["invoices"];

  app.post(
    "/orders/:id/invoices",
    { config: { permission: "records:create" }, schema: { tags, description: "Invoices the rest of the order, or the quantities of the lines named.", params: IdParams, body: CreateInvoiceInput.nullish(), response: { 201: Invoice } } },
    async (request, reply) => reply.status(201).send(await invoices.createFromOrder(callerOf(request), request.params.id, request.body ?? {})),
  );

  app.get("/invoices", { config: { permission: "records:read" }, schema: { tags, querystring: DocumentListQuery, response: { 200: InvoiceList } } }, (request) =>
    invoices.list(callerOf(request), request.query),
  );

  app.get("/invoices/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Invoice } } }, (request) =>
    invoices.get(callerOf(request), request.params.id),
  );

  app.get(
    "/invoices/:id/pdf",
    { config: { permission: "records:read" }, schema: { tags, params: IdParams, produces: ["application/pdf"], response: { 200: z.any().meta({ description: "The invoice as a PDF" }) } } },
    async (request, reply) => {
      const { filename, content } = await invoices.pdf(callerOf(request), request.params.id);
      return reply.type("application/pdf").header("content-disposition", `inline; filename="${filename}"`).send(content);
    },
  );

  app.post("/invoices/:id/send", { config: { permission: "records:create" }, schema: { tags, params: IdParams, body: SendInvoiceInput.nullish(), response: { 200: Invoice } } }, (request) =>
    invoices.send(callerOf(request), request.params.id, request.body ?? {}),
  );

  app.post("/invoices/:id/void", { config: { permission: "records:write" }, schema: { tags, params: IdParams, response: { 200: Invoice } } }, (request) =>
    invoices.void(callerOf(request), request.params.id),
  );

  app.post("/invoices/:id/payments", { config: { permission: "records:create" }, schema: { tags, params: IdParams, body: RecordPaymentInput, response: { 201: Invoice } } }, async (request, reply) =>
    reply.status(201).send(await invoices.recordPayment(callerOf(request), request.params.id, request.body)),
  );

  app.put(
    "/invoices/external/:externalId",
    {
      config: { permission: "records:create" },
      schema: { tags, description: "Creates or updates an ERP's invoice by its id there (201 created, 200 updated).", params: DocumentExternalIdParams, body: UpsertInvoiceInput, response: { 200: Invoice, 201: Invoice } },
    },
    async (request, reply) => {
      const { invoice, isCreated } = await invoices.upsertExternal(callerOf(request), request.params.externalId, request.body);
      return reply.status(isCreated ? 201 : 200).send(invoice);
    },
  );
};
