/** Lead assignment rules (Settings → Lead assignment); a part of its own so the settings page can show it without importing the Leads view. */
export { LeadRulesTab } from "./lead-rules.tab";
