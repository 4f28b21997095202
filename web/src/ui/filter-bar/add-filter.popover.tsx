import { Button, Popover, Select, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

export interface FilterFieldOption {
  value: string;
  label: string;
}

const operators = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "isEmpty"] as const;

/** A generic field / operator / value filter, written as `filter[field][op]=value`. */
export function AddFilterButton(props: { fields: FilterFieldOption[]; onAdd: (field: string, operator: string, value: string) => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [field, setField] = useState<string | null>(null);
  const [operator, setOperator] = useState<string | null>("eq");
  const [value, setValue] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!field || !operator) return;
    props.onAdd(field, operator, operator === "isEmpty" ? value || "true" : value);
    setOpen(false);
    setValue("");
  }

  return (
    <Popover opened={isOpen} onChange={setOpen} position="bottom-start" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default" onClick={() => setOpen((open) => !open)}>
          {t("filters.add")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={submit}>
          <Stack gap="xs" w={240}>
            <Select label={t("filters.field")} data={props.fields} value={field} onChange={setField} comboboxProps={{ withinPortal: false }} data-autofocus />
            <Select
              label={t("filters.operator")}
              data={operators.map((op) => ({ value: op, label: t(`filters.operators.${op}`) }))}
              value={operator}
              onChange={setOperator}
              comboboxProps={{ withinPortal: false }}
            />
            {operator === "isEmpty" ? (
              <Select label={t("filters.value")} data={[{ value: "true", label: t("common.yes") }, { value: "false", label: t("common.no") }]} value={value || "true"} onChange={(next) => setValue(next ?? "true")} comboboxProps={{ withinPortal: false }} />
            ) : (
              <TextInput label={t("filters.value")} value={value} onChange={(event) => setValue(event.currentTarget.value)} description={operator === "in" ? t("filters.inHint") : undefined} />
            )}
            <Button type="submit" disabled={!field || !operator || (operator !== "isEmpty" && value.trim() === "")}>
              {t("filters.apply")}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
