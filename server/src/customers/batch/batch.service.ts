import { z } from "zod";
import { can, customValueErrors, customValuesSchema, type BatchMatchKey, type BatchMode, type BatchResult, type CustomFieldRule } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAuditEntries } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { AppError, forbidden, invalidField, type FieldError } from "../../platform/http/app-error.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { loadCustomFieldRules } from "../custom-fields/index.js";
import { ownersForNewLeads, type LeadAssigner, type NewLead } from "../contacts/contacts.lead-assignment.js";
import { assertCanAssignOwner, assertCanModify } from "../shared/records.policy.js";
import type { BatchObject, PlannedWrite, RecordValues, StoredRecord } from "./batch.object.js";

export interface BatchInput {
  mode: BatchMode;
  matchOn?: BatchMatchKey;
  records: Record<string, unknown>[];
}

const at = (index: number, path: string) => `records[${index}]${path ? `.${path}` : ""}`;

function zodErrors(error: z.ZodError, index: number): FieldError[] {
  return error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return { path: issue.keys.map((key) => at(index, key)).join(", "), message: "is not a known field" };
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return { path: at(index, issue.path.map(String).join(".")), message };
  });
}

function invalidRecords(errors: FieldError[]): AppError {
  const shown = errors.slice(0, 5).map((entry) => `${entry.path}: ${entry.message}`).join("; ");
  return new AppError(422, "Unprocessable Content", `Nothing was written: ${errors.length} problem${errors.length === 1 ? "" : "s"} in the records. ${shown}${errors.length > 5 ? "; …" : ""}`, errors);
}

/** null clears a custom value; a record stores only the keys that have one. */
const withoutNulls = (values: RecordValues) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));

interface Parsed {
  index: number;
  raw: Record<string, unknown>;
  values?: RecordValues;
  key?: string;
}

/**
 * Batch create, update and upsert of up to 1,000 contacts or companies in one transaction: every
 * record is checked first (contract, custom fields, references, externalId uniqueness, ownership)
 * and any problem answers 422 (403 for ownership) naming `records[i].field`, with nothing written.
 */
export function createBatchService({ db, leadAssigner }: { db: Database; leadAssigner?: LeadAssigner }) {
  /** `hidden`: the fields the caller's role may not change (field permissions); a record that sets one is refused. */
  async function run<Stored extends StoredRecord>(caller: Caller, object: BatchObject<Stored>, input: BatchInput, hidden: ReadonlySet<string> = new Set()): Promise<BatchResult> {
    const { mode } = input;
    const matchOn = input.matchOn ?? (mode === "update" ? "id" : undefined);
    if (mode === "upsert" && (matchOn === undefined || matchOn === "id")) {
      throw invalidField("body.matchOn", `upsert needs a key that a new ${object.label} can carry: ${object.entityType === "contact" ? "email" : "domain"} or externalId`);
    }
    if (mode !== "create" && !can(caller.role, "records:write")) throw forbidden(`Your role (${caller.role}) cannot change ${object.plural}.`);

    return inWorkspace(db, caller.workspaceId, async (tx) => {
      const rules = await loadCustomFieldRules(tx, caller.workspaceId, object.entityType);
      const parsed = parseRecords(object, input.records, mode, matchOn, hidden);
      const writes = await planWrites(tx, caller, object, parsed, mode, matchOn, rules);
      return write(tx, caller, object, writes);
    });
  }

  function parseRecords<Stored extends StoredRecord>(
    object: BatchObject<Stored>,
    records: Record<string, unknown>[],
    mode: BatchMode,
    matchOn: BatchMatchKey | undefined,
    hidden: ReadonlySet<string>,
  ): Parsed[] {
    const errors: FieldError[] = [];
    const parsed = records.map((raw, index): Parsed => {
      // Writing a field one may not read would overwrite what one cannot see (as on PATCH).
      for (const name of Object.keys(raw)) if (hidden.has(name)) errors.push({ path: at(index, name), message: "is a field your role may not change" });
      let candidate = raw;
      let key: string | undefined;
      if (mode !== "create" && matchOn === "id") {
        const { id, ...rest } = raw;
        candidate = rest;
        if (!z.uuid().safeParse(id).success) errors.push({ path: at(index, "id"), message: id === undefined ? "is required to find the record (matchOn id)" : "must be a UUID" });
        else key = id as string;
      }
      const result = (mode === "create" ? object.createSchema : object.updateSchema).safeParse(candidate);
      if (!result.success) {
        errors.push(...zodErrors(result.error, index));
        return { index, raw };
      }
      const values = result.data as RecordValues;
      errors.push(...object.recordErrors(values, index));
      if (mode !== "create" && matchOn !== "id" && matchOn) {
        key = object.keyOf(matchOn, values);
        if (key === undefined) errors.push({ path: at(index, object.keyField(matchOn)), message: `is required to find the record (matchOn ${matchOn})` });
      }
      return { index, raw: candidate, values, key };
    });
    // Two records for one key would race each other inside the batch: refuse the later ones.
    const firstWithKey = new Map<string, number>();
    for (const record of parsed) {
      if (record.key === undefined || !matchOn) continue;
      const first = firstWithKey.get(record.key);
      if (first === undefined) firstWithKey.set(record.key, record.index);
      else errors.push({ path: at(record.index, object.keyField(matchOn)), message: `matches the same ${object.label} as records[${first}]` });
    }
    if (errors.length) throw invalidRecords(errors);
    return parsed;
  }

  async function planWrites<Stored extends StoredRecord>(
    tx: Transaction,
    caller: Caller,
    object: BatchObject<Stored>,
    parsed: Parsed[],
    mode: BatchMode,
    matchOn: BatchMatchKey | undefined,
    rules: CustomFieldRule[],
  ): Promise<PlannedWrite<Stored>[]> {
    const errors: FieldError[] = [];
    const found = new Map<string, Stored[]>();
    if (mode !== "create" && matchOn) {
      const keys = parsed.map((record) => record.key!);
      for (const { key, stored } of await object.findByKeys(tx, caller.workspaceId, matchOn, keys)) found.set(key, [...(found.get(key) ?? []), stored]);
    }
    const createCustom = customValuesSchema(rules, { isCreate: true });
    const updateCustom = customValuesSchema(rules, { isCreate: false });

    const writes: PlannedWrite<Stored>[] = [];
    for (const record of parsed) {
      let values = record.values!;
      const matches = mode === "create" ? [] : (found.get(record.key!) ?? []);
      const keyPath = at(record.index, matchOn ? (matchOn === "id" ? "id" : object.keyField(matchOn)) : "");
      if (matches.length > 1) {
        errors.push({ path: keyPath, message: `matches ${matches.length} ${object.plural}; use a key that names one (id or externalId)` });
        continue;
      }
      const before = matches[0];
      if (before?.deletedAt) {
        errors.push({ path: keyPath, message: `is a ${object.label} in the trash; restore it first` });
        continue;
      }
      if (!before && mode === "update") {
        errors.push({ path: keyPath, message: `matches no ${object.label}` });
        continue;
      }
      if (!before && mode === "upsert") {
        // Nothing matched: the record must be a complete new one.
        const result = object.createSchema.safeParse(record.raw);
        if (!result.success) {
          errors.push(...zodErrors(result.error, record.index));
          continue;
        }
        values = result.data as RecordValues;
      }
      const custom = (before ? updateCustom : createCustom).safeParse(values.custom ?? {});
      if (!custom.success) {
        errors.push(...customValueErrors(custom.error, at(record.index, "custom")));
        continue;
      }
      const checkedCustom = custom.data as RecordValues;
      const customValues = before ? withoutNulls({ ...before.custom, ...checkedCustom }) : withoutNulls(checkedCustom);
      writes.push({ index: record.index, values: { ...values, ...(before && values.custom === undefined ? {} : { custom: customValues }) }, before });
    }
    if (errors.length) throw invalidRecords(errors);

    errors.push(...(await object.referenceErrors(tx, caller.workspaceId, writes)));
    errors.push(...(await memberErrors(tx, caller.workspaceId, writes, rules)));
    errors.push(...(await externalIdErrors(tx, caller.workspaceId, object, writes)));
    if (errors.length) throw invalidRecords(errors);

    const refusals = ownershipRefusals(caller, object, writes);
    if (refusals.length) throw new AppError(403, "Forbidden", `Nothing was written: your role (${caller.role}) may not make ${refusals.length} of these changes.`, refusals);
    return writes;
  }

  async function write<Stored extends StoredRecord>(tx: Transaction, caller: Caller, object: BatchObject<Stored>, writes: PlannedWrite<Stored>[]): Promise<BatchResult> {
    const now = new Date();
    const ids = writes.map((entry) => entry.before?.id ?? newId());
    const inserts: RecordValues[] = [];
    // New contacts without an owner may be leads that assignment rules route to someone.
    const newLeads = object.entityType === "contact" ? writes.flatMap((entry, position) => (entry.before || entry.values.ownerId !== undefined ? [] : [leadOf(ids[position], entry.values)])) : [];
    const assigned = await ownersForNewLeads(leadAssigner, tx, caller, newLeads);
    for (const [position, entry] of writes.entries()) {
      const columns = object.toColumns(entry.values);
      if (entry.before) {
        await object.updateRow(tx, caller.workspaceId, entry.before.id, { ...columns, updatedAt: now });
      } else {
        inserts.push({
          ...columns,
          ownerId: entry.values.ownerId === undefined ? (assigned.get(ids[position]) ?? caller.userId) : entry.values.ownerId,
          workspaceId: caller.workspaceId,
          id: ids[position],
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        });
      }
    }
    if (inserts.length) await object.insertRows(tx, inserts);
    const afterById = new Map((await object.findByIds(tx, caller.workspaceId, ids)).map((stored) => [stored.id, stored]));
    const written = writes.map((entry, position) => ({ values: entry.values, before: entry.before, after: afterById.get(ids[position])! }));
    await recordAuditEntries(
      tx,
      caller,
      written.map((entry) => ({
        entityType: object.entityType,
        entityId: entry.after.id,
        action: entry.before ? "update" : "create",
        before: entry.before ? object.snapshot(entry.before) : null,
        after: object.snapshot(entry.after),
      })),
    );
    await object.afterWrite?.(tx, caller, written);
    return { results: writes.map((entry, position) => ({ index: entry.index, id: ids[position], status: entry.before ? "updated" : "created" })) };
  }

  return {
    run,
  };
}

function leadOf(id: string, values: RecordValues): NewLead {
  return { ...(values as Omit<NewLead, "id">), id, lifecycleStage: (values.lifecycleStage as NewLead["lifecycleStage"] | undefined) ?? "lead", tags: (values.tags as string[] | undefined) ?? [], custom: (values.custom as Record<string, unknown> | undefined) ?? {} };
}

/** Owners (and member-type custom values) must be members of the workspace; each distinct id is checked once. */
async function memberErrors(tx: Transaction, workspaceId: string, writes: PlannedWrite<StoredRecord>[], rules: CustomFieldRule[]): Promise<FieldError[]> {
  const uses = new Map<string, string[]>();
  const note = (userId: unknown, path: string) => {
    if (typeof userId === "string") uses.set(userId, [...(uses.get(userId) ?? []), path]);
  };
  const memberFields = rules.filter((rule) => rule.type === "member" && !rule.archived);
  for (const entry of writes) {
    note(entry.values.ownerId, at(entry.index, "ownerId"));
    const custom = (entry.values.custom ?? {}) as RecordValues;
    for (const field of memberFields) if (entry.values.custom !== undefined) note(custom[field.key], at(entry.index, `custom.${field.key}`));
  }
  const errors: FieldError[] = [];
  for (const [userId, paths] of uses) {
    try {
      await assertMemberExists(tx, workspaceId, userId, "ownerId");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.push(...paths.map((path) => ({ path, message: "is not a member of this workspace" })));
    }
  }
  return errors;
}

/** An externalId may name one record of the workspace: refuse one already held by another record, or given twice. */
async function externalIdErrors<Stored extends StoredRecord>(tx: Transaction, workspaceId: string, object: BatchObject<Stored>, writes: PlannedWrite<Stored>[]): Promise<FieldError[]> {
  const wanted = writes.filter((entry) => typeof entry.values.externalId === "string" && entry.values.externalId !== entry.before?.externalId);
  if (wanted.length === 0) return [];
  const errors: FieldError[] = [];
  const holders = new Map((await object.findByExternalIds(tx, workspaceId, wanted.map((entry) => entry.values.externalId as string))).map((stored) => [stored.externalId!, stored]));
  const firstInBatch = new Map<string, number>();
  for (const entry of wanted) {
    const externalId = entry.values.externalId as string;
    const holder = holders.get(externalId);
    const first = firstInBatch.get(externalId);
    if (holder && holder.id !== entry.before?.id) errors.push({ path: at(entry.index, "externalId"), message: `is already used by another ${object.label}` });
    else if (first !== undefined) errors.push({ path: at(entry.index, "externalId"), message: `is the same as records[${first}].externalId` });
    else firstInBatch.set(externalId, entry.index);
  }
  return errors;
}

/** The PATCH policy, record by record: members change only what they own and assign only themselves. */
function ownershipRefusals<Stored extends StoredRecord>(caller: Caller, object: BatchObject<Stored>, writes: PlannedWrite<Stored>[]): FieldError[] {
  const refusals: FieldError[] = [];
  for (const entry of writes) {
    try {
      if (entry.before) {
        assertCanModify(caller, entry.before, object.plural);
        if (entry.values.ownerId !== undefined && entry.values.ownerId !== entry.before.ownerId) assertCanAssignOwner(caller, entry.values.ownerId as string | null);
      } else {
        assertCanAssignOwner(caller, entry.values.ownerId as string | null | undefined);
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusals.push({ path: at(entry.index, entry.before ? "" : "ownerId").replace(/\.$/, ""), message: error.message });
    }
  }
  return refusals;
}

export type BatchService = ReturnType<typeof createBatchService>;
