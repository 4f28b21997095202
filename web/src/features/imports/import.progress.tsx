import { Alert, Anchor, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ConfirmButton, ProblemAlert } from "../../ui";
import { errorsCsvUrl, isFinished, useImport, useUndoImport } from "./api/imports.queries";

function Count({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} data-count={label}>{value.toLocaleString()}</Text>
    </Stack>
  );
}

/** A running or finished import: live progress (polled), its counts, the rejected rows to download, and Undo. */
export function ImportProgress({ id, onStartOver }: { id: string; onStartOver: () => void }) {
  const { t } = useTranslation();
  const job = useImport(id);
  const undo = useUndoImport();
  if (job.isError) return <ProblemAlert error={job.error} onRetry={() => job.refetch()} />;
  const current = job.data;
  if (!current) return <Loader />;
  const percent = current.total ? Math.round((current.processed / current.total) * 100) : 0;
  const isRunning = !isFinished(current.status);
  const listPath = current.object === "contact" ? "/contacts" : "/companies";
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{current.fileName}</Text>
          <Text size="sm" c={current.status === "failed" ? "red" : "dimmed"} aria-live="polite">
            {t(`imports.status.${current.status}`)}
          </Text>
        </Group>
        <Progress value={current.status === "done" ? 100 : percent} animated={isRunning} aria-label={t("imports.progress")} />
        <Text size="sm" c="dimmed">
          {current.total === null ? t("imports.counting") : t("imports.processedOf", { processed: current.processed.toLocaleString(), total: current.total.toLocaleString() })}
        </Text>
        <SimpleGrid cols={{ base: 3, sm: 5 }}>
          <Count label={t("imports.counts.created")} value={current.created} />
          <Count label={t("imports.counts.updated")} value={current.updated} />
          <Count label={t("imports.counts.skipped")} value={current.skipped} />
          <Count label={t("imports.counts.failed")} value={current.failed} />
          <Count label={t("imports.counts.companiesCreated")} value={current.companiesCreated} />
        </SimpleGrid>
        {current.error && <Alert color="red">{current.error}</Alert>}
        {undo.isError && <ProblemAlert error={undo.error} />}
        <Group>
          {current.failed > 0 && (
            <Anchor href={errorsCsvUrl(current.id)} download>
              {t("imports.downloadErrors", { count: current.failed })}
            </Anchor>
          )}
          {current.status === "done" && (
            <Anchor component={Link} to={listPath}>
              {t("imports.viewRecords")}
            </Anchor>
          )}
        </Group>
        <Group>
          {(current.status === "done" || current.status === "failed") && (
            <ConfirmButton
              variant="default"
              color="red"
              label={t("imports.undo")}
              title={t("imports.undoTitle")}
              message={t("imports.undoMessage")}
              confirmLabel={t("imports.undo")}
              onConfirm={() => undo.mutateAsync(current.id).then(() => undefined)}
            />
          )}
          {!isRunning && (
            <Button variant="light" onClick={onStartOver}>
              {t("imports.another")}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
