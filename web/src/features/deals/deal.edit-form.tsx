import { UpdateDealInput, type Deal } from "@contracts";
import { Button, Group, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useUpdateDeal } from "./api/deals.queries";
import { DealFields } from "./deal.fields";
import { dealFieldForPath, dealToValues, toUpdateDealInput } from "./deal.form-values";

export function DealEditForm(props: { deal: Deal; onDone: () => void }) {
  const { t } = useTranslation();
  const { deal } = props;
  const updateDeal = useUpdateDeal(deal.id);
  const [roles, setRoles] = useState<Record<string, string>>(() => Object.fromEntries(deal.contacts.map((contact) => [contact.id, contact.role ?? ""])));
  const form = useSchemaForm({ initialValues: dealToValues(deal), schema: UpdateDealInput, toInput: (values) => toUpdateDealInput(values, roles), fieldForPath: dealFieldForPath });
  const names = new Map(deal.contacts.map((contact) => [contact.id, contact.name]));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    // mutateAsync: the page's edit state must close even if this form unmounts first (tab switch).
    updateDeal.mutateAsync(input).then(
      () => {
        notifySuccess(t("common.saved"));
        props.onDone();
      },
      (error) => form.handleSubmitError(error),
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="deal-edit-form">
      <Stack>
        <DealFields form={form} hasStage={false} initialCompany={deal.company} initialContacts={deal.contacts} />
        {deal.stage.kind === "lost" ? <TextInput label={t("deals.fields.lostReason")} {...form.getInputProps("lostReason")} /> : null}
        {form.values.contactIds.length ? (
          <>
            <Title order={5}>{t("deals.contactRoles")}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {form.values.contactIds.map((contactId) => (
                <TextInput
                  key={contactId}
                  label={t("deals.roleOf", { name: names.get(contactId) ?? t("deals.newContact") })}
                  placeholder={t("deals.rolePlaceholder")}
                  value={roles[contactId] ?? ""}
                  onChange={(event) => {
                    const role = event.currentTarget.value;
                    setRoles((current) => ({ ...current, [contactId]: role }));
                  }}
                />
              ))}
            </SimpleGrid>
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>{t("common.cancel")}</Button>
          <Button type="submit" loading={updateDeal.isPending}>{t("common.save")}</Button>
        </Group>
      </Stack>
    </form>
  );
}
