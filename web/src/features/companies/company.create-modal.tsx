import { CreateCompanyInput } from "@contracts";
import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth";
import { useCustomValuesForm } from "../custom-fields";
import { notifyPossibleDuplicates } from "../duplicates";
import { useNavigate } from "react-router";
import { notifySuccess, useSchemaForm } from "../../ui";
import { useCreateCompany } from "./api/companies.queries";
import { CompanyFields } from "./company.fields";
import { companyFieldForPath, emptyCompanyValues, toCompanyInput } from "./company.form-values";

export function CompanyCreateModal(props: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const createCompany = useCreateCompany();
  const form = useSchemaForm({ initialValues: { ...emptyCompanyValues, ownerId: me?.user.id ?? "" }, schema: CreateCompanyInput, toInput: toCompanyInput, fieldForPath: companyFieldForPath });
  const custom = useCustomValuesForm("company", { isCreate: true });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    const customValues = custom.validate();
    if (!input || !customValues) return;
    createCompany.mutate({ ...input, custom: customValues }, {
      onSuccess: (company) => {
        notifySuccess(t("companies.created"));
        notifyPossibleDuplicates(t, "companies", company.warnings);
        form.setValues({ ...emptyCompanyValues, ownerId: me?.user.id ?? "" });
        custom.reset();
        props.onClose();
        navigate(`/companies/${company.id}`);
      },
      onError: (error) => {
        form.handleSubmitError(error);
        custom.handleSubmitError(error);
      },
    });
  }

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={t("companies.new")} size="lg" centered>
      <form onSubmit={submit} noValidate data-testid="company-create-form">
        <Stack>
          <CompanyFields form={form} />
          {custom.inputs}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={createCompany.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
