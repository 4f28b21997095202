import type { z } from "zod";
import type { BatchMatchKey, CustomFieldObject } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import type { FieldError } from "../../platform/http/app-error.js";

/** What the batch engine needs to know of a stored record. */
export interface StoredRecord {
  id: string;
  ownerId: string | null;
  deletedAt: Date | null;
  custom: Record<string, unknown>;
  externalId: string | null;
}

export type RecordValues = Record<string, unknown>;

/** One record of the batch, checked and ready to write. */
export interface PlannedWrite<Stored extends StoredRecord> {
  index: number;
  values: RecordValues;
  /** The record it changes; absent for a new one. */
  before?: Stored;
}

/**
 * Contacts and companies as the batch engine sees them: their contracts, how a record is found
 * by its match key, and how checked values become columns. The engine does the rest the same way
 * for both (validation, ownership, audit, all-or-nothing).
 */
export interface BatchObject<Stored extends StoredRecord> {
  entityType: CustomFieldObject;
  /** "contact", "contacts": for messages. */
  label: string;
  plural: string;
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  /** The field of a record that carries the match key, for error paths: `emails`, `domain`, `externalId`. */
  keyField(matchOn: BatchMatchKey): string;
  /** The match key of a checked record, if it has one. */
  keyOf(matchOn: BatchMatchKey, values: RecordValues): string | undefined;
  /** Stored records with these keys; trashed ones too where the key is unique (id, externalId). */
  findByKeys(tx: Transaction, workspaceId: string, matchOn: BatchMatchKey, keys: string[]): Promise<{ key: string; stored: Stored }[]>;
  findByIds(tx: Transaction, workspaceId: string, ids: string[]): Promise<Stored[]>;
  /** Records holding any of these externalIds (the trash included: the index is unique there too). */
  findByExternalIds(tx: Transaction, workspaceId: string, externalIds: string[]): Promise<Stored[]>;
  /** Errors for references to other records (a contact's companyId) that do not exist or are in the trash. */
  referenceErrors(tx: Transaction, workspaceId: string, writes: PlannedWrite<Stored>[]): Promise<FieldError[]>;
  /** Errors a record's combination of fields makes (a consent source without a consent change). */
  recordErrors(values: RecordValues, index: number): FieldError[];
  insertRows(tx: Transaction, rows: RecordValues[]): Promise<void>;
  updateRow(tx: Transaction, workspaceId: string, id: string, values: RecordValues): Promise<void>;
  /** Checked API values → table columns (a company's annualRevenue becomes two columns). */
  toColumns(values: RecordValues): RecordValues;
  snapshot(stored: Stored): Record<string, unknown>;
  /** Side records written with the change (a contact's consent history). */
  afterWrite?(tx: Transaction, caller: Caller, writes: { values: RecordValues; before?: Stored; after: Stored }[]): Promise<void>;
}
