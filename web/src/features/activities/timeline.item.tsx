import type { Activity, TimelineItem } from "@contracts";
import { ActionIcon, Anchor, Badge, Checkbox, Group, Menu, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDateTime } from "../../i18n";
import { notifyProblem, notifySuccess } from "../../ui";
import { useCan, useCanEditRecord } from "../auth";
import { SalesDocumentEntry } from "../commerce";
import { ActivityMarkdown } from "./activity.markdown";
import { kindColors } from "./activity.kinds";
import { useDeleteActivity, useUpdateActivity } from "./api/activities.queries";

/** A task's done box, for the timeline and My tasks. */
export function TaskDoneCheckbox(props: { task: Activity }) {
  const { t } = useTranslation();
  const canEdit = useCanEditRecord();
  const update = useUpdateActivity();
  return (
    <Checkbox
      checked={props.task.isDone}
      disabled={!canEdit(props.task.ownerId) || update.isPending}
      aria-label={props.task.isDone ? t("activities.markNotDone") : t("activities.markDone")}
      onChange={(event) =>
        update.mutate(
          { id: props.task.id, input: { doneAt: event.currentTarget.checked ? new Date().toISOString() : null } },
          { onSuccess: (task) => notifySuccess(task.isDone ? t("tasks.completed") : t("tasks.reopened")), onError: (error) => notifyProblem(error) },
        )
      }
      data-testid="task-done"
    />
  );
}

function Details(props: { activity: Activity }) {
  const { t } = useTranslation();
  const { activity } = props;
  const parts: string[] = [];
  if (activity.direction) parts.push(t(`activities.directions.${activity.direction}`));
  if (activity.durationSeconds !== null) parts.push(t("activities.durationShort", { minutes: Math.round(activity.durationSeconds / 60) }));
  if (activity.outcome) parts.push(t(`activities.outcomes.${activity.outcome}`));
  if (activity.type === "task" && activity.dueAt) parts.push(t("activities.due", { date: formatDateTime(activity.dueAt) }));
  if (activity.priority) parts.push(t(`activities.priorities.${activity.priority}`));
  if (activity.endAt) parts.push(`${t("activities.fields.endAt")} ${formatDateTime(activity.endAt)}`);
  if (activity.location) parts.push(activity.location);
  const names = [...activity.contacts, ...activity.companies, ...activity.deals].map((record) => record.name).filter(Boolean);
  return (
    <>
      {parts.length ? <Text size="xs" c="dimmed">{parts.join(" · ")}</Text> : null}
      {names.length ? <Text size="xs" c="dimmed">{t("activities.with", { names: names.join(", ") })}</Text> : null}
      {activity.geolocation ? (
        <Anchor size="xs" href={`https://www.openstreetmap.org/?mlat=${activity.geolocation.latitude}&mlon=${activity.geolocation.longitude}#map=17/${activity.geolocation.latitude}/${activity.geolocation.longitude}`} target="_blank" rel="noreferrer noopener">
          {t("activities.visit.openMap")} ({activity.geolocation.latitude.toFixed(4)}, {activity.geolocation.longitude.toFixed(4)})
        </Anchor>
      ) : null}
    </>
  );
}

function ActivityEntry(props: { activity: Activity }) {
  const { t } = useTranslation();
  const can = useCan();
  const canEdit = useCanEditRecord();
  const remove = useDeleteActivity();
  const { activity } = props;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="timeline-item" data-kind={activity.type}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Group gap="xs" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          {activity.type === "task" ? <TaskDoneCheckbox task={activity} /> : null}
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Badge color={kindColors[activity.type]} variant="light" size="sm">{t(`activities.types.${activity.type}`)}</Badge>
              {activity.subject ? <Text fw={600} size="sm" td={activity.isDone ? "line-through" : undefined}>{activity.subject}</Text> : null}
            </Group>
            <Text size="xs" c="dimmed">
              {formatDateTime(activity.at)}
              {activity.owner ? ` · ${activity.owner.name}` : ""}
            </Text>
            <Details activity={activity} />
          </Stack>
        </Group>
        {can("records:delete") && canEdit(activity.ownerId) ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={t("common.delete")}>⋯</ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item color="red" onClick={() => remove.mutate(activity.id, { onSuccess: () => notifySuccess(t("activities.deleted")), onError: (error) => notifyProblem(error) })}>
                {t("common.delete")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
      {activity.body ? <ActivityMarkdown text={activity.body} /> : null}
    </Paper>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

const recordPaths = { contact: "contacts", company: "companies", deal: "deals" } as const;

type StageMoveItem = Extract<TimelineItem, { kind: "stage_change" }>;

/** A deal entering a stage; an override says why open required steps were skipped. */
function StageMoveEntry(props: { item: StageMoveItem }) {
  const { t } = useTranslation();
  const { item } = props;
  return (
    <Group gap="xs" px="sm" py={4} wrap="nowrap" align="flex-start" data-testid="timeline-item" data-kind={item.kind}>
      <Badge color={kindColors[item.kind]} variant="dot" size="sm" style={{ flexShrink: 0 }}>{t(`activities.kinds.${item.kind}`)}</Badge>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" style={{ wordBreak: "break-word" }}>
          {t("activities.dealStageMove", { from: item.stage.fromName ?? "—", to: item.stage.toName })}
          {` · ${item.movedBy?.name ?? t("activities.someone")}`}
        </Text>
        {item.override ? <Text size="xs" c="orange.8">{t("activities.dealStageOverride", { reason: item.override.reason })}</Text> : null}
        <Text size="xs" c="dimmed">{formatDateTime(item.at)}</Text>
      </Stack>
    </Group>
  );
}

/** One entry of a record's timeline: an activity, a field change, a lifecycle-stage change or a deal's stage move. */
export function TimelineEntry(props: { item: TimelineItem; recordId: string }) {
  const { t } = useTranslation();
  const { item } = props;
  if (item.kind === "stage_change") return <StageMoveEntry item={item} />;
  if (item.kind === "order" || item.kind === "invoice") return <SalesDocumentEntry item={item} />;
  if (item.kind !== "change" && item.kind !== "lifecycle_stage") return <ActivityEntry activity={item.activity} />;
  const actor = item.change.actor.name ?? t("activities.someone");
  const isOther = item.record.id !== props.recordId;
  const text =
    item.kind === "lifecycle_stage"
      ? t("activities.stageChange", {
          from: item.stage.from ? t(`lifecycleStages.${item.stage.from}`) : "—",
          to: item.stage.to ? t(`lifecycleStages.${item.stage.to}`) : "—",
        })
      : item.change.action === "create"
        ? t("activities.createdBy", { actor })
        : t("activities.changeBy", {
            actor,
            fields: Object.entries(item.change.changes)
              .map(([field, change]) => `${field} (${show(change.before)} → ${show(change.after)})`)
              .join(", ") || t(`audit.actions.${item.change.action}`),
          });
  return (
    <Group gap="xs" px="sm" py={4} wrap="nowrap" align="flex-start" data-testid="timeline-item" data-kind={item.kind}>
      <Badge color={kindColors[item.kind]} variant="dot" size="sm" style={{ flexShrink: 0 }}>{t(`activities.kinds.${item.kind}`)}</Badge>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" style={{ wordBreak: "break-word" }}>
          {isOther ? (
            <>
              <Anchor component={Link} to={`/${recordPaths[item.record.type]}/${item.record.id}`} size="sm">{item.record.name}</Anchor>
              {": "}
            </>
          ) : null}
          {item.kind === "lifecycle_stage" ? `${text} · ${actor}` : text}
        </Text>
        <Text size="xs" c="dimmed">{formatDateTime(item.at)}</Text>
      </Stack>
    </Group>
  );
}
