import type { Activity } from "@contracts";
import { Anchor, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../i18n";
import { ProblemAlert } from "../../ui";
import { useCan, useMe } from "../auth";
import { ActivityForm } from "./activity.form";
import { useActivities } from "./api/activities.queries";
import { bucketOf, type Bucket } from "./tasks.buckets";
import { TaskDoneCheckbox } from "./timeline.item";

function TaskRow(props: { task: Activity }) {
  const { t } = useTranslation();
  const { task } = props;
  const records = [
    ...task.contacts.map((contact) => ({ ...contact, path: `/contacts/${contact.id}` })),
    ...task.companies.map((company) => ({ ...company, path: `/companies/${company.id}` })),
  ];
  return (
    <Paper withBorder p="sm" radius="md" data-testid="task-row">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <TaskDoneCheckbox task={task} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text fw={600} size="sm" td={task.isDone ? "line-through" : undefined}>{task.subject}</Text>
            {task.priority === "high" ? <Badge color="red" size="xs">{t("activities.priorities.high")}</Badge> : null}
          </Group>
          <Text size="xs" c="dimmed">
            {task.dueAt ? t("activities.due", { date: formatDateTime(task.dueAt) }) : t("tasks.noDueDate")}
            {records.length ? " · " : ""}
            {records.map((record, index) => (
              <span key={record.id}>
                {index ? ", " : ""}
                <Anchor component={Link} to={record.path} size="xs">{record.name}</Anchor>
              </span>
            ))}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** "My tasks": the signed-in person's open tasks — overdue, today, upcoming — with a done box. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  const [isCreating, setCreating] = useState(false);
  const tasks = useActivities({ "filter[type][eq]": "task", "filter[ownerId][eq]": me?.user.id ?? "", "filter[done][eq]": "false", sort: "dueAt" });
  const now = new Date();
  const buckets: Bucket[] = ["overdue", "today", "upcoming", "noDueDate"];
  const grouped = new Map<Bucket, Activity[]>(buckets.map((bucket) => [bucket, []]));
  for (const task of tasks.data ?? []) grouped.get(bucketOf(task, now))!.push(task);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t("tasks.title")}</Title>
        {can("records:create") ? <Button onClick={() => setCreating(true)}>{t("tasks.new")}</Button> : null}
      </Group>
      {tasks.isLoading || !me ? (
        <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>
      ) : tasks.isError ? (
        <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (tasks.data ?? []).length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">{t("tasks.empty")}</Text>
      ) : (
        buckets
          .filter((bucket) => grouped.get(bucket)!.length > 0)
          .map((bucket) => (
            <Stack key={bucket} gap="xs" data-testid={`tasks-${bucket}`}>
              <Title order={4} c={bucket === "overdue" ? "red" : undefined}>
                {t(`tasks.${bucket}`)} ({grouped.get(bucket)!.length})
              </Title>
              {grouped.get(bucket)!.map((task) => (
                <TaskRow key={task.id} task={task} />
              ))}
            </Stack>
          ))
      )}
      <Modal opened={isCreating} onClose={() => setCreating(false)} title={t("tasks.new")} size="lg" centered>
        <ActivityForm record={null} types={["task"]} onSaved={() => setCreating(false)} onCancel={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}
