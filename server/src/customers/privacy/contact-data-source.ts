import type { Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";

/** What identifies an erased contact in free text elsewhere (e-mails, phones, full name…). */
export interface PersonalValues {
  contactId: string;
  /** Strings to remove wherever they appear as whole words; see scrubText. */
  identifiers: string[];
}

/**
 * A module that holds data about contacts beyond the contact row: attachments today,
 * activities once wired (the extension point for customers/activities). Data export adds
 * `exportFor` under `related[name]`; erase calls `erase` in its transaction.
 */
export interface ContactDataSource {
  /** The section of the export, e.g. "attachments" or "activities". */
  name: string;
  exportFor(tx: Transaction, workspaceId: string, contactId: string): Promise<unknown>;
  /**
   * Removes or anonymises the contact's personal data this module holds, inside the erase
   * transaction (an activity shared with other contacts stays for them, with its text scrubbed).
   * May return work for after the commit, such as deleting stored files.
   */
  erase(tx: Transaction, caller: Caller, personal: PersonalValues): Promise<(() => Promise<void>) | void>;
}
