/** Converting a lead into a deal; a part of its own so the contact page can offer it without importing the Leads view. */
export { ConvertLeadButton, ConvertLeadModal } from "./convert-lead.modal";
