import type { CustomField, CustomFieldObject } from "@contracts";
import type { FilterFieldOption } from "../../ui";
import type { ListColumn } from "../views";
import { useCustomFields } from "./api/custom-fields.queries";
import { formatCustomValue } from "./custom-values.list";

/** Types the API sorts on (custom-list-fields.ts on the server). */
const sortableTypes = new Set<CustomField["type"]>(["text", "number", "money", "date", "boolean", "single_select", "url", "email", "phone"]);

/**
 * Grid columns and "Add filter" fields for an object's custom fields, named `custom.<key>` as
 * in the API, so saved views store them like built-in ones.
 */
export function useCustomListFields<Row extends { custom: Record<string, unknown> }>(object: CustomFieldObject) {
  const { fields } = useCustomFields(object);
  const columns: ListColumn<Row>[] = fields.map((field) => ({
    id: `custom.${field.key}`,
    label: field.label,
    header: field.label,
    width: field.type === "long_text" ? 240 : 160,
    render: (row: Row) => formatCustomValue(field, row.custom[field.key]),
    sortField: sortableTypes.has(field.type) ? `custom.${field.key}` : undefined,
  }));
  const filterFields: FilterFieldOption[] = fields.map((field) => ({ value: `custom.${field.key}`, label: field.label }));
  return { columns, filterFields };
}
