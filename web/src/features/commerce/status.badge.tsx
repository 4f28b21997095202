import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const colors: Record<string, string> = {
  draft: "gray",
  sent: "blue",
  accepted: "green",
  rejected: "red",
  superseded: "gray",
  open: "blue",
  partially_invoiced: "yellow",
  invoiced: "green",
  cancelled: "gray",
  partially_paid: "yellow",
  paid: "green",
  overdue: "red",
  void: "gray",
};

/** The status of a quote, order or invoice, in words and colour. */
export function DocumentStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status] ?? "gray"} variant="light" data-testid="document-status">
      {t(`commerce.status.${status}`)}
    </Badge>
  );
}
