import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ConvertedLead, ConvertLeadInput, CreateLeadAssignmentRuleInput, IdParams, LeadAssignmentRule, LeadAssignmentRuleList, UpdateLeadAssignmentRuleInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { LeadConversionService } from "./leads.conversion.js";
import type { LeadRulesService } from "./leads.service.js";

export const leadsRoutes: FastifyPluginAsyncZod<{ rules: LeadRulesService; conversion: LeadConversionService }> = async (app, { rules, conversion }) => {
  const tags = ["leads"];

  app.get("/lead-assignment-rules", { config: { permission: "sales:configure" }, schema: { tags, response: { 200: LeadAssignmentRuleList } } }, (request) => rules.list(callerOf(request)));

  app.post(
    "/lead-assignment-rules",
    { config: { permission: "sales:configure" }, schema: { tags, body: CreateLeadAssignmentRuleInput, response: { 201: LeadAssignmentRule } } },
    async (request, reply) => reply.status(201).send(await rules.create(callerOf(request), request.body)),
  );

  app.patch(
    "/lead-assignment-rules/:id",
    { config: { permission: "sales:configure" }, schema: { tags, params: IdParams, body: UpdateLeadAssignmentRuleInput, response: { 200: LeadAssignmentRule } } },
    (request) => rules.update(callerOf(request), request.params.id, request.body),
  );

  app.delete("/lead-assignment-rules/:id", { config: { permission: "sales:configure" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await rules.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post(
    "/contacts/:id/convert",
    {
      config: { permission: "records:write" },
      schema: { tags: ["contacts", ...tags], description: "Turns a lead into an opportunity with a new deal, in one transaction.", params: IdParams, body: ConvertLeadInput, response: { 201: ConvertedLead } },
    },
    async (request, reply) => reply.status(201).send(await conversion.convert(callerOf(request), request.params.id, request.body)),
  );
};
