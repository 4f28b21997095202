import type { AuditEntry } from "@contracts";
import { Button, Center, Code, Loader, Stack, Table, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n";
import { EmptyState, ProblemAlert } from "../../ui";
import { useAuditTrail } from "./api/audit.queries";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function Changes(props: { changes: AuditEntry["changes"] }) {
  const { t } = useTranslation();
  const entries = Object.entries(props.changes);
  if (entries.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table withTableBorder fz="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("audit.field")}</Table.Th>
            <Table.Th>{t("audit.before")}</Table.Th>
            <Table.Th>{t("audit.after")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([field, change]) => (
            <Table.Tr key={field}>
              <Table.Td><Code>{field}</Code></Table.Td>
              <Table.Td style={{ wordBreak: "break-word" }}>{show(change.before)}</Table.Td>
              <Table.Td style={{ wordBreak: "break-word" }}>{show(change.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The record's audit trail: who did what, when, and the field diff. */
export function AuditHistory(props: { entityType: "contact" | "company" | "deal"; entityId: string }) {
  const { t } = useTranslation();
  const trail = useAuditTrail(props.entityType, props.entityId);
  if (trail.isLoading) return <Center py="lg"><Loader aria-label={t("common.loading")} /></Center>;
  if (trail.isError) return <ProblemAlert error={trail.error} onRetry={() => void trail.refetch()} />;
  const entries = trail.data?.pages.flatMap((page) => page.data) ?? [];
  if (entries.length === 0) return <EmptyState title={t("audit.empty")} />;
  return (
    <Stack data-testid="audit-history">
      <Timeline bulletSize={14} lineWidth={2}>
        {entries.map((entry) => (
          <Timeline.Item key={entry.id} title={t(`audit.actions.${entry.action}`)}>
            <Text size="xs" c="dimmed" mb={4}>
              {entry.actor.name ?? t("audit.unknownActor")} · {formatDateTime(entry.createdAt)}
            </Text>
            <Changes changes={entry.changes} />
          </Timeline.Item>
        ))}
      </Timeline>
      {trail.hasNextPage ? (
        <Button variant="subtle" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
          {t("common.loadMore")}
        </Button>
      ) : null}
    </Stack>
  );
}
