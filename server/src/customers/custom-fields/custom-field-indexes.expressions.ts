import type { CustomFieldType } from "../../../../contracts/index.js";

/**
 * The typed value of a custom field as SQL text, one spelling shared by the per-field index and
 * by the list queries, so the planner matches them (migration 0020 has the functions). The key
 * is written as a literal, not a parameter: an index expression matches only the same constant.
 */
export const indexedFieldTypes = ["number", "money", "date", "single_select"] as const satisfies readonly CustomFieldType[];
export type IndexedFieldType = (typeof indexedFieldTypes)[number];

export const isIndexedFieldType = (type: CustomFieldType): type is IndexedFieldType => (indexedFieldTypes as readonly string[]).includes(type);

/** Keys are checked against this (the contract's CustomFieldKey) before they reach SQL text. */
const keyPattern = /^[a-z][a-z0-9_]{0,39}$/;

export function indexedValueSql(type: IndexedFieldType, key: string, custom: string): string {
  if (!keyPattern.test(key)) throw new Error(`custom field key ${JSON.stringify(key)} cannot be written into an index expression`);
  switch (type) {
    case "number":
      return `custom_number_value(${custom}, '{${key}}'::text[])`;
    case "money":
      return `custom_number_value(${custom}, '{${key},amount}'::text[])`;
    case "date":
      return `custom_date_value(${custom}, '${key}'::text)`;
    case "single_select":
      return `custom_option_value(${custom}, '${key}'::text)`;
  }
}

/**
 * Whether the value functions are leakproof here (migration 0020 could declare them so only as a
 * superuser). Until the server has checked, filters take the path that needs no leakproof function.
 */
let isLeakproof = false;
export const areValueFunctionsLeakproof = () => isLeakproof;
export function setValueFunctionsLeakproof(value: boolean) {
  isLeakproof = value;
}
