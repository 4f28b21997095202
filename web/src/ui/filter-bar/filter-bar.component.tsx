import { CloseButton, Group, Pill, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ListFilter } from "../../api";
import { AddFilterButton, type FilterFieldOption } from "./add-filter.popover";

export interface FilterBarProps {
  q: string;
  onQChange: (q: string) => void;
  filter: ListFilter;
  onFilterChange: (filter: ListFilter) => void;
  fields: FilterFieldOption[];
  /** Quick filters (stage, owner, tags) rendered beside the search box. */
  children?: ReactNode;
  /** Filter fields shown by the quick filters, so they are not repeated as chips. */
  quickFields?: string[];
}

/** Search box (debounced), quick filters, chips for the other active filters and an "Add filter" popover. */
export function FilterBar(props: FilterBarProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(props.q);
  const debouncedSearch = useDebouncedCallback((value: string) => props.onQChange(value), 300);
  useEffect(() => setSearch(props.q), [props.q]);

  const chips = Object.entries(props.filter).flatMap(([field, operations]) =>
    props.quickFields?.includes(field) ? [] : Object.entries(operations).map(([operator, value]) => ({ field, operator, value })),
  );
  const fieldLabel = (field: string) => props.fields.find((option) => option.value === field)?.label ?? field;

  function removeChip(field: string, operator: string) {
    const next: ListFilter = { ...props.filter, [field]: { ...props.filter[field] } };
    delete next[field][operator];
    if (Object.keys(next[field]).length === 0) delete next[field];
    props.onFilterChange(next);
  }

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="filter-bar">
      <TextInput
        aria-label={t("filters.search")}
        placeholder={t("filters.searchPlaceholder")}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          debouncedSearch(event.currentTarget.value);
        }}
        rightSection={search ? <CloseButton aria-label={t("filters.clearSearch")} size="sm" onClick={() => { setSearch(""); props.onQChange(""); }} /> : null}
        w={{ base: "100%", xs: 220 }}
      />
      {props.children}
      <AddFilterButton
        fields={props.fields}
        onAdd={(field, operator, value) => props.onFilterChange({ ...props.filter, [field]: { ...props.filter[field], [operator]: value } })}
      />
      {chips.map((chip) => (
        <Pill key={`${chip.field}.${chip.operator}`} withRemoveButton onRemove={() => removeChip(chip.field, chip.operator)} removeButtonProps={{ "aria-label": t("filters.remove") }}>
          {fieldLabel(chip.field)} {t(`filters.operators.${chip.operator}`)} {chip.value}
        </Pill>
      ))}
    </Group>
  );
}
