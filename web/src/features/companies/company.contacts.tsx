import type { Contact } from "@contracts";
import { Badge, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { DataGrid, EmptyState, ProblemAlert, type GridColumn } from "../../ui";
import { useCompanyContacts } from "./api/companies.queries";

/** The contacts who work at a company (`GET /companies/:id/contacts`). */
export function CompanyContacts(props: { companyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contacts = useCompanyContacts(props.companyId);
  const rows = contacts.data?.pages.flatMap((page) => page.data) ?? [];
  const columns: GridColumn<Contact>[] = [
    { id: "name", header: t("contacts.fields.name"), width: 200, render: (row) => [row.firstName, row.lastName].filter(Boolean).join(" ") },
    { id: "email", header: t("contacts.fields.email"), width: 220, render: (row) => (row.emails.find((entry) => entry.primary) ?? row.emails[0])?.address ?? "" },
    { id: "jobTitle", header: t("contacts.fields.jobTitle"), width: 160, render: (row) => row.jobTitle ?? "" },
    { id: "lifecycleStage", header: t("contacts.fields.lifecycleStage"), width: 140, render: (row) => <Badge variant="light">{t(`lifecycleStages.${row.lifecycleStage}`)}</Badge> },
  ];
  return (
    <Stack gap="xs" data-testid="company-contacts">
      <Title order={4}>{t("companies.contacts")} {rows.length ? `(${rows.length}${contacts.hasNextPage ? "+" : ""})` : ""}</Title>
      {contacts.isError ? (
        <ProblemAlert error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : (
        <DataGrid
          label={t("companies.contacts")}
          columns={columns}
          rows={rows}
          getRowId={(row) => row.id}
          onRowClick={(row) => navigate(`/contacts/${row.id}`)}
          hasNextPage={contacts.hasNextPage}
          isFetchingNextPage={contacts.isFetchingNextPage}
          fetchNextPage={() => void contacts.fetchNextPage()}
          isLoading={contacts.isLoading}
          height={`${Math.min(Math.max(rows.length, 1), 8) * 44 + 46}px`}
          empty={<EmptyState title={t("companies.noContacts")} />}
        />
      )}
    </Stack>
  );
}
