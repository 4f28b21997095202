import type { Deal } from "@contracts";
import { Anchor, Badge, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime, formatMoney } from "../../i18n";
import { FieldList } from "../../ui";

export function DealDetails(props: { deal: Deal }) {
  const { t } = useTranslation();
  const { deal } = props;
  const weighted = Math.round((deal.amount * deal.stage.probability) / 100);
  return (
    <Stack>
      <FieldList
        items={[
          { label: t("deals.fields.amount"), value: formatMoney({ amount: deal.amount, currency: deal.currency }) },
          { label: t("deals.fields.weighted"), value: `${formatMoney({ amount: weighted, currency: deal.currency })} (${deal.stage.probability}%)` },
          { label: t("deals.fields.stage"), value: <Badge variant="light">{deal.stage.name}</Badge> },
          { label: t("deals.fields.closeDate"), value: formatDate(deal.closeDate) },
          { label: t("deals.fields.forecastCategory"), value: t(`deals.forecastCategories.${deal.forecastCategory}`) },
          { label: t("deals.fields.company"), value: deal.company ? <Anchor component={Link} to={`/companies/${deal.company.id}`}>{deal.company.name}</Anchor> : null },
          { label: t("deals.fields.owner"), value: deal.owner?.name },
          { label: t("deals.fields.nextStep"), value: deal.nextStep },
          { label: t("deals.fields.source"), value: deal.source },
          { label: t("deals.fields.lostReason"), value: deal.stage.kind === "lost" ? deal.lostReason : null },
          { label: t("deals.fields.closedAt"), value: formatDateTime(deal.closedAt) },
          { label: t("deals.fields.stageEnteredAt"), value: formatDateTime(deal.stageEnteredAt) },
          { label: t("deals.fields.createdAt"), value: formatDateTime(deal.createdAt) },
          { label: t("deals.fields.updatedAt"), value: formatDateTime(deal.updatedAt) },
        ]}
      />
    </Stack>
  );
}
