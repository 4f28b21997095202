import { dealFilterFields, type StageKind } from "@contracts";
import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCan } from "../auth";
import { PipelineSelect } from "../pipelines";
import { OwnerSelect } from "../settings";
import { RecordListPage, withFilter, type ViewConfig } from "../views";
import { useDealList } from "./api/deals.queries";
import { DealCreateModal } from "./deal.create-modal";
import { dealColumns, defaultDealColumns, defaultDealSort } from "./deals.columns";
import { DealsViewSwitch } from "./deals.view-switch";

const stageKinds: StageKind[] = ["open", "won", "lost"];

/** `?pipelineId=…&stageId=…` (the board's "+N more") opens the list filtered to that stage. */
function initialView(params: URLSearchParams): ViewConfig {
  const filter: ViewConfig["filter"] = {};
  for (const field of ["pipelineId", "stageId"] as const) {
    const value = params.get(field);
    if (value) filter[field] = { eq: value };
  }
  return { columns: defaultDealColumns, sort: defaultDealSort, filter, q: "" };
}

export function DealsListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  return (
    <RecordListPage
      object="deals"
      title={t("deals.title")}
      columns={dealColumns(t)}
      defaults={initialView(params)}
      useList={useDealList}
      filterFields={dealFilterFields.map((field) => ({ value: field, label: t(`deals.fields.${field}`) }))}
      quickFields={["pipelineId", "stageKind", "ownerId"]}
      renderQuickFilters={(config, update) => (
        <Group gap="xs" wrap="wrap">
          <PipelineSelect label="" value={config.filter.pipelineId?.eq ?? ""} isClearable onChange={(value) => update({ filter: withFilter(withFilter(config.filter, "stageId", "eq", ""), "pipelineId", "eq", value) })} w={190} />
          <Select
            aria-label={t("deals.fields.stageKind")}
            placeholder={t("deals.fields.stageKind")}
            data={stageKinds.map((kind) => ({ value: kind, label: t(`pipelines.kinds.${kind}`) }))}
            value={config.filter.stageKind?.eq ?? null}
            onChange={(value) => update({ filter: withFilter(config.filter, "stageKind", "eq", value ?? "") })}
            clearable
            w={140}
          />
          <OwnerSelect label="" placeholder={t("deals.fields.owner")} value={config.filter.ownerId?.eq ?? ""} onChange={(value) => update({ filter: withFilter(config.filter, "ownerId", "eq", value) })} w={170} />
        </Group>
      )}
      createLabel={t("deals.new")}
      canCreate={can("records:create")}
      renderCreate={(props) => <DealCreateModal {...props} />}
      emptyTitle={t("deals.emptyTitle")}
      emptyDescription={t("deals.emptyDescription")}
      rowPath={(row) => `/deals/${row.id}`}
      renderActions={() => <DealsViewSwitch value="list" />}
    />
  );
}
