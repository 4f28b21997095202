import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMembers } from "./api/members.queries";

/** Picks a workspace member as a record's owner; `value` is a user id or "" for none. */
export function OwnerSelect(props: { label: string; value: string; onChange: (value: string) => void; error?: string; placeholder?: string; w?: number | string }) {
  const { t } = useTranslation();
  const members = useMembers();
  const data = (members.data?.data ?? []).map((member) => ({ value: member.userId, label: member.name || member.email }));
  return (
    <Select
      label={props.label || undefined}
      aria-label={props.label ? undefined : props.placeholder}
      placeholder={props.placeholder}
      data={data}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? "")}
      searchable
      clearable
      nothingFoundMessage={t("common.nothingFound")}
      error={props.error}
      w={props.w}
    />
  );
}
