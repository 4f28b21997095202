import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCompanyOptions } from "./api/companies.queries";

/** Searchable company picker; `value` is a company id or "" for none. */
export function CompanySelect(props: { label: string; value: string; onChange: (value: string) => void; error?: string; initialCompany: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const options = useCompanyOptions(debouncedSearch);
  const data = (options.data?.data ?? []).map((company) => ({ value: company.id, label: company.name }));
  if (props.initialCompany && !data.some((option) => option.value === props.initialCompany?.id)) {
    data.unshift({ value: props.initialCompany.id, label: props.initialCompany.name });
  }
  return (
    <Select
      label={props.label}
      data={data}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? "")}
      searchable
      clearable
      onSearchChange={setSearch}
      nothingFoundMessage={options.isFetching ? t("common.loading") : t("common.nothingFound")}
      error={props.error}
      filter={({ options: all }) => all}
    />
  );
}
