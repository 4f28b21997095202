import type { BoardDeal } from "@contracts";
import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { useDraggable } from "@dnd-kit/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatMoney } from "../../i18n";

export interface CardDrag {
  dealId: string;
  dealName: string;
  stageId: string;
}

/** What a card shows; also the picture under the pointer while it is dragged. */
export function DealCardBody(props: { deal: BoardDeal; isLink?: boolean }) {
  const { t } = useTranslation();
  const { deal } = props;
  return (
    <Stack gap={4}>
      {props.isLink === false ? (
        <Text fw={600} size="sm" lineClamp={2}>{deal.name}</Text>
      ) : (
        <Anchor component={Link} to={`/deals/${deal.id}`} fw={600} size="sm" lineClamp={2} onPointerDown={(event) => event.stopPropagation()}>
          {deal.name}
        </Anchor>
      )}
      {deal.companyName ? <Text size="xs" c="dimmed" truncate>{deal.companyName}</Text> : null}
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" fw={500}>{formatMoney({ amount: deal.amount, currency: deal.currency })}</Text>
        {deal.closeDate ? <Text size="xs" c="dimmed">{formatDate(deal.closeDate)}</Text> : null}
      </Group>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" truncate>{deal.ownerName ?? t("deals.unassigned")}</Text>
        {deal.openRequiredSteps > 0 ? (
          <Badge color="orange" variant="light" size="xs" style={{ textTransform: "none", flexShrink: 0 }} data-testid="open-steps-badge">{t("deals.openSteps", { count: deal.openRequiredSteps })}</Badge>
        ) : null}
      </Group>
    </Stack>
  );
}

/** A deal on the board: drag it with the pointer, or focus it and press Space, the arrow keys, then Space. */
export function DealCard(props: { deal: BoardDeal; stageId: string; canMove: boolean }) {
  const { t } = useTranslation();
  const data: CardDrag = { dealId: props.deal.id, dealName: props.deal.name, stageId: props.stageId };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: props.deal.id, data, disabled: !props.canMove });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="md"
      shadow="xs"
      style={{ opacity: isDragging ? 0.4 : 1, cursor: props.canMove ? "grab" : undefined, touchAction: "manipulation" }}
      data-testid="deal-card"
      data-deal-name={props.deal.name}
      {...attributes}
      {...listeners}
      aria-roledescription={t("deals.board.card")}
      aria-label={props.deal.name}
    >
      <DealCardBody deal={props.deal} />
    </Paper>
  );
}
