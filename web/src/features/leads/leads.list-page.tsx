import { LeadStatus, contactFilterFields, leadStages, type Contact } from "@contracts";
import { Select } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ListParams } from "../../api";
import { useCan, useCanEditRecord } from "../auth";
import { ContactCreateModal, contactColumns, useContactList } from "../contacts";
import { useCustomListFields } from "../custom-fields";
import { OwnerSelect } from "../settings";
import { RecordListPage, withFilter, type ListColumn, type ViewConfig } from "../views";
import { ConvertLeadButton } from "./conversion";

const defaults: ViewConfig = { columns: ["name", "email", "company", "leadStatus", "lifecycleStage", "source", "owner", "createdAt", "convert"], sort: "-createdAt", filter: {}, q: "" };

/** The contacts list, kept to the lead stages unless a stage filter narrows it further. */
function useLeadList(params: ListParams) {
  return useContactList({ ...params, filter: { lifecycleStage: { in: leadStages.join(",") }, ...params.filter } });
}

function convertColumn(t: TFunction, canEdit: (ownerId: string | null) => boolean): ListColumn<Contact> {
  return { id: "convert", label: t("leads.convert"), header: "", width: 110, render: (row) => <ConvertLeadButton contact={row} canEdit={canEdit(row.ownerId)} size="xs" /> };
}

/** Leads: contacts in the early lifecycle stages, with their qualification status and conversion. */
export function LeadsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = useCanEditRecord();
  const custom = useCustomListFields<Contact>("contact");
  return (
    <RecordListPage
      object="contacts"
      title={t("leads.title")}
      columns={[...contactColumns(t), convertColumn(t, canEdit), ...custom.columns]}
      defaults={defaults}
      useList={useLeadList}
      filterFields={[...contactFilterFields.map((field) => ({ value: field, label: t(`contacts.filterFields.${field}`) })), ...custom.filterFields]}
      quickFields={["leadStatus", "lifecycleStage", "ownerId"]}
      renderQuickFilters={(config, update) => (
        <>
          <Select
            aria-label={t("contacts.fields.leadStatus")}
            placeholder={t("contacts.fields.leadStatus")}
            data={LeadStatus.options.map((status) => ({ value: status, label: t(`leadStatuses.${status}`) }))}
            value={config.filter.leadStatus?.eq ?? null}
            onChange={(value) => update({ filter: withFilter(config.filter, "leadStatus", "eq", value ?? "") })}
            clearable
            w={{ base: "100%", xs: 160 }}
            data-testid="lead-status-filter"
          />
          <Select
            aria-label={t("contacts.fields.lifecycleStage")}
            placeholder={t("contacts.fields.lifecycleStage")}
            data={leadStages.map((stage) => ({ value: stage, label: t(`lifecycleStages.${stage}`) }))}
            value={config.filter.lifecycleStage?.eq ?? null}
            onChange={(value) => update({ filter: withFilter(config.filter, "lifecycleStage", "eq", value ?? "") })}
            clearable
            w={{ base: "100%", xs: 160 }}
          />
          <OwnerSelect label="" placeholder={t("contacts.fields.owner")} value={config.filter.ownerId?.eq ?? ""} onChange={(value) => update({ filter: withFilter(config.filter, "ownerId", "eq", value) })} w={170} />
        </>
      )}
      createLabel={t("leads.new")}
      canCreate={can("records:create")}
      renderCreate={(props) => <ContactCreateModal {...props} />}
      emptyTitle={t("leads.emptyTitle")}
      emptyDescription={t("leads.emptyDescription")}
      rowPath={(row) => `/contacts/${row.id}`}
    />
  );
}
