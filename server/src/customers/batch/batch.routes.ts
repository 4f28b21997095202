import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { BatchCompaniesInput, BatchContactsInput, BatchResult, Problem } from "../../../../contracts/index.js";
import type { Caller } from "../../platform/auth/caller.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import { companyBatchObject } from "./batch.companies.js";
import { contactBatchObject } from "./batch.contacts.js";
import type { BatchService } from "./batch.service.js";

/** Field permissions (customers/privacy): the fields a caller may neither read nor write. */
export interface HiddenFields {
  hiddenForCaller(caller: Caller, object: "contacts" | "companies"): Promise<Set<string>>;
}

const description =
  "Create, update or upsert up to 1,000 records in one transaction. Any invalid record answers 422 with `errors` naming `records[i].field` (403 when the caller may not change a record), and nothing is written. Update modes follow the same ownership rules as PATCH.";

export const batchRoutes: FastifyPluginAsyncZod<{ batch: BatchService; fieldPermissions: HiddenFields }> = async (app, { batch, fieldPermissions }) => {
  app.post(
    "/contacts/batch",
    { config: { permission: "records:create" }, schema: { tags: ["contacts"], description, body: BatchContactsInput, response: { 200: BatchResult, 422: Problem } } },
    async (request) => batch.run(callerOf(request), contactBatchObject, request.body, await fieldPermissions.hiddenForCaller(callerOf(request), "contacts")),
  );

  app.post(
    "/companies/batch",
    { config: { permission: "records:create" }, schema: { tags: ["companies"], description, body: BatchCompaniesInput, response: { 200: BatchResult, 422: Problem } } },
    async (request) => batch.run(callerOf(request), companyBatchObject, request.body, await fieldPermissions.hiddenForCaller(callerOf(request), "companies")),
  );
};
