import { customValueErrors, customValuesSchema, type CustomFieldObject, type CustomFieldRule } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { AppError } from "../../platform/http/app-error.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { customFieldRulesCache } from "./custom-field-rules-cache.js";
import { toCustomField } from "./custom-fields.service.js";
import * as repository from "./custom-fields.repository.js";

export type CustomValues = Record<string, unknown>;

/** Every field of an object, archived ones too: their values stay readable, filterable and sortable. Cached briefly. */
export function loadCustomFieldRules(tx: Transaction, workspaceId: string, object: CustomFieldObject): Promise<CustomFieldRule[]> {
  return customFieldRulesCache.load(`${workspaceId}:${object}`, async () => {
    const rows = await repository.listDefinitions(tx, workspaceId, { object, includeArchived: true });
    return rows.map(toCustomField);
  });
}

function parseCustom(rules: CustomFieldRule[], input: CustomValues, isCreate: boolean): CustomValues {
  const parsed = customValuesSchema(rules, { isCreate }).safeParse(input);
  if (parsed.success) return parsed.data as CustomValues;
  const errors = customValueErrors(parsed.error, "body.custom");
  throw new AppError(400, "Validation failed", errors.map((entry) => `${entry.path}: ${entry.message}`).join("; "), errors);
}

async function checkMembers(tx: Transaction, workspaceId: string, rules: CustomFieldRule[], values: CustomValues) {
  for (const rule of rules) {
    const value = values[rule.key];
    if (rule.type === "member" && typeof value === "string") await assertMemberExists(tx, workspaceId, value, `body.custom.${rule.key}`);
  }
}

/** null clears a value; a record stores only the keys that have one. */
function withoutNulls(values: CustomValues): CustomValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));
}

/** The `custom` to store for a new record: checked against the workspace's fields, defaults filled in. */
export async function customValuesForCreate(tx: Transaction, workspaceId: string, object: CustomFieldObject, input: CustomValues | undefined) {
  const rules = await loadCustomFieldRules(tx, workspaceId, object);
  const values = parseCustom(rules, input ?? {}, true);
  await checkMembers(tx, workspaceId, rules, values);
  return withoutNulls(values);
}

/** The `custom` to store after an update: the given keys change, the others (archived ones too) stay. */
export async function customValuesForUpdate(tx: Transaction, workspaceId: string, object: CustomFieldObject, changes: CustomValues, stored: CustomValues) {
  const rules = await loadCustomFieldRules(tx, workspaceId, object);
  const values = parseCustom(rules, changes, false);
  await checkMembers(tx, workspaceId, rules, values);
  return withoutNulls({ ...stored, ...values });
}
