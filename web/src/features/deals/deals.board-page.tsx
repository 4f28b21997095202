import type { BoardDeal } from "@contracts";
import { Button, Center, Group, Loader, Paper, ScrollArea, Stack, Text, TextInput, Title } from "@mantine/core";
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EmptyState, ProblemAlert } from "../../ui";
import { useCan } from "../auth";
import { PipelineSelect, usePipelines } from "../pipelines";
import { OwnerSelect } from "../settings";
import { useBoard } from "./api/deals.queries";
import { columnCoordinates } from "./board.keyboard";
import { DealCardBody, type CardDrag } from "./deal.card";
import { useStageMove } from "./deal.blocked-move";
import { DealCreateModal } from "./deal.create-modal";
import { BoardColumn } from "./deals.board-column";
import { DealsViewSwitch } from "./deals.view-switch";

/** The pointer decides where a card lands; a card moved with the keyboard lands where it overlaps most. */
const collisionDetection: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length ? underPointer : rectIntersection(args);
};

/** The pipeline as a Kanban board: a column per stage, deals dragged from one stage to the next. */
export function DealsBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const list = pipelines.data?.data ?? [];
  const pipelineId = params.get("pipeline") ?? list.find((pipeline) => pipeline.isDefault)?.id ?? list[0]?.id ?? null;
  const [ownerId, setOwnerId] = useState("");
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 300);
  const board = useBoard(pipelineId, { ownerId: ownerId || undefined, q });
  const stageMove = useStageMove();
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [dragged, setDragged] = useState<BoardDeal | null>(null);
  const canMove = can("records:write");
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click still opens the deal.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates, keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] } }),
  );

  function onDragStart(event: DragStartEvent) {
    const drag = event.active.data.current as CardDrag | undefined;
    const stage = board.data?.stages.find((candidate) => candidate.id === drag?.stageId);
    setDragged(stage?.deals.find((deal) => deal.id === drag?.dealId) ?? null);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const drag = event.active.data.current as CardDrag | undefined;
    if (!drag || !event.over) return;
    stageMove.moveDeal({ dealId: drag.dealId, dealName: drag.dealName, fromStageId: drag.stageId, toStageId: String(event.over.id) });
  }

  const header = (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Title order={2}>{t("deals.title")}</Title>
      <Group gap="xs" wrap="wrap">
        <DealsViewSwitch value="board" />
        {can("records:create") ? <Button onClick={() => setCreateOpen(true)}>{t("deals.new")}</Button> : null}
      </Group>
    </Group>
  );

  if (pipelines.isLoading) return <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>;
  if (pipelines.isError) return <ProblemAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  if (!pipelineId) {
    return (
      <Stack gap="sm">
        {header}
        <EmptyState
          title={t("deals.board.noPipelines")}
          description={can("sales:configure") ? t("deals.board.noPipelinesAdmin") : t("deals.board.noPipelinesMember")}
        />
        {can("sales:configure") ? <Group justify="center"><Button component={Link} to="/settings/pipelines" variant="light">{t("pipelines.tab")}</Button></Group> : null}
        <DealCreateModal isOpen={isCreateOpen} onClose={() => setCreateOpen(false)} />
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {header}
      <Group gap="xs" wrap="wrap" data-testid="board-filters">
        <PipelineSelect label="" value={pipelineId} onChange={(value) => setParams(value ? { pipeline: value } : {}, { replace: true })} w={220} />
        <TextInput aria-label={t("filters.search")} placeholder={t("deals.board.search")} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={{ base: "100%", xs: 220 }} />
        <OwnerSelect label="" placeholder={t("deals.fields.owner")} value={ownerId} onChange={setOwnerId} w={180} />
      </Group>
      {board.isError ? (
        <ProblemAlert error={board.error} onRetry={() => void board.refetch()} />
      ) : board.isLoading || !board.data ? (
        <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragged(null)}
          accessibility={{
            screenReaderInstructions: { draggable: t("deals.board.dragInstructions") },
            announcements: {
              onDragStart: ({ active }) => t("deals.board.picked", { name: (active.data.current as CardDrag | undefined)?.dealName ?? "" }),
              onDragOver: ({ over }) => (over ? t("deals.board.over", { stage: (over.data.current as { stageName?: string } | undefined)?.stageName ?? "" }) : undefined),
              onDragEnd: ({ over }) => (over ? t("deals.board.dropped", { stage: (over.data.current as { stageName?: string } | undefined)?.stageName ?? "" }) : t("deals.board.cancelled")),
              onDragCancel: () => t("deals.board.cancelled"),
            },
          }}
        >
          {board.data.unconvertedCurrencies.length ? (
            <Text size="sm" c="dimmed" mb="xs">{t("deals.board.unconverted", { currencies: board.data.unconvertedCurrencies.join(", "), currency: board.data.currency })}</Text>
          ) : null}
          <ScrollArea type="auto" offsetScrollbars>
            <Group align="flex-start" wrap="nowrap" gap="sm" pb="xs" data-testid="deals-board">
              {board.data.stages.map((stage) => (
                <BoardColumn key={stage.id} stage={stage} currency={board.data.currency} pipelineId={pipelineId} canMove={canMove} />
              ))}
            </Group>
          </ScrollArea>
          <DragOverlay dropAnimation={null}>
            {dragged ? (
              <Paper withBorder p="xs" radius="md" shadow="md" w={256} style={{ cursor: "grabbing" }}>
                <DealCardBody deal={dragged} isLink={false} />
              </Paper>
            ) : null}
          </DragOverlay>
        </DndContext>
      )}
      {stageMove.dialog}
      <DealCreateModal isOpen={isCreateOpen} onClose={() => setCreateOpen(false)} pipelineId={pipelineId} currency={board.data?.currency} />
    </Stack>
  );
}
