/** Leads: who gets a new lead (assignment rules, round robin within a team) and converting a lead into a deal. */
export { leadAssignment } from "./leads.assignment.js";
export { createLeadConversionService, type LeadConversionService, type OpenDeal } from "./leads.conversion.js";
export { leadsRoutes } from "./leads.routes.js";
export { createLeadRulesService, type LeadRulesService } from "./leads.service.js";
