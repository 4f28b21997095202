import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Company, Contact, DuplicateList, DuplicatesQuery, IdParams, MergeInput, MergeUndoResult } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { DuplicatesService } from "./duplicates.service.js";
import type { MergesService } from "./merges.service.js";

/**
 * Merging needs records:write; the service then requires records:write_any or ownership of
 * every record involved (records.policy). Undo: the person who merged, or an admin.
 */
export const duplicatesRoutes: FastifyPluginAsyncZod<{ duplicates: DuplicatesService; merges: MergesService }> = async (app, { duplicates, merges }) => {
  const tags = ["duplicates"];

  app.get("/duplicates", { config: { permission: "records:read" }, schema: { tags, querystring: DuplicatesQuery, response: { 200: DuplicateList } } }, (request) =>
    duplicates.list(callerOf(request), request.query),
  );

  app.post("/contacts/merge", { config: { permission: "records:write" }, schema: { tags, body: MergeInput, response: { 200: Contact } } }, (request) =>
    merges.mergeContacts(callerOf(request), request.body),
  );

  app.post("/companies/merge", { config: { permission: "records:write" }, schema: { tags, body: MergeInput, response: { 200: Company } } }, (request) =>
    merges.mergeCompanies(callerOf(request), request.body),
  );

  app.post("/merges/:id/undo", { config: { permission: "records:write" }, schema: { tags, params: IdParams, response: { 200: MergeUndoResult } } }, (request) =>
    merges.undo(callerOf(request), request.params.id),
  );
};
