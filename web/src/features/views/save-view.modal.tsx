import { CreateSavedViewInput, type SavedView } from "@contracts";
import { Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "../../ui";
import { useCreateSavedView, type ViewObject } from "./api/views.queries";
import { toSavedConfig, type ViewConfig } from "./use-list-state";

export function SaveViewModal(props: { object: ViewObject; config: ViewConfig; isOpen: boolean; onClose: () => void; onSaved: (view: SavedView) => void }) {
  const { t } = useTranslation();
  const createView = useCreateSavedView();
  const form = useSchemaForm({
    initialValues: { name: "", isShared: false as boolean },
    schema: CreateSavedViewInput,
    toInput: (values) => ({ object: props.object, name: values.name, isShared: values.isShared, config: toSavedConfig(props.config) }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createView.mutate(input, {
      onSuccess: (view) => {
        props.onSaved(view);
        form.setValues({ name: "", isShared: false });
        props.onClose();
      },
      onError: form.handleSubmitError,
    });
  }

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={t("views.saveTitle")} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t("views.name")} data-autofocus {...form.getInputProps("name")} />
          <Checkbox label={t("views.shareWithWorkspace")} checked={form.values.isShared} onChange={(event) => form.setField("isShared", event.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={createView.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
