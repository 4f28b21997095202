import type { Deal } from "@contracts";
import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../i18n";
import { EmptyState, ProblemAlert } from "../../ui";
import { TaskDoneCheckbox, useActivities } from "../activities";
import { useStageHistory } from "./api/deals.queries";

/** The people on the deal and their role in it. */
export function DealContacts(props: { deal: Deal }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={4}>{t("deals.fields.contacts")}</Title>
      {props.deal.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">{t("deals.noContacts")}</Text>
      ) : (
        <Table withTableBorder fz="sm" aria-label={t("deals.fields.contacts")}>
          <Table.Tbody>
            {props.deal.contacts.map((contact) => (
              <Table.Tr key={contact.id}>
                <Table.Td><Anchor component={Link} to={`/contacts/${contact.id}`} size="sm">{contact.name}</Anchor></Table.Td>
                <Table.Td>{contact.email ?? ""}</Table.Td>
                <Table.Td>{contact.role ? <Badge variant="light" style={{ textTransform: "none" }}>{contact.role}</Badge> : <Text size="xs" c="dimmed">{t("deals.noRole")}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The deal's tasks, its stage steps among them: ticking a required one unblocks the next stage. */
export function DealTasks(props: { dealId: string }) {
  const { t } = useTranslation();
  const tasks = useActivities({ "filter[dealId][eq]": props.dealId, "filter[type][eq]": "task", sort: "dueAt" });
  const open = (tasks.data ?? []).filter((task) => !task.isDone);
  const done = (tasks.data ?? []).filter((task) => task.isDone);
  return (
    <Stack gap="xs" data-testid="deal-tasks">
      <Title order={4}>{t("deals.tasks")}</Title>
      {tasks.isLoading ? <Center><Loader size="sm" aria-label={t("common.loading")} /></Center> : null}
      {tasks.isError ? <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {tasks.data && tasks.data.length === 0 ? <Text size="sm" c="dimmed">{t("deals.noTasks")}</Text> : null}
      {[...open, ...done].map((task) => (
        <Paper key={task.id} withBorder px="sm" py={6} radius="md" data-testid="deal-task" data-done={task.isDone || undefined}>
          <Group gap="xs" wrap="nowrap">
            <TaskDoneCheckbox task={task} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" td={task.isDone ? "line-through" : undefined}>{task.subject}</Text>
              <Text size="xs" c="dimmed">
                {task.dueAt ? t("activities.due", { date: formatDateTime(task.dueAt) }) : ""}
                {task.owner ? ` · ${task.owner.name}` : ""}
              </Text>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** Every stay of the deal in a stage: when, who moved it, and why an override skipped open steps. */
export function DealStageHistory(props: { dealId: string }) {
  const { t } = useTranslation();
  const history = useStageHistory(props.dealId);
  if (history.isLoading) return <Center py="lg"><Loader aria-label={t("common.loading")} /></Center>;
  if (history.isError) return <ProblemAlert error={history.error} onRetry={() => void history.refetch()} />;
  const entries = history.data?.data ?? [];
  if (entries.length === 0) return <EmptyState title={t("deals.stageHistory.empty")} />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder fz="sm" aria-label={t("deals.stageHistory.title")} data-testid="stage-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("deals.fields.stage")}</Table.Th>
            <Table.Th>{t("deals.stageHistory.entered")}</Table.Th>
            <Table.Th>{t("deals.stageHistory.left")}</Table.Th>
            <Table.Th>{t("deals.stageHistory.movedBy")}</Table.Th>
            <Table.Th>{t("deals.stageHistory.override")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{entry.stageName}</Table.Td>
              <Table.Td>{formatDateTime(entry.enteredAt)}</Table.Td>
              <Table.Td>{formatDateTime(entry.leftAt) || "—"}</Table.Td>
              <Table.Td>{entry.movedBy?.name ?? "—"}</Table.Td>
              <Table.Td>{entry.override ? <Text size="sm" c="orange.8">{entry.override.reason}</Text> : "—"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
