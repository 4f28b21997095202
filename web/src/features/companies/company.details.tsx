import type { Company } from "@contracts";
import { Anchor, Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatMoney } from "../../i18n";
import { FieldList } from "../../ui";
import { CustomValuesList } from "../custom-fields";

export function CompanyDetails(props: { company: Company }) {
  const { t, i18n } = useTranslation();
  const { company } = props;
  const address = company.address ? [company.address.street, company.address.city, company.address.region, company.address.postalCode, company.address.country].filter(Boolean).join(", ") : "";
  return (
    <Stack>
    <FieldList
      items={[
        { label: t("companies.fields.name"), value: company.name },
        { label: t("companies.fields.domain"), value: company.domain ? <Anchor href={`https://${company.domain}`} target="_blank" rel="noreferrer">{company.domain}</Anchor> : null },
        { label: t("companies.fields.industry"), value: company.industry },
        { label: t("companies.fields.employeeCount"), value: company.employeeCount == null ? null : company.employeeCount.toLocaleString(i18n.language) },
        { label: t("companies.fields.annualRevenue"), value: formatMoney(company.annualRevenue ?? null) },
        { label: t("companies.fields.owner"), value: company.owner?.name },
        { label: t("companies.fields.tags"), value: company.tags.length ? <Group gap={4}>{company.tags.map((tag) => <Badge key={tag} variant="outline">{tag}</Badge>)}</Group> : null },
        { label: t("address.title"), value: address },
        { label: t("companies.fields.createdAt"), value: formatDateTime(company.createdAt) },
        { label: t("companies.fields.updatedAt"), value: formatDateTime(company.updatedAt) },
      ]}
    />
    <CustomValuesList object="company" values={company.custom} />
    </Stack>
  );
}
