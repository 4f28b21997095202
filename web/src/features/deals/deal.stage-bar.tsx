import type { Deal } from "@contracts";
import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useCanEditRecord } from "../auth";
import { usePipelines } from "../pipelines";
import { useStageMove } from "./deal.blocked-move";

const kindColors = { open: "blue", won: "green", lost: "gray" } as const;

/** The deal's pipeline as a row of stages: passed ones filled, a click moves the deal (with the board's checks). */
export function DealStageBar(props: { deal: Deal }) {
  const { t } = useTranslation();
  const canEdit = useCanEditRecord();
  const pipelines = usePipelines();
  const stageMove = useStageMove();
  const { deal } = props;
  const pipeline = pipelines.data?.data.find((candidate) => candidate.id === deal.pipelineId);
  const stages = pipeline?.stages ?? [];
  const currentIndex = stages.findIndex((stage) => stage.id === deal.stageId);
  const canMove = canEdit(deal.ownerId) && deal.deletedAt === null;

  return (
    <div>
      <Text size="xs" c="dimmed" mb={4}>{pipeline ? t("deals.stageBar.label", { pipeline: pipeline.name, probability: deal.stage.probability }) : deal.stage.name}</Text>
      <Group gap={4} wrap="wrap" role="group" aria-label={t("deals.fields.stage")} data-testid="deal-stage-bar">
        {stages.map((stage, index) => {
          const isCurrent = stage.id === deal.stageId;
          const isPassed = currentIndex >= 0 && index < currentIndex && stage.kind === "open";
          return (
            <Button
              key={stage.id}
              size="compact-sm"
              radius="xl"
              color={kindColors[stage.kind]}
              variant={isCurrent ? "filled" : isPassed ? "light" : "default"}
              aria-current={isCurrent ? "step" : undefined}
              disabled={!canMove && !isCurrent}
              loading={stageMove.isMoving && isCurrent}
              onClick={() => canMove && stageMove.moveDeal({ dealId: deal.id, dealName: deal.name, fromStageId: deal.stageId, toStageId: stage.id })}
            >
              {stage.name}
            </Button>
          );
        })}
      </Group>
      {stageMove.dialog}
    </div>
  );
}
