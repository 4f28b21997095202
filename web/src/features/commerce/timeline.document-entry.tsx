import { formatMoney, type TimelineItem } from "@contracts";
import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../i18n";
import { DocumentStatusBadge } from "./status.badge";

type DocumentItem = Extract<TimelineItem, { kind: "order" | "invoice" }>;

/** An order or invoice on a contact's, company's or deal's timeline, linking to it. */
export function SalesDocumentEntry({ item }: { item: DocumentItem }) {
  const { t } = useTranslation();
  const document = item.kind === "order" ? item.order : item.invoice;
  const name = item.kind === "order" ? t("commerce.order.title", { number: item.order.number }) : `INV-${item.invoice.number}`;
  return (
    <Group gap="xs" px="sm" py={4} wrap="nowrap" align="flex-start" data-testid="timeline-item" data-kind={item.kind}>
      <Badge color={item.kind === "order" ? "indigo" : "lime"} variant="dot" size="sm" style={{ flexShrink: 0 }}>{t(`activities.kinds.${item.kind}`)}</Badge>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap={6}>
          <Anchor component={Link} to={`/${item.kind === "order" ? "orders" : "invoices"}/${document.id}`} size="sm">{name}</Anchor>
          <Text size="sm">{formatMoney(document.total, document.currency)}</Text>
          <DocumentStatusBadge status={document.status} />
        </Group>
        <Text size="xs" c="dimmed">{formatDateTime(item.at)}</Text>
      </Stack>
    </Group>
  );
}
