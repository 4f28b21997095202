import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormBinding } from "../../ui";
import { CompanySelect } from "../companies";
import { PipelineSelect, StageSelect } from "../pipelines";
import { OwnerSelect } from "../settings";
import { ContactsMultiSelect } from "./contacts.multi-select";
import { forecastCategories, type DealFormValues } from "./deal.form-values";

export interface DealFieldsProps {
  form: FormBinding<DealFormValues>;
  /** Pipeline and stage are chosen on create; later the stage bar moves the deal. */
  hasStage: boolean;
  initialCompany?: { id: string; name: string } | null;
  initialContacts?: { id: string; name: string }[];
}

/** A deal's editable fields, shared by the create modal and the deal page. */
export function DealFields(props: DealFieldsProps) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t("deals.fields.name")} data-autofocus autoFocus {...form.getInputProps("name")} style={{ gridColumn: "1 / -1" }} />
      <TextInput label={t("deals.fields.amount")} inputMode="decimal" description={t("deals.amountHint")} {...form.getInputProps("amount")} />
      <TextInput label={t("deals.fields.currency")} maxLength={3} {...form.getInputProps("currency")} onChange={(event) => form.setField("currency", event.currentTarget.value.toUpperCase())} />
      {props.hasStage ? (
        <>
          <PipelineSelect
            label={t("pipelines.pipeline")}
            value={form.values.pipelineId}
            onChange={(value) => {
              form.setField("pipelineId", value);
              form.setField("stageId", "");
            }}
            error={form.errors.pipelineId}
          />
          <StageSelect label={t("deals.fields.stage")} pipelineId={form.values.pipelineId} value={form.values.stageId} onChange={(value) => form.setField("stageId", value)} error={form.errors.stageId} />
        </>
      ) : null}
      <TextInput type="date" label={t("deals.fields.closeDate")} {...form.getInputProps("closeDate")} />
      <Select
        label={t("deals.fields.forecastCategory")}
        data={forecastCategories.map((value) => ({ value, label: t(`deals.forecastCategories.${value}`) }))}
        value={form.values.forecastCategory}
        onChange={(value) => form.setField("forecastCategory", value ?? "pipeline")}
        allowDeselect={false}
        error={form.errors.forecastCategory}
      />
      <OwnerSelect label={t("deals.fields.owner")} value={form.values.ownerId} onChange={(value) => form.setField("ownerId", value)} error={form.errors.ownerId} />
      <CompanySelect label={t("deals.fields.company")} value={form.values.companyId} onChange={(value) => form.setField("companyId", value)} error={form.errors.companyId} initialCompany={props.initialCompany ?? null} />
      <div style={{ gridColumn: "1 / -1" }}>
        <ContactsMultiSelect label={t("deals.fields.contacts")} value={form.values.contactIds} onChange={(value) => form.setField("contactIds", value)} error={form.errors.contactIds} initialContacts={props.initialContacts} />
      </div>
      <TextInput label={t("deals.fields.nextStep")} {...form.getInputProps("nextStep")} />
      <TextInput label={t("deals.fields.source")} {...form.getInputProps("source")} />
    </SimpleGrid>
  );
}
