import type { TimelineKind } from "@contracts";
import { Button, Center, Chip, Group, Loader, Paper, Stack, Text } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../ui";
import { useCan } from "../auth";
import { ActivityForm } from "./activity.form";
import { activityTypes } from "./activity.kinds";
import { useTimeline, type TimelineRecord } from "./api/activities.queries";
import { TimelineEntry } from "./timeline.item";

/** Contacts have lifecycle stages, deals have pipeline stages. */
const filterKinds: Record<TimelineRecord["type"], TimelineKind[]> = {
  contact: [...activityTypes, "change", "lifecycle_stage"],
  company: [...activityTypes, "change", "lifecycle_stage"],
  deal: [...activityTypes, "change", "stage_change"],
};

/** Loads the next page when its sentinel scrolls into view (with a button where observers are missing). */
function useInfiniteScroll(onVisible: () => void, isEnabled: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !isEnabled || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && onVisible(), { rootMargin: "200px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onVisible, isEnabled]);
  return sentinel;
}

/** A contact's, company's or deal's timeline: log an activity, filter by kind, scroll back in time. */
export function TimelinePanel(props: { record: TimelineRecord; canLog?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [isComposing, setComposing] = useState(false);
  const timeline = useTimeline(props.record, kinds);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;
  const loadMore = useRef(() => {});
  loadMore.current = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  const sentinel = useInfiniteScroll(useRef(() => loadMore.current()).current, Boolean(hasNextPage));
  const items = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  const canLog = (props.canLog ?? true) && can("records:create");

  return (
    <Stack gap="sm" data-testid="timeline">
      {canLog ? (
        <Paper withBorder p="sm" radius="md">
          {isComposing ? (
            <ActivityForm record={props.record} onSaved={() => setComposing(false)} onCancel={() => setComposing(false)} />
          ) : (
            <Button variant="light" onClick={() => setComposing(true)} data-testid="log-activity">{t("activities.log")}</Button>
          )}
        </Paper>
      ) : null}
      <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as TimelineKind[])}>
        <Group gap={6} wrap="wrap" aria-label={t("activities.timeline")}>
            {filterKinds[props.record.type].map((kind) => (
              <Chip key={kind} value={kind} size="xs" variant="outline">
                {kind === "change" || kind === "lifecycle_stage" || kind === "stage_change" ? t(`activities.kinds.${kind}`) : t(`activities.types.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      {timeline.isLoading ? (
        <Center py="lg"><Loader aria-label={t("common.loading")} /></Center>
      ) : timeline.isError ? (
        <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">{t("activities.emptyTimeline")}</Text>
      ) : (
        <Stack gap="xs">
          {items.map((item) => (
            <TimelineEntry key={`${item.kind}:${item.id}`} item={item} recordId={props.record.id} />
          ))}
        </Stack>
      )}
      <div ref={sentinel} />
      {hasNextPage ? (
        <Button variant="subtle" onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>{t("common.loadMore")}</Button>
      ) : null}
    </Stack>
  );
}
