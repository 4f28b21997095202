import { LeadStatus, LifecycleStage } from "@contracts";
import { Select, SimpleGrid, TagsInput, Textarea, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { FormBinding } from "../../ui";
import { CompanySelect } from "../companies";
import { OwnerSelect } from "../settings";
import type { ContactFormValues } from "./contact.form-values";

type ContactForm = FormBinding<ContactFormValues>;

/** The contact's editable fields, shared by the create modal and the record page. */
export function ContactFields(props: { form: ContactForm; initialCompany?: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const { form } = props;
  const stageOptions = LifecycleStage.options.map((stage) => ({ value: stage, label: t(`lifecycleStages.${stage}`) }));
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("contacts.fields.firstName")} data-autofocus autoFocus {...form.getInputProps("firstName")} />
        <TextInput label={t("contacts.fields.lastName")} {...form.getInputProps("lastName")} />
        <TextInput label={t("contacts.fields.email")} type="email" {...form.getInputProps("email")} />
        <TextInput label={t("contacts.fields.phone")} type="tel" description={t("contacts.phoneHint")} placeholder="+44 20 7946 0958" {...form.getInputProps("phone")} />
        <TextInput label={t("contacts.fields.jobTitle")} {...form.getInputProps("jobTitle")} />
        <CompanySelect label={t("contacts.fields.company")} value={form.values.companyId} onChange={(value) => form.setField("companyId", value)} error={form.errors.companyId} initialCompany={props.initialCompany ?? null} />
        <Select label={t("contacts.fields.lifecycleStage")} data={stageOptions} value={form.values.lifecycleStage || null} onChange={(value) => form.setField("lifecycleStage", value ?? "")} error={form.errors.lifecycleStage} clearable />
        <Select
          label={t("contacts.fields.leadStatus")}
          data={LeadStatus.options.map((status) => ({ value: status, label: t(`leadStatuses.${status}`) }))}
          value={form.values.leadStatus || null}
          onChange={(value) => form.setField("leadStatus", value ?? "")}
          error={form.errors.leadStatus}
          clearable
        />
        <OwnerSelect label={t("contacts.fields.owner")} value={form.values.ownerId} onChange={(value) => form.setField("ownerId", value)} error={form.errors.ownerId} />
        <TextInput label={t("contacts.fields.source")} {...form.getInputProps("source")} />
        <TextInput label={t("contacts.fields.birthday")} type="date" {...form.getInputProps("birthday")} />
      </SimpleGrid>
      <TagsInput label={t("contacts.fields.tags")} value={form.values.tags} onChange={(tags) => form.setField("tags", tags)} error={form.errors.tags} clearable />
      <Title order={5}>{t("address.title")}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("address.street")} {...form.getInputProps("street")} />
        <TextInput label={t("address.city")} {...form.getInputProps("city")} />
        <TextInput label={t("address.region")} {...form.getInputProps("region")} />
        <TextInput label={t("address.postalCode")} {...form.getInputProps("postalCode")} />
        <TextInput label={t("address.country")} {...form.getInputProps("country")} />
      </SimpleGrid>
      <Textarea label={t("contacts.fields.notes")} autosize minRows={3} {...form.getInputProps("notes")} />
    </>
  );
}
