import { CreateContactInput } from "@contracts";
import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth";
import { useCustomValuesForm } from "../custom-fields";
import { notifyPossibleDuplicates } from "../duplicates";
import { useNavigate } from "react-router";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useCreateContact } from "./api/contacts.queries";
import { ContactFields } from "./contact.fields";
import { contactFieldForPath, emptyContactValues, toContactInput } from "./contact.form-values";

export function ContactCreateModal(props: { isOpen: boolean; onClose: () => void; companyId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const createContact = useCreateContact();
  const form = useSchemaForm({
    initialValues: { ...emptyContactValues, companyId: props.companyId ?? "", ownerId: me?.user.id ?? "" },
    schema: CreateContactInput,
    toInput: (values) => toContactInput(values),
    fieldForPath: contactFieldForPath,
  });
  const custom = useCustomValuesForm("contact", { isCreate: true });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    const customValues = custom.validate();
    if (!input || !customValues) return;
    createContact.mutate({ ...input, custom: customValues }, {
      onSuccess: (contact) => {
        notifySuccess(t("contacts.created"));
        notifyPossibleDuplicates(t, "contacts", contact.warnings);
        form.setValues({ ...emptyContactValues, ownerId: me?.user.id ?? "" });
        custom.reset();
        props.onClose();
        navigate(`/contacts/${contact.id}`);
      },
      onError: (error) => {
        form.handleSubmitError(error);
        custom.handleSubmitError(error);
      },
    });
  }

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={t("contacts.new")} size="lg" fullScreen={false} centered>
      <form onSubmit={submit} noValidate data-testid="contact-create-form">
        <Stack>
          <ContactFields form={form} />
          {custom.inputs}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={createContact.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
