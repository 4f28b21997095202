import { Button, CloseButton, Collapse, Group, Pill, TextInput } from "@mantine/core";
import { useDebouncedCallback, useDisclosure, useMediaQuery } from "@mantine/hooks";
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
  // On a phone the quick filters fold away behind one button so the list stays in view.
  const isPhone = useMediaQuery("(max-width: 36em)") ?? false;
  const [isExpanded, { toggle }] = useDisclosure(false);
  const activeCount = Object.values(props.filter).reduce((count, operations) => count + Object.keys(operations).length, 0);

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

  const searchBox = (
    <TextInput
      aria-label={t("filters.search")}
      placeholder={t("filters.searchPlaceholder")}
      value={search}
      onChange={(event) => {
        setSearch(event.currentTarget.value);
        debouncedSearch(event.currentTarget.value);
      }}
      rightSection={search ? <CloseButton aria-label={t("filters.clearSearch")} size="sm" onClick={() => { setSearch(""); props.onQChange(""); }} /> : null}
      w={{ base: "auto", xs: 220 }}
      style={isPhone ? { flex: 1 } : undefined}
    />
  );
  const filters = (
    <>
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
    </>
  );

  if (isPhone) {
    return (
      <div data-testid="filter-bar">
        <Group gap="xs" wrap="nowrap">
          {searchBox}
          <Button variant={activeCount ? "light" : "default"} onClick={toggle} aria-expanded={isExpanded}>
            {t("filters.toggle")}{activeCount ? ` (${activeCount})` : ""}
          </Button>
        </Group>
        <Collapse expanded={isExpanded}>
          <Group gap="xs" pt="xs" wrap="wrap">{filters}</Group>
        </Collapse>
      </div>
    );
  }
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="filter-bar">
      {searchBox}
      {filters}
    </Group>
  );
}
