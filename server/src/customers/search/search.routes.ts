import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SearchQuery, SearchResult } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { CompaniesService } from "../companies/companies.service.js";
import type { ContactsService } from "../contacts/contacts.service.js";

/** Global search (Ctrl/Cmd-K): the best-ranked contacts and companies for one query. */
export const searchRoutes: FastifyPluginAsyncZod<{ contacts: ContactsService; companies: CompaniesService }> = async (app, { contacts, companies }) => {
  app.get("/search", { config: { permission: "records:read" }, schema: { tags: ["search"], querystring: SearchQuery, response: { 200: SearchResult } } }, async (request) => {
    const caller = callerOf(request);
    const { q, limit } = request.query;
    const [contactPage, companyPage] = await Promise.all([
      contacts.list(caller, { q, limit, trash: false }),
      companies.list(caller, { q, limit, trash: false }),
    ]);
    return {
      contacts: contactPage.data.map((contact) => ({
        id: contact.id,
        name: [contact.firstName, contact.lastName].filter(Boolean).join(" "),
        email: contact.emails.find((email) => email.primary)?.address ?? null,
        companyName: contact.company?.name ?? null,
      })),
      companies: companyPage.data.map((company) => ({ id: company.id, name: company.name, domain: company.domain })),
    };
  });
};
