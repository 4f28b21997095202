import { CreateDealInput } from "@contracts";
import { Button, Group, Modal, Stack } from "@mantine/core";
import { useEffect, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useMe } from "../auth";
import { useCreateDeal } from "./api/deals.queries";
import { DealFields } from "./deal.fields";
import { dealFieldForPath, emptyDealValues, toCreateDealInput } from "./deal.form-values";

/** "New deal" from the board or the list; opens the deal once it is saved. */
export function DealCreateModal(props: { isOpen: boolean; onClose: () => void; pipelineId?: string; currency?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const createDeal = useCreateDeal();
  const initial = () => emptyDealValues({ ownerId: me?.user.id ?? "", currency: props.currency ?? "USD", pipelineId: props.pipelineId });
  const form = useSchemaForm({ initialValues: initial(), schema: CreateDealInput, toInput: (values) => toCreateDealInput(values), fieldForPath: dealFieldForPath });

  // Owner, pipeline and currency may arrive after the first render: start each opening from them.
  const { setValues } = form;
  useEffect(() => {
    if (props.isOpen) setValues(emptyDealValues({ ownerId: me?.user.id ?? "", currency: props.currency ?? "USD", pipelineId: props.pipelineId }));
  }, [props.isOpen, props.currency, props.pipelineId, me?.user.id, setValues]);

  function close() {
    form.setValues(initial());
    form.setErrors({});
    props.onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createDeal.mutate(input, {
      onSuccess: (deal) => {
        notifySuccess(t("deals.created"));
        close();
        navigate(`/deals/${deal.id}`);
      },
      onError: form.handleSubmitError,
    });
  }

  return (
    <Modal opened={props.isOpen} onClose={close} title={t("deals.new")} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="deal-create-form">
        <Stack>
          <DealFields form={form} hasStage />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t("common.cancel")}</Button>
            <Button type="submit" loading={createDeal.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
