import type { Board } from "@contracts";
import { Anchor, Group, Paper, ScrollArea, Stack, Text } from "@mantine/core";
import { useDroppable } from "@dnd-kit/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatMoney } from "../../i18n";
import { DealCard } from "./deal.card";

type BoardStage = Board["stages"][number];

const kindColors = { open: undefined, won: "green.0", lost: "gray.1" } as const;

/** One stage of the board: its totals, its first deals, and a link to the rest in the list. */
export function BoardColumn(props: { stage: BoardStage; currency: string; pipelineId: string; canMove: boolean }) {
  const { t } = useTranslation();
  const { stage } = props;
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stageName: stage.name } });
  const hidden = stage.count - stage.deals.length;
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="xs"
      bg={isOver ? "blue.0" : kindColors[stage.kind]}
      w={272}
      miw={272}
      role="region"
      aria-label={stage.name}
      data-testid="board-column"
      data-stage-name={stage.name}
      style={{ display: "flex", flexDirection: "column", maxHeight: "calc(100dvh - 230px)", outline: isOver ? "2px solid var(--mantine-color-blue-5)" : undefined }}
    >
      <Stack gap={2} mb="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="sm" truncate>{stage.name}</Text>
          <Text size="xs" c="dimmed" data-testid="column-count">{stage.count}</Text>
        </Group>
        <Text size="xs" c="dimmed">
          {t("deals.board.total", { total: formatMoney({ amount: stage.total, currency: props.currency }) })}
          {" · "}
          {t("deals.board.weighted", { weighted: formatMoney({ amount: stage.weighted, currency: props.currency }), probability: stage.probability })}
        </Text>
      </Stack>
      <ScrollArea.Autosize mah="100%" type="auto" offsetScrollbars style={{ flex: 1 }}>
        <Stack gap="xs" mih={60}>
          {stage.deals.map((deal) => (
            <DealCard key={deal.id} deal={deal} stageId={stage.id} canMove={props.canMove} />
          ))}
          {stage.deals.length === 0 ? <Text size="xs" c="dimmed" ta="center" py="sm">{t("deals.board.emptyColumn")}</Text> : null}
        </Stack>
      </ScrollArea.Autosize>
      {hidden > 0 ? (
        <Anchor component={Link} to={`/deals/list?pipelineId=${props.pipelineId}&stageId=${stage.id}`} size="xs" mt="xs" ta="center">
          {t("deals.board.more", { count: hidden })}
        </Anchor>
      ) : null}
    </Paper>
  );
}
