import type { DatabaseHandle } from "../../db/client.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { defineJob, type JobQueue } from "../../platform/jobs/index.js";
import { isIndexedFieldType, setValueFunctionsLeakproof } from "./custom-field-indexes.expressions.js";
import { areValueFunctionsLeakproof, createFieldIndexes, dropFieldIndexes, fieldIndexDrift, type IndexedField } from "./custom-field-indexes.repository.js";
import { findDefinition } from "./custom-fields.repository.js";

/** workspaceId is null for an index whose field no longer exists in any workspace. */
export interface FieldIndexJobData {
  workspaceId: string | null;
  fieldId: string;
}

/**
 * Makes a field's indexes match its definition: built while a contact or company field of an
 * indexed type exists (archived ones too, which stay filterable), dropped once it is deleted.
 * DDL cannot run inside the request's transaction (CREATE INDEX CONCURRENTLY), so the field's
 * create and delete send this job in their transaction and the worker runs it as the login role.
 */
export const fieldIndexJob = defineJob<FieldIndexJobData>("custom-field-index");

export function queueFieldIndexSync(jobs: JobQueue, tx: Transaction, workspaceId: string, fieldId: string) {
  return jobs.send(fieldIndexJob, { workspaceId, fieldId }, { transaction: tx, retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 3600 });
}

async function indexedField(database: DatabaseHandle, { workspaceId, fieldId }: FieldIndexJobData): Promise<IndexedField | undefined> {
  if (!workspaceId) return undefined;
  const row = await inWorkspace(database.db, workspaceId, (tx) => findDefinition(tx, workspaceId, fieldId));
  if (!row || (row.object !== "contact" && row.object !== "company") || !isIndexedFieldType(row.type)) return undefined;
  return { workspaceId, id: row.id, object: row.object, key: row.key, type: row.type };
}

export async function syncFieldIndexes(database: DatabaseHandle, data: FieldIndexJobData) {
  const field = await indexedField(database, data);
  if (!field) return dropFieldIndexes(database, data.fieldId);
  await createFieldIndexes(database, field);
  // A delete that committed during the build queued its own job, which may have run first.
  if (!(await indexedField(database, data))) await dropFieldIndexes(database, data.fieldId);
}

/** Registers the worker, tells the list fields whether filters can use the indexes, and queues what drifted (fields from before this job existed, a crash). */
export async function registerFieldIndexWorker(jobs: JobQueue, database: DatabaseHandle) {
  setValueFunctionsLeakproof(await areValueFunctionsLeakproof(database));
  await jobs.work(fieldIndexJob, (data) => syncFieldIndexes(database, data), { pollingIntervalSeconds: 0.5 });
  for (const drift of await fieldIndexDrift(database)) await jobs.send(fieldIndexJob, drift, { retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true });
}
