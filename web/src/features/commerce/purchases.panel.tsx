import { formatMoney } from "@contracts";
import { Anchor, Loader, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../i18n";
import { ProblemAlert } from "../../ui";
import { usePurchases } from "./api/commerce.queries";
import { DocumentStatusBadge } from "./status.badge";

/** A contact's or company's purchase history: its orders, newest first, with their totals. */
export function PurchaseHistory({ record }: { record: { type: "contact" | "company"; id: string } }) {
  const { t } = useTranslation();
  const purchases = usePurchases(record);
  if (purchases.isLoading) return <Loader size="sm" aria-label={t("common.loading")} />;
  if (purchases.error) return <ProblemAlert error={purchases.error} onRetry={() => void purchases.refetch()} />;
  const orders = purchases.data?.data ?? [];
  if (orders.length === 0) return <Text c="dimmed">{t("commerce.purchases.empty")}</Text>;
  return (
    <Table striped verticalSpacing="xs" data-testid="purchase-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("commerce.purchases.order")}</Table.Th>
          <Table.Th>{t("commerce.purchases.date")}</Table.Th>
          <Table.Th>{t("commerce.purchases.status")}</Table.Th>
          <Table.Th ta="right">{t("commerce.totals.total")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((order) => (
          <Table.Tr key={order.id}>
            <Table.Td><Anchor component={Link} to={`/orders/${order.id}`}>{t("commerce.order.title", { number: order.number })}</Anchor></Table.Td>
            <Table.Td>{formatDate(order.orderedAt)}</Table.Td>
            <Table.Td><DocumentStatusBadge status={order.status} /></Table.Td>
            <Table.Td ta="right">{formatMoney(order.total, order.currency)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
