import type { CustomField, CustomFieldObject } from "@contracts";
import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useCustomFields } from "./api/custom-fields.queries";

type Values = Record<string, unknown>;

/** The input for one field; values are kept in their API types (numbers as numbers, money as {amount, currency}). */
function CustomValueInput(props: { field: CustomField; value: unknown; error?: string; onChange: (value: unknown) => void }) {
  const { field, value, onChange } = props;
  const common = { label: field.label, description: field.helpText ?? undefined, withAsterisk: field.required, error: props.error };
  const text = typeof value === "string" ? value : "";
  const orNull = (input: string) => (input === "" ? null : input);
  const options = field.options.map((option) => ({ value: option.value, label: option.label }));
  switch (field.type) {
    case "long_text":
      return <Textarea {...common} autosize minRows={2} value={text} onChange={(event) => onChange(orNull(event.currentTarget.value))} />;
    case "number":
      return <NumberInput {...common} value={typeof value === "number" ? value : ""} onChange={(input) => onChange(typeof input === "number" ? input : null)} />;
    case "money": {
      const money = value as { amount: number; currency: string } | null | undefined;
      return (
        <NumberInput
          {...common}
          decimalScale={2}
          leftSection={money?.currency ?? "USD"}
          value={money ? money.amount / 100 : ""}
          onChange={(input) => onChange(typeof input === "number" ? { amount: Math.round(input * 100), currency: money?.currency ?? "USD" } : null)}
        />
      );
    }
    case "date":
      return <TextInput {...common} type="date" value={text} onChange={(event) => onChange(orNull(event.currentTarget.value))} />;
    case "boolean":
      return <Checkbox {...common} mt="lg" checked={value === true} onChange={(event) => onChange(event.currentTarget.checked)} />;
    case "single_select":
      return <Select {...common} data={options} value={text || null} onChange={(input) => onChange(input)} clearable />;
    case "multi_select":
      return <MultiSelect {...common} data={options} value={Array.isArray(value) ? (value as string[]) : []} onChange={(input) => onChange(input.length ? input : null)} clearable />;
    default:
      return <TextInput {...common} type={field.type === "email" ? "email" : field.type === "url" ? "url" : field.type === "phone" ? "tel" : "text"} value={text} onChange={(event) => onChange(orNull(event.currentTarget.value))} />;
  }
}

/**
 * The workspace's active custom fields of an object as form inputs. Errors are keyed like the
 * server's paths (`custom.score`), so a 400 from the API lands beside its input.
 */
export function CustomValueInputs(props: { object: CustomFieldObject; values: Values; errors: Record<string, string>; onChange: (values: Values) => void }) {
  const { fields } = useCustomFields(props.object);
  if (fields.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {fields.map((field) => (
        <CustomValueInput
          key={field.id}
          field={field}
          value={props.values[field.key]}
          error={props.errors[`custom.${field.key}`]}
          onChange={(value) => props.onChange({ ...props.values, [field.key]: value })}
        />
      ))}
    </SimpleGrid>
  );
}
