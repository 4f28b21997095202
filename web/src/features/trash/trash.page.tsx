import { Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCompanyList, usePurgeCompany, useRestoreCompany } from "../companies";
import { contactName, useContactList, usePurgeContact, useRestoreContact } from "../contacts";
import { useDealList, usePurgeDeal, useRestoreDeal } from "../deals";
import { TrashList } from "./trash.list";

export function TrashPage() {
  const { t } = useTranslation();
  const restoreContact = useRestoreContact();
  const purgeContact = usePurgeContact();
  const restoreCompany = useRestoreCompany();
  const purgeCompany = usePurgeCompany();
  const restoreDeal = useRestoreDeal();
  const purgeDeal = usePurgeDeal();
  return (
    <Stack gap="sm">
      <Title order={2}>{t("trash.title")}</Title>
      <Tabs defaultValue="contacts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="contacts">{t("contacts.title")}</Tabs.Tab>
          <Tabs.Tab value="companies">{t("companies.title")}</Tabs.Tab>
          <Tabs.Tab value="deals">{t("deals.title")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contacts" pt="md">
          <TrashList label={t("contacts.title")} useList={useContactList} restore={restoreContact} purge={purgeContact} name={contactName} emptyTitle={t("trash.emptyContacts")} />
        </Tabs.Panel>
        <Tabs.Panel value="companies" pt="md">
          <TrashList label={t("companies.title")} useList={useCompanyList} restore={restoreCompany} purge={purgeCompany} name={(row) => row.name} emptyTitle={t("trash.emptyCompanies")} />
        </Tabs.Panel>
        <Tabs.Panel value="deals" pt="md">
          <TrashList label={t("deals.title")} useList={useDealList} restore={restoreDeal} purge={purgeDeal} name={(row) => row.name} emptyTitle={t("deals.emptyTrash")} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
