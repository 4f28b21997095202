/** Leads: the Leads view of contacts in early lifecycle stages; assignment rules and conversion are parts of their own. */
export { LeadsListPage } from "./leads.list-page";
