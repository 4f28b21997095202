import type { DuplicateGroup, DuplicateObject } from "@contracts";
import { Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useCan } from "../auth";
import { EmptyState, ProblemAlert } from "../../ui";
import { useDuplicates, useMergeRecord } from "./api/duplicates.queries";
import { MergeModal } from "./merge.modal";

function RecordName({ object, id }: { object: DuplicateObject; id: string }) {
  const record = useMergeRecord(object, id).data;
  const name = record ? ("firstName" in record ? [record.firstName, record.lastName].filter(Boolean).join(" ") : record.name) : "…";
  return <Link to={`/${object === "contact" ? "contacts" : "companies"}/${id}`}>{name}</Link>;
}

function GroupCard({ object, group, onReview }: { object: DuplicateObject; group: DuplicateGroup; onReview?: (ids: [string, string]) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            {group.ids.map((id) => (
              <RecordName key={id} object={object} id={id} />
            ))}
          </Group>
          <Group gap={4}>
            {group.reasons.map((reason) => (
              <Badge key={reason} variant="light" size="sm">{t(`duplicates.reasons.${reason}`)}</Badge>
            ))}
            <Text size="xs" c="dimmed">{t("duplicates.confidence", { percent: Math.round(group.confidence * 100) })}</Text>
          </Group>
        </Stack>
        {onReview && <Button variant="light" onClick={() => onReview([group.ids[0], group.ids[1]])}>{t("duplicates.review")}</Button>}
      </Group>
    </Card>
  );
}

/** The duplicates review page of one object: groups that look alike, surest first; review a pair to merge it. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const object: DuplicateObject = useParams().object === "companies" ? "company" : "contact";
  const duplicates = useDuplicates(object);
  const [pair, setPair] = useState<[string, string] | null>(null);
  const [shown, setShown] = useState(25);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t("duplicates.title")}</Title>
        <SegmentedControl
          value={object}
          onChange={(value) => navigate(`/duplicates/${value === "company" ? "companies" : "contacts"}`)}
          data={[
            { value: "contact", label: t("nav.contacts") },
            { value: "company", label: t("nav.companies") },
          ]}
        />
      </Group>
      {duplicates.isError && <ProblemAlert error={duplicates.error} onRetry={() => void duplicates.refetch()} />}
      {duplicates.isPending && <Loader />}
      {duplicates.data?.data.length === 0 && <EmptyState title={t("duplicates.emptyTitle")} description={t("duplicates.emptyDescription")} />}
      {duplicates.data?.data.slice(0, shown).map((group) => (
        <GroupCard key={group.ids.join()} object={object} group={group} onReview={can("records:write") ? setPair : undefined} />
      ))}
      {(duplicates.data?.data.length ?? 0) > shown && (
        <Button variant="subtle" onClick={() => setShown(shown + 25)}>{t("common.loadMore")}</Button>
      )}
      {pair && <MergeModal key={pair.join()} object={object} ids={pair} onClose={() => setPair(null)} />}
    </Stack>
  );
}
