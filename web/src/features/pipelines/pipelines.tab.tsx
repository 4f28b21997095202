import type { Pipeline } from "@contracts";
import { Badge, Button, Center, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, ProblemAlert } from "../../ui";
import { usePipelines } from "./api/pipelines.queries";
import { PipelineEditor } from "./pipeline.editor";

const kindColors = { open: "blue", won: "green", lost: "gray" } as const;

/** Settings → Pipelines: the sales processes, for roles with sales:configure. */
export function PipelinesTab() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [editing, setEditing] = useState<{ pipeline: Pipeline | null } | null>(null);

  if (pipelines.isLoading) return <Center py="lg"><Loader aria-label={t("common.loading")} /></Center>;
  if (pipelines.isError) return <ProblemAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  const list = pipelines.data?.data ?? [];

  return (
    <Stack data-testid="pipelines-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>{t("pipelines.intro")}</Text>
        <Button onClick={() => setEditing({ pipeline: null })}>{t("pipelines.new")}</Button>
      </Group>
      {list.length === 0 ? <EmptyState title={t("pipelines.emptyTitle")} description={t("pipelines.emptyDescription")} /> : null}
      {list.map((pipeline) => (
        <Paper key={pipeline.id} withBorder p="sm" radius="md" data-testid="pipeline-row">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={6}>
              <Group gap="xs">
                <Text fw={600}>{pipeline.name}</Text>
                {pipeline.isDefault ? <Badge size="sm" variant="light">{t("pipelines.default")}</Badge> : null}
              </Group>
              <Group gap={6} wrap="wrap">
                {pipeline.stages.map((stage) => (
                  <Badge key={stage.id} color={kindColors[stage.kind]} variant="outline" size="sm" style={{ textTransform: "none" }}>
                    {stage.name} · {stage.probability}%{stage.steps.length ? ` · ${t("pipelines.stepCount", { count: stage.steps.length })}` : ""}
                  </Badge>
                ))}
              </Group>
            </Stack>
            <Button variant="default" size="compact-sm" onClick={() => setEditing({ pipeline })} aria-label={t("pipelines.editTitle", { name: pipeline.name })}>
              {t("common.edit")}
            </Button>
          </Group>
        </Paper>
      ))}
      <PipelineEditor isOpen={editing !== null} pipeline={editing?.pipeline ?? null} onClose={() => setEditing(null)} />
    </Stack>
  );
}
