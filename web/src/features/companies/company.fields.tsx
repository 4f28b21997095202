import { SimpleGrid, TagsInput, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormBinding } from "../../ui";
import { OwnerSelect } from "../settings";
import type { CompanyFormValues } from "./company.form-values";

/** The company's editable fields, shared by the create modal and the record page. */
export function CompanyFields(props: { form: FormBinding<CompanyFormValues> }) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("companies.fields.name")} data-autofocus autoFocus {...form.getInputProps("name")} />
        <TextInput label={t("companies.fields.domain")} placeholder="example.com" {...form.getInputProps("domain")} />
        <TextInput label={t("companies.fields.industry")} {...form.getInputProps("industry")} />
        <TextInput label={t("companies.fields.employeeCount")} inputMode="numeric" {...form.getInputProps("employeeCount")} />
        <TextInput label={t("companies.fields.annualRevenue")} inputMode="decimal" description={t("companies.revenueHint")} {...form.getInputProps("revenueAmount")} />
        <TextInput label={t("companies.fields.currency")} maxLength={3} {...form.getInputProps("revenueCurrency")} />
        <OwnerSelect label={t("companies.fields.owner")} value={form.values.ownerId} onChange={(value) => form.setField("ownerId", value)} error={form.errors.ownerId} />
        <TagsInput label={t("companies.fields.tags")} value={form.values.tags} onChange={(tags) => form.setField("tags", tags)} error={form.errors.tags} clearable />
      </SimpleGrid>
      <Title order={5}>{t("address.title")}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("address.street")} {...form.getInputProps("street")} />
        <TextInput label={t("address.city")} {...form.getInputProps("city")} />
        <TextInput label={t("address.region")} {...form.getInputProps("region")} />
        <TextInput label={t("address.postalCode")} {...form.getInputProps("postalCode")} />
        <TextInput label={t("address.country")} {...form.getInputProps("country")} />
      </SimpleGrid>
    </>
  );
}
