import type { Notification } from "@contracts";
import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { formatDateTime } from "../../i18n";
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from "./api/notifications.queries";

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

const salesAlertKinds = new Set<string>(["lead_assigned", "target_behind", "deal_stale", "deal_overdue"]);

function NotificationLine(props: { notification: Notification; onOpen: () => void }) {
  const { t } = useTranslation();
  const { notification } = props;
  const actor = notification.actor?.name || t("activities.someone");
  const title =
    notification.kind === "mention"
      ? t("notifications.mention", { actor })
      : notification.kind === "reminder"
        ? t("notifications.reminder", { subject: notification.activity?.subject || t("notifications.untitled") })
        : salesAlertKinds.has(notification.kind)
          ? t(`salesAlerts.${notification.kind}`, { actor })
          : (notification.record?.name ?? notification.kind);
  return (
    <UnstyledButton onClick={props.onOpen} p="xs" style={{ borderRadius: 4, background: notification.isRead ? undefined : "var(--mantine-color-blue-0)" }} data-testid="notification">
      <Text size="sm" fw={notification.isRead ? 400 : 600}>{title}</Text>
      {notification.record ? <Text size="xs" c="dimmed">{notification.record.name}</Text> : null}
      {notification.excerpt ? <Text size="xs" lineClamp={2}>{notification.excerpt}</Text> : null}
      <Text size="xs" c="dimmed">{formatDateTime(notification.createdAt)}</Text>
    </UnstyledButton>
  );
}

/** The header's bell: unread count, the latest notifications, mark read (one by opening it, or all). */
export function NotificationsBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, { toggle, close }] = useDisclosure(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const unread = notifications.data?.unreadCount ?? 0;
  const entries = notifications.data?.data ?? [];

  function open(notification: Notification) {
    if (!notification.isRead) markRead.mutate(notification.id);
    close();
    const recordPaths = { contact: "contacts", company: "companies", deal: "deals", invoice: "invoices" } as const;
    if (notification.kind === "reminder") navigate("/tasks");
    else if (notification.kind === "target_behind") navigate("/targets");
    else if (notification.record) navigate(`/${recordPaths[notification.record.type]}/${notification.record.id}`);
  }

  return (
    <Popover opened={isOpen} onChange={(value) => (value ? undefined : close())} position="bottom-end" width={340} shadow="md">
      <Popover.Target>
        <Indicator label={unread > 99 ? "99+" : unread} size={16} disabled={unread === 0} offset={4} color="red">
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={t("notifications.open", { count: unread })} data-testid="notifications-bell">
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t("notifications.title")}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
            {t("notifications.markAllRead")}
          </Button>
        </Group>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed" py="md" ta="center">{t("notifications.empty")}</Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={4}>
              {entries.map((notification) => (
                <NotificationLine key={notification.id} notification={notification} onOpen={() => open(notification)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
