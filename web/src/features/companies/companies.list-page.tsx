import { companyFilterFields, type Company } from "@contracts";
import { TagsInput, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCan } from "../auth";
import { useCustomListFields } from "../custom-fields";
import { ExportMenu } from "../export";
import { OwnerSelect } from "../settings";
import { RecordListPage, withFilter, type ViewConfig } from "../views";
import { useCompanyList } from "./api/companies.queries";
import { companyColumns, defaultCompanyColumns, defaultCompanySort } from "./companies.columns";
import { CompanyCreateModal } from "./company.create-modal";

const defaults: ViewConfig = { columns: defaultCompanyColumns, sort: defaultCompanySort, filter: {}, q: "" };

export function CompaniesListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const custom = useCustomListFields<Company>("company");
  return (
    <RecordListPage
      object="companies"
      title={t("companies.title")}
      columns={[...companyColumns(t), ...custom.columns]}
      defaults={defaults}
      useList={useCompanyList}
      filterFields={[...companyFilterFields.map((field) => ({ value: field, label: t(`companies.fields.${field}`) })), ...custom.filterFields]}
      quickFields={["industry", "ownerId", "tags"]}
      renderQuickFilters={(config, update) => (
        <>
          <TextInput
            aria-label={t("companies.fields.industry")}
            placeholder={t("companies.fields.industry")}
            defaultValue={config.filter.industry?.contains ?? ""}
            key={config.filter.industry?.contains ?? ""}
            onBlur={(event) => update({ filter: withFilter(config.filter, "industry", "contains", event.currentTarget.value.trim()) })}
            onKeyDown={(event) => {
              if (event.key === "Enter") update({ filter: withFilter(config.filter, "industry", "contains", event.currentTarget.value.trim()) });
            }}
            w={{ base: "100%", xs: 160 }}
          />
          <OwnerSelect label="" placeholder={t("companies.fields.owner")} value={config.filter.ownerId?.eq ?? ""} onChange={(value) => update({ filter: withFilter(config.filter, "ownerId", "eq", value) })} w={170} />
          <TagsInput
            aria-label={t("companies.fields.tags")}
            placeholder={t("companies.fields.tags")}
            value={config.filter.tags?.in ? config.filter.tags.in.split(",") : []}
            onChange={(tags) => update({ filter: withFilter(config.filter, "tags", "in", tags.join(",")) })}
            w={{ base: "100%", xs: 200 }}
          />
        </>
      )}
      createLabel={t("companies.new")}
      canCreate={can("records:create")}
      renderCreate={(props) => <CompanyCreateModal {...props} />}
      emptyTitle={t("companies.emptyTitle")}
      emptyDescription={t("companies.emptyDescription")}
      rowPath={(row) => `/companies/${row.id}`}
      renderActions={(config) => <ExportMenu object="companies" view={config} />}
    />
  );
}
