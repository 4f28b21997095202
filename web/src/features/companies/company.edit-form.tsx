import { UpdateCompanyInput, type Company } from "@contracts";
import { Button, Group, Stack } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useCustomValuesForm } from "../custom-fields";
import { useUpdateCompany } from "./api/companies.queries";
import { CompanyFields } from "./company.fields";
import { companyFieldForPath, companyToValues, toCompanyInput } from "./company.form-values";

export function CompanyEditForm(props: { company: Company; onDone: () => void }) {
  const { t } = useTranslation();
  const updateCompany = useUpdateCompany(props.company.id);
  const form = useSchemaForm({ initialValues: companyToValues(props.company), schema: UpdateCompanyInput, toInput: toCompanyInput, fieldForPath: companyFieldForPath });
  const custom = useCustomValuesForm("company", { isCreate: false, stored: props.company.custom });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    const customValues = custom.validate();
    if (!input || !customValues) return;
    // mutateAsync: the page's edit state must close even if this form unmounts first (tab switch).
    updateCompany.mutateAsync({ ...input, custom: customValues }).then(
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
    <form onSubmit={submit} noValidate data-testid="company-edit-form">
      <Stack>
        <CompanyFields form={form} />
        {custom.inputs}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone}>{t("common.cancel")}</Button>
          <Button type="submit" loading={updateCompany.isPending}>{t("common.save")}</Button>
        </Group>
      </Stack>
    </form>
  );
}
