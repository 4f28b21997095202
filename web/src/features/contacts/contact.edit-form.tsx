import { UpdateContactInput, type Contact } from "@contracts";
import { Button, Group, Stack } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useCustomValuesForm } from "../custom-fields";
import { useUpdateContact } from "./api/contacts.queries";
import { ContactFields } from "./contact.fields";
import { contactFieldForPath, contactToValues, toContactInput } from "./contact.form-values";

export function ContactEditForm(props: { contact: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const updateContact = useUpdateContact(props.contact.id);
  const form = useSchemaForm({
    initialValues: contactToValues(props.contact),
    schema: UpdateContactInput,
    toInput: (values) => toContactInput(values, props.contact),
    fieldForPath: contactFieldForPath,
  });
  const custom = useCustomValuesForm("contact", { isCreate: false, stored: props.contact.custom });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    const customValues = custom.validate();
    if (!input || !customValues) return;
    // mutateAsync: the page's edit state must close even if this form unmounts first (tab switch).
    updateContact.mutateAsync({ ...input, custom: customValues }).then(
      () => {
        notifySuccess(t("common.saved"));
        props.onDone();
      },
      (error) => {
        form.handleSubmitError(error);
        custom.handleSubmitError(error);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="contact-edit-form">
      <Stack>
        <ContactFields form={form} initialCompany={props.contact.company} />
        {custom.inputs}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>{t("common.cancel")}</Button>
          <Button type="submit" loading={updateContact.isPending}>{t("common.save")}</Button>
        </Group>
      </Stack>
    </form>
  );
}
