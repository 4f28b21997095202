import type { CustomField } from "@contracts";
import { FieldList } from "../../ui";
import { formatDate } from "../../i18n";
import { useCustomFields } from "./api/custom-fields.queries";

/** A stored value as text, for record pages and grid cells; select values show their labels. */
export function formatCustomValue(field: CustomField, value: unknown, yesNo: { yes: string; no: string } = { yes: "✓", no: "✗" }): string {
  if (value === null || value === undefined) return "";
  const labelOf = (option: unknown) => field.options.find((entry) => entry.value === option)?.label ?? String(option);
  switch (field.type) {
    case "boolean":
      return value ? yesNo.yes : yesNo.no;
    case "date":
      return formatDate(String(value));
    case "money": {
      const money = value as { amount: number; currency: string };
      return new Intl.NumberFormat(undefined, { style: "currency", currency: money.currency }).format(money.amount / 100);
    }
    case "single_select":
      return labelOf(value);
    case "multi_select":
      return (value as unknown[]).map(labelOf).join(", ");
    default:
      return String(value);
  }
}

/** A record's custom values on its page; archived fields show while they still hold a value. */
export function CustomValuesList(props: { object: CustomField["object"]; values: Record<string, unknown>; memberName?: (id: string) => string | undefined }) {
  const { fields } = useCustomFields(props.object, { includeArchived: true });
  const shown = fields.filter((field) => !field.archived || props.values[field.key] !== undefined);
  if (shown.length === 0) return null;
  return (
    <FieldList
      items={shown.map((field) => {
        const value = props.values[field.key];
        const text = field.type === "member" && typeof value === "string" ? (props.memberName?.(value) ?? value) : formatCustomValue(field, value);
        return { label: field.label, value: text };
      })}
    />
  );
}
