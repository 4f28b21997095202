import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BookPrices,
  CreatePriceBookInput,
  CreateProductInput,
  IdParams,
  ListQuery,
  PriceBook,
  PriceBookList,
  PriceBookProductParams,
  Product,
  ProductList,
  SetBookPricesInput,
  UpdateProductInput,
} from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { ProductsService } from "./products.service.js";

const ProductListQuery = ListQuery.omit({ trash: true });

/** Everyone reads the catalogue (quotes pick from it); only sales:configure changes it. */
export const productsRoutes: FastifyPluginAsyncZod<{ products: ProductsService }> = async (app, { products }) => {
  const tags = ["products"];

  app.get("/products", { config: { permission: "records:read" }, schema: { tags, querystring: ProductListQuery, response: { 200: ProductList } } }, (request) =>
    products.list(callerOf(request), request.query),
  );

  app.post("/products", { config: { permission: "sales:configure" }, schema: { tags, body: CreateProductInput, response: { 201: Product } } }, async (request, reply) =>
    reply.status(201).send(await products.create(callerOf(request), request.body)),
  );

  app.get("/products/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Product } } }, (request) =>
    products.get(callerOf(request), request.params.id),
  );

  app.patch("/products/:id", { config: { permission: "sales:configure" }, schema: { tags, params: IdParams, body: UpdateProductInput, response: { 200: Product } } }, (request) =>
    products.update(callerOf(request), request.params.id, request.body),
  );

  app.get("/price-books", { config: { permission: "records:read" }, schema: { tags, response: { 200: PriceBookList } } }, (request) => products.listPriceBooks(callerOf(request)));

  app.post("/price-books", { config: { permission: "sales:configure" }, schema: { tags, body: CreatePriceBookInput, response: { 201: PriceBook } } }, async (request, reply) =>
    reply.status(201).send(await products.createPriceBook(callerOf(request), request.body)),
  );

  app.get("/price-books/:id/prices", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: BookPrices } } }, (request) =>
    products.bookPrices(callerOf(request), request.params.id),
  );

  app.put(
    "/price-books/:id/prices/:productId",
    { config: { permission: "sales:configure" }, schema: { tags, params: PriceBookProductParams, body: SetBookPricesInput, response: { 200: BookPrices } } },
    (request) => products.setBookPrices(callerOf(request), request.params.id, request.params.productId, request.body),
  );
};

