import type { Contact } from "@contracts";
import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useContactOptions } from "./api/deals.queries";

function contactLabel(contact: Contact): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  const email = contact.emails.find((entry) => entry.primary)?.address ?? contact.emails[0]?.address;
  return email ? `${name} · ${email}` : name;
}

/** Searchable picker of several contacts; remembers the names of those already picked. */
export function ContactsMultiSelect(props: { label: string; value: string[]; onChange: (value: string[]) => void; error?: string; initialContacts?: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const options = useContactOptions(debouncedSearch);
  const known = useRef(new Map<string, string>((props.initialContacts ?? []).map((contact) => [contact.id, contact.name])));
  for (const contact of options.data?.data ?? []) known.current.set(contact.id, contactLabel(contact));
  const found = new Set((options.data?.data ?? []).map((contact) => contact.id));
  const data = [
    ...props.value.filter((id) => !found.has(id)).map((id) => ({ value: id, label: known.current.get(id) ?? id })),
    ...(options.data?.data ?? []).map((contact) => ({ value: contact.id, label: contactLabel(contact) })),
  ];
  return (
    <MultiSelect
      label={props.label}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={options.isFetching ? t("common.loading") : t("common.nothingFound")}
      error={props.error}
      filter={({ options: all }) => all}
      data-testid="deal-contacts-select"
    />
  );
}
