import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AcceptedQuote, CreateQuoteInput, IdParams, Quote, QuoteList, ReviseQuoteInput, SendQuoteInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import { DocumentListQuery } from "../orders/index.js";
import type { QuotesService } from "./quotes.service.js";

export const quotesRoutes: FastifyPluginAsyncZod<{ quotes: QuotesService }> = async (app, { quotes }) => {
  const tags = ["quotes"];

  app.get("/quotes", { config: { permission: "records:read" }, schema: { tags, querystring: DocumentListQuery, response: { 200: QuoteList } } }, (request) =>
    quotes.list(callerOf(request), request.query),
  );

  app.post("/quotes", { config: { permission: "records:create" }, schema: { tags, body: CreateQuoteInput, response: { 201: Quote } } }, async (request, reply) =>
    reply.status(201).send(await quotes.create(callerOf(request), request.body)),
  );

  app.get("/quotes/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Quote } } }, (request) =>
    quotes.get(callerOf(request), request.params.id),
  );

  app.post("/quotes/:id/revise", { config: { permission: "records:create" }, schema: { tags, params: IdParams, body: ReviseQuoteInput.nullish(), response: { 201: Quote } } }, async (request, reply) =>
    reply.status(201).send(await quotes.revise(callerOf(request), request.params.id, request.body ?? {})),
  );

  app.get(
    "/quotes/:id/pdf",
    { config: { permission: "records:read" }, schema: { tags, params: IdParams, produces: ["application/pdf"], response: { 200: z.any().meta({ description: "The quote as a PDF" }) } } },
    async (request, reply) => {
      const { filename, content } = await quotes.pdf(callerOf(request), request.params.id);
      return reply.type("application/pdf").header("content-disposition", `inline; filename="${filename}"`).send(content);
    },
  );

  app.post("/quotes/:id/send", { config: { permission: "records:create" }, schema: { tags, params: IdParams, body: SendQuoteInput, response: { 200: Quote } } }, (request) =>
    quotes.send(callerOf(request), request.params.id, request.body),
  );

  app.post("/quotes/:id/accept", { config: { permission: "records:create" }, schema: { tags, params: IdParams, response: { 201: AcceptedQuote } } }, async (request, reply) =>
    reply.status(201).send(await quotes.accept(callerOf(request), request.params.id)),
  );
};
