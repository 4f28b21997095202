import type { Contact, LeadStatus } from "@contracts";
import { Anchor, Badge, Group } from "@mantine/core";
import type { TFunction } from "i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../i18n";
import type { ListColumn } from "../views";

export const defaultContactColumns = ["name", "email", "phone", "company", "lifecycleStage", "owner", "updatedAt"];
export const defaultContactSort = "-updatedAt";

export function contactName(contact: Pick<Contact, "firstName" | "lastName">): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(" ");
}

const leadStatusColors: Record<LeadStatus, string> = { new: "blue", working: "yellow", nurturing: "grape", unqualified: "gray", qualified: "green" };

const primary = <T extends { primary: boolean }>(entries: T[]): T | undefined => entries.find((entry) => entry.primary) ?? entries[0];

export function contactColumns(t: TFunction): ListColumn<Contact>[] {
  const column = (id: string, width: number, render: ListColumn<Contact>["render"], sortField?: string): ListColumn<Contact> => {
    const label = t(`contacts.fields.${id}`);
    return { id, label, header: label, width, render, sortField };
  };
  return [
    column("name", 200, (row) => contactName(row), "firstName"),
    column("email", 220, (row) => primary(row.emails)?.address ?? ""),
    column("phone", 160, (row) => primary(row.phones ?? [])?.number ?? ""),
    column("company", 180, (row) =>
      row.company ? (
        <Anchor component={Link} to={`/companies/${row.company.id}`} size="sm" onClick={(event) => event.stopPropagation()}>
          {row.company.name}
        </Anchor>
      ) : null,
    ),
    column("jobTitle", 160, (row) => row.jobTitle ?? "", "jobTitle"),
    column("lifecycleStage", 140, (row) => <Badge variant="light">{t(`lifecycleStages.${row.lifecycleStage}`)}</Badge>, "lifecycleStage"),
    column("leadStatus", 130, (row) => (row.leadStatus ? <Badge variant="light" color={leadStatusColors[row.leadStatus]}>{t(`leadStatuses.${row.leadStatus}`)}</Badge> : null), "leadStatus"),
    column("owner", 150, (row) => row.owner?.name ?? ""),
    column("tags", 180, (row) => (
      <Group gap={4} wrap="nowrap">
        {row.tags.map((tag) => <Badge key={tag} variant="outline" size="sm">{tag}</Badge>)}
      </Group>
    )),
    column("source", 120, (row) => row.source ?? "", "source"),
    column("birthday", 120, (row) => formatDate(row.birthday), "birthday"),
    column("createdAt", 170, (row) => formatDateTime(row.createdAt), "createdAt"),
    column("updatedAt", 170, (row) => formatDateTime(row.updatedAt), "updatedAt"),
  ];
}
