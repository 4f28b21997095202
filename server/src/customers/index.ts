/**
 * The shared customer database: contacts, companies, and search across them. Every other pillar
 * (sales, service, marketing, analytics) reads and links customers through this module.
 */
export { contactsRoutes } from "./contacts/contacts.routes.js";
export { createContactsService, type ContactsService } from "./contacts/contacts.service.js";
export { companiesRoutes } from "./companies/companies.routes.js";
export { createCompaniesService, type CompaniesService } from "./companies/companies.service.js";
export { searchRoutes } from "./search/search.routes.js";
