import type { z } from "zod";
import {
  customValueSchema,
  isSelectType,
  type CreateCustomFieldInput,
  type CustomField,
  type CustomFieldObject,
  type SelectOption,
  type UpdateCustomFieldInput,
} from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { conflict, invalidField, notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import type { JobQueue } from "../../platform/jobs/index.js";
import { queueFieldIndexSync } from "./custom-field-indexes.job.js";
import { forgetCustomFieldRules } from "./custom-field-rules-cache.js";
import * as repository from "./custom-fields.repository.js";

/** Enough for any CRM we know of, and it keeps the per-request validation schema small. */
export const maxFieldsPerObject = 200;

type NewField = z.output<typeof CreateCustomFieldInput>;
type FieldChanges = z.output<typeof UpdateCustomFieldInput>;

export function toCustomField(row: repository.CustomFieldRow): CustomField {
  return {
    id: row.id,
    object: row.object,
    key: row.key,
    label: row.label,
    type: row.type,
    required: row.isRequired,
    default: row.defaultValue ?? null,
    options: row.options,
    helpText: row.helpText,
    position: row.position,
    archived: row.archivedAt !== null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** A default must be a valid value of the field; it returns the stored (normalised) form. */
function checkedDefault(field: { type: CustomField["type"]; options: SelectOption[] }, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (field.type === "member") throw invalidField("body.default", "a member field cannot have a default");
  const parsed = customValueSchema({ ...field, required: false }).safeParse(value);
  if (!parsed.success) throw invalidField("body.default", parsed.error.issues[0]?.message ?? "is not a valid value for this field");
  return parsed.data;
}

/**
 * Only admins and owners reach this service (permission custom_fields:manage on writes). Creating
 * and deleting a field queue the job that builds or drops its list indexes (custom-field-indexes.job.ts).
 */
export function createCustomFieldsService({ db, jobs }: { db: Database; jobs: JobQueue }) {
  async function load(tx: Parameters<typeof repository.findDefinition>[0], caller: Caller, id: string) {
    const row = await repository.findDefinition(tx, caller.workspaceId, id);
    if (!row) throw notFound("Custom field");
    return row;
  }

  return {
    list: (caller: Caller, query: { object?: CustomFieldObject; archived: boolean }) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const rows = await repository.listDefinitions(tx, caller.workspaceId, { object: query.object, includeArchived: query.archived });
        return rows.map(toCustomField);
      }),

    create: (caller: Caller, input: NewField) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        if (await repository.findDefinitionByKey(tx, caller.workspaceId, input.object, input.key)) {
          throw conflict(`A ${input.object} field with the key "${input.key}" already exists (archived fields keep their key).`, [{ path: "body.key", message: "is already used" }]);
        }
        const { count, nextPosition } = await repository.countDefinitions(tx, caller.workspaceId, input.object);
        if (count >= maxFieldsPerObject) throw conflict(`A workspace can define at most ${maxFieldsPerObject} ${input.object} fields.`);
        const options = input.options ?? [];
        const now = new Date();
        const row = await repository.insertDefinition(tx, {
          workspaceId: caller.workspaceId,
          id: newId(),
          object: input.object,
          key: input.key,
          label: input.label,
          type: input.type,
          isRequired: input.required ?? false,
          defaultValue: checkedDefault({ type: input.type, options }, input.default),
          options,
          helpText: input.helpText ?? null,
          position: nextPosition,
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        });
        await recordAudit(tx, caller, { entityType: "custom_field", entityId: row.id, action: "create", before: null, after: row });
        await queueFieldIndexSync(jobs, tx, caller.workspaceId, row.id);
        return toCustomField(row);
      }).finally(() => forgetCustomFieldRules(caller.workspaceId)),

    update: (caller: Caller, id: string, changes: FieldChanges) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        if (changes.options !== undefined && !isSelectType(before.type) && changes.options.length > 0) throw invalidField("body.options", "only select fields have options");
        if (changes.options !== undefined && isSelectType(before.type) && changes.options.length === 0) throw invalidField("body.options", "a select field needs at least one option");
        const options = changes.options ?? before.options;
        const defaultValue = changes.default !== undefined ? checkedDefault({ type: before.type, options }, changes.default) : before.defaultValue;
        // A default that names a removed option would fail every create that relies on it.
        if (changes.options !== undefined && changes.default === undefined) checkedDefault({ type: before.type, options }, before.defaultValue);
        const { archived, required, helpText, ...rest } = changes;
        const after = await repository.updateDefinition(tx, caller.workspaceId, id, {
          ...rest,
          options,
          defaultValue,
          ...(required === undefined ? {} : { isRequired: required }),
          ...(helpText === undefined ? {} : { helpText }),
          ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }),
          updatedAt: new Date(),
        });
        await recordAudit(tx, caller, { entityType: "custom_field", entityId: id, action: "update", before, after });
        return toCustomField(after);
      }).finally(() => forgetCustomFieldRules(caller.workspaceId)),

    /** Deletes the definition and its values on every record, in one transaction. Archive keeps them. */
    remove: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        await repository.stripValues(tx, caller.workspaceId, before.object, before.key);
        await repository.deleteDefinition(tx, caller.workspaceId, id);
        await recordAudit(tx, caller, { entityType: "custom_field", entityId: id, action: "delete", before, after: null });
        await queueFieldIndexSync(jobs, tx, caller.workspaceId, id);
      }).finally(() => forgetCustomFieldRules(caller.workspaceId)),
  };
}

export type CustomFieldsService = ReturnType<typeof createCustomFieldsService>;
