import type { Contact, CreateContactInput, UpdateContactInput } from "@contracts";
import { createRecordQueries } from "../../../api";

export const contactQueries = createRecordQueries<Contact, CreateContactInput, UpdateContactInput>("contacts");

export const useContactList = contactQueries.useList;
export const useContact = contactQueries.useOne;
export const useCreateContact = contactQueries.useCreate;
export const useUpdateContact = contactQueries.useUpdate;
export const useDeleteContact = contactQueries.useRemove;
export const useRestoreContact = contactQueries.useRestore;
export const usePurgeContact = contactQueries.usePurge;
