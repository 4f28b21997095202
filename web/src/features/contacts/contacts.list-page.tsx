import { LifecycleStage, contactFilterFields, type Contact } from "@contracts";
import { Select, TagsInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCan } from "../auth";
import { useCustomListFields } from "../custom-fields";
import { ExportMenu } from "../export";
import { OwnerSelect } from "../settings";
import { RecordListPage, withFilter, type ViewConfig } from "../views";
import { useContactList } from "./api/contacts.queries";
import { ContactCreateModal } from "./contact.create-modal";
import { contactColumns, defaultContactColumns, defaultContactSort } from "./contacts.columns";

const defaults: ViewConfig = { columns: defaultContactColumns, sort: defaultContactSort, filter: {}, q: "" };

export function ContactsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const custom = useCustomListFields<Contact>("contact");
  return (
    <RecordListPage
      object="contacts"
      title={t("contacts.title")}
      columns={[...contactColumns(t), ...custom.columns]}
      defaults={defaults}
      useList={useContactList}
      filterFields={[...contactFilterFields.map((field) => ({ value: field, label: t(`contacts.filterFields.${field}`) })), ...custom.filterFields]}
      quickFields={["lifecycleStage", "ownerId", "tags"]}
      renderQuickFilters={(config, update) => (
        <>
          <Select
            aria-label={t("contacts.fields.lifecycleStage")}
            placeholder={t("contacts.fields.lifecycleStage")}
            data={LifecycleStage.options.map((stage) => ({ value: stage, label: t(`lifecycleStages.${stage}`) }))}
            value={config.filter.lifecycleStage?.eq ?? null}
            onChange={(value) => update({ filter: withFilter(config.filter, "lifecycleStage", "eq", value ?? "") })}
            clearable
            w={{ base: "100%", xs: 170 }}
          />
          <OwnerSelect label="" placeholder={t("contacts.fields.owner")} value={config.filter.ownerId?.eq ?? ""} onChange={(value) => update({ filter: withFilter(config.filter, "ownerId", "eq", value) })} w={170} />
          <TagsInput
            aria-label={t("contacts.fields.tags")}
            placeholder={t("contacts.fields.tags")}
            value={config.filter.tags?.in ? config.filter.tags.in.split(",") : []}
            onChange={(tags) => update({ filter: withFilter(config.filter, "tags", "in", tags.join(",")) })}
            w={{ base: "100%", xs: 200 }}
          />
        </>
      )}
      createLabel={t("contacts.new")}
      canCreate={can("records:create")}
      renderCreate={(props) => <ContactCreateModal {...props} />}
      emptyTitle={t("contacts.emptyTitle")}
      emptyDescription={t("contacts.emptyDescription")}
      rowPath={(row) => `/contacts/${row.id}`}
      renderActions={(config) => <ExportMenu object="contacts" view={config} />}
    />
  );
}
