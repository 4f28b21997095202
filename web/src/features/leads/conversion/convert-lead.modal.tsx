import { ConvertLeadInput, leadStages, type Contact } from "@contracts";
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { minorUnitDigits } from "../../../i18n";
import { notifySuccess, useSchemaForm } from "../../../ui";
import { PipelineSelect, usePipelines } from "../../pipelines";
import { useSalesSettings } from "../../sales-settings";
import { useConvertLead } from "./convert.queries";

type ConvertValues = { dealName: string; pipelineId: string; amount: string; currency: string; closeDate: string; companyName: string };

/** The form edits major units (dollars); the API takes minor units. A non-number stays NaN so the contract names it. */
function toInput(values: ConvertValues): ConvertLeadInput {
  const currency = values.currency.trim().toUpperCase();
  const amount = values.amount.trim().replace(/,/g, "");
  return {
    dealName: values.dealName,
    pipelineId: values.pipelineId,
    amount: amount === "" ? 0 : Math.round(Number(amount) * 10 ** minorUnitDigits(currency)),
    currency,
    closeDate: values.closeDate || null,
    ...(values.companyName.trim() ? { companyName: values.companyName.trim() } : {}),
  };
}

const contactLabel = (contact: Contact) => [contact.firstName, contact.lastName].filter(Boolean).join(" ");

/** Converts a lead: the deal's name comes prefilled; a contact without a company may name one to create. */
export function ConvertLeadModal(props: { contact: Contact; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const convert = useConvertLead();
  const pipelines = usePipelines();
  const settings = useSalesSettings();
  const initial = (): ConvertValues => ({
    dealName: props.contact.company ? `${props.contact.company.name} – ${contactLabel(props.contact)}` : contactLabel(props.contact),
    pipelineId: pipelines.data?.data.find((pipeline) => pipeline.isDefault)?.id ?? pipelines.data?.data[0]?.id ?? "",
    amount: "",
    currency: settings.data?.defaultCurrency ?? "USD",
    closeDate: "",
    companyName: "",
  });
  const form = useSchemaForm({ initialValues: initial(), schema: ConvertLeadInput, toInput });
  const [openedFor, setOpenedFor] = useState<string | null>(null);

  // Pipelines and the currency may arrive after the first render: each opening starts from them.
  const { setValues } = form;
  const ready = Boolean(pipelines.data && settings.data);
  useEffect(() => {
    if (props.isOpen && ready && openedFor !== props.contact.id) {
      setValues(initial());
      setOpenedFor(props.contact.id);
    }
    if (!props.isOpen && openedFor) setOpenedFor(null);
    // initial() reads the props and queries listed here.
  }, [props.isOpen, ready, props.contact.id, openedFor, setValues]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    // mutateAsync, not mutate: the converted contact leaves the Leads view, and this row (with mutate's callbacks) with it.
    convert.mutateAsync({ contactId: props.contact.id, input }).then((result) => {
      notifySuccess(t("leads.converted"));
      props.onClose();
      void navigate(`/deals/${result.deal.id}`);
    }, form.handleSubmitError);
  }

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={t("leads.convertTitle", { name: contactLabel(props.contact) })} centered>
      <form onSubmit={submit} noValidate data-testid="convert-lead-form">
        <Stack>
          <TextInput label={t("leads.dealName")} data-autofocus {...form.getInputProps("dealName")} />
          <PipelineSelect label={t("leads.pipeline")} value={form.values.pipelineId} onChange={(value) => form.setField("pipelineId", value)} error={form.errors.pipelineId} />
          <Group grow align="flex-start">
            <TextInput label={t("leads.amount")} inputMode="decimal" {...form.getInputProps("amount")} />
            <TextInput label={t("leads.currency")} maxLength={3} {...form.getInputProps("currency")} onChange={(event) => form.setField("currency", event.currentTarget.value.toUpperCase())} />
          </Group>
          <TextInput label={t("leads.closeDate")} type="date" {...form.getInputProps("closeDate")} />
          {props.contact.company ? null : <TextInput label={t("leads.companyName")} description={t("leads.companyNameHint")} {...form.getInputProps("companyName")} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={convert.isPending}>{t("leads.convert")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Convert" for a contact in a lead stage whom the user may change; nothing otherwise. */
export function ConvertLeadButton(props: { contact: Contact; canEdit: boolean; size?: "xs" | "sm" }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const isLead = (leadStages as readonly string[]).includes(props.contact.lifecycleStage);
  if (!isLead || !props.canEdit || props.contact.deletedAt) return null;
  // Events from the modal bubble through React's tree: inside a list row they must not open the row.
  return (
    <span onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
      <Button size={props.size} onClick={() => setOpen(true)}>{t("leads.convert")}</Button>
      <ConvertLeadModal contact={props.contact} isOpen={isOpen} onClose={() => setOpen(false)} />
    </span>
  );
}
