/** Contacts: the people in the shared customer database. */
export { ContactsListPage } from "./contacts.list-page";
export { ContactRecordPage } from "./contact.record-page";
export { ContactCreateModal } from "./contact.create-modal";
export { contactColumns, contactName } from "./contacts.columns";
export { useContactList, useRestoreContact, usePurgeContact } from "./api/contacts.queries";
