import { CreateCustomFieldInput, CustomFieldType, isSelectType, UpdateCustomFieldInput, type CustomField, type CustomFieldObject } from "@contracts";
import { Button, Checkbox, Group, Modal, Select, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useCreateCustomField, useUpdateCustomField } from "./api/custom-fields.queries";
import { optionsFromLabels } from "./custom-field.options";

type FieldFormValues = { key: string; label: string; type: string; required: boolean; helpText: string; options: string[] };

/** Creates a field, or edits an existing one's label, help text, required flag and options (key and type never change). */
export function CustomFieldModal(props: { object: CustomFieldObject; field: CustomField | null; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { field } = props;
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const initialValues: FieldFormValues = field
    ? { key: field.key, label: field.label, type: field.type, required: field.required, helpText: field.helpText ?? "", options: field.options.map((option) => option.label) }
    : { key: "", label: "", type: "text", required: false, helpText: "", options: [] };
  const toInput = (values: FieldFormValues) => {
    const options = isSelectType(values.type as CustomFieldType) ? optionsFromLabels(values.options, field?.options ?? []) : undefined;
    const editable = { label: values.label, required: values.required, helpText: values.helpText.trim() || null, ...(options ? { options } : {}) };
    return field ? editable : { object: props.object, key: values.key, type: values.type, ...editable };
  };
  const form = useSchemaForm({ initialValues, schema: field ? UpdateCustomFieldInput : CreateCustomFieldInput, toInput });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    const done = { onSuccess: () => (notifySuccess(t("common.saved")), props.onClose()), onError: form.handleSubmitError };
    if (field) update.mutate({ id: field.id, changes: input as UpdateCustomFieldInput }, done);
    else create.mutate(input as CreateCustomFieldInput, done);
  }

  const typeOptions = CustomFieldType.options.map((type) => ({ value: type, label: t(`customFields.types.${type}`) }));
  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={field ? t("customFields.edit") : t("customFields.add")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t("customFields.label")} data-autofocus {...form.getInputProps("label")} />
          <TextInput label={t("customFields.key")} description={t("customFields.keyHint")} disabled={Boolean(field)} {...form.getInputProps("key")} />
          <Select label={t("customFields.type")} data={typeOptions} disabled={Boolean(field)} value={form.values.type} onChange={(value) => form.setField("type", value ?? "text")} error={form.errors.type} allowDeselect={false} />
          {isSelectType(form.values.type as CustomFieldType) ? (
            <TagsInput label={t("customFields.options")} description={t("customFields.optionsHint")} value={form.values.options} onChange={(options) => form.setField("options", options)} error={form.errors.options} />
          ) : null}
          <Textarea label={t("customFields.helpText")} autosize minRows={2} {...form.getInputProps("helpText")} />
          <Checkbox label={t("customFields.required")} checked={form.values.required} onChange={(event) => form.setField("required", event.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={create.isPending || update.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
