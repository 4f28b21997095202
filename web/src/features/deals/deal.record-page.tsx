import { Alert, Anchor, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { formatMoney } from "../../i18n";
import { notifyProblem, notifySuccess, notifyUndoable, ProblemAlert, RecordLayout } from "../../ui";
import { TimelinePanel } from "../activities";
import { AuditHistory } from "../audit";
import { DealQuotesPanel } from "../commerce";
import { useCan, useCanEditRecord } from "../auth";
import { useDeal, useDeleteDeal, useRestoreDeal } from "./api/deals.queries";
import { DealDetails } from "./deal.details";
import { DealEditForm } from "./deal.edit-form";
import { DealContacts, DealStageHistory, DealTasks } from "./deal.related";
import { DealStageBar } from "./deal.stage-bar";

export function DealRecordPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const canEdit = useCanEditRecord();
  const deal = useDeal(id);
  const deleteDeal = useDeleteDeal();
  const restoreDeal = useRestoreDeal();
  const [isEditing, setEditing] = useState(false);

  if (deal.isLoading) return <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>;
  if (!deal.data) return <ProblemAlert error={deal.error} onRetry={() => void deal.refetch()} />;
  const record = deal.data;
  const isTrashed = record.deletedAt !== null;

  // mutateAsync, not mutate: the Undo button outlives this page, and mutate's callbacks die with it.
  const restore = () =>
    restoreDeal.mutateAsync(record.id).then(
      () => {
        notifySuccess(t("trash.restored"));
        void navigate(`/deals/${record.id}`);
      },
      (error: unknown) => notifyProblem(error),
    );

  function remove() {
    deleteDeal.mutate(record.id, {
      onSuccess: () => {
        notifyUndoable({ message: t("deals.deleted"), undoLabel: t("common.undo"), onUndo: restore });
        navigate("/deals");
      },
      onError: (error) => notifyProblem(error),
    });
  }

  const actions = isTrashed ? (
    can("records:delete") ? <Button onClick={() => void restore()} loading={restoreDeal.isPending}>{t("trash.restore")}</Button> : null
  ) : isEditing ? null : (
    <>
      {canEdit(record.ownerId) ? <Button variant="default" onClick={() => setEditing(true)}>{t("common.edit")}</Button> : null}
      {can("records:delete") ? <Button color="red" variant="light" onClick={remove} loading={deleteDeal.isPending}>{t("common.delete")}</Button> : null}
    </>
  );

  return (
    <RecordLayout
      backLabel={t("deals.title")}
      backTo="/deals"
      title={record.name}
      subtitle={
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {formatMoney({ amount: record.amount, currency: record.currency })}
            {record.company ? (
              <>
                {" · "}
                <Anchor component={Link} to={`/companies/${record.company.id}`} size="sm">{record.company.name}</Anchor>
              </>
            ) : null}
          </Text>
          <DealStageBar deal={record} />
        </Stack>
      }
      actions={actions}
      banner={isTrashed ? <Alert color="yellow">{t("trash.inTrash")}</Alert> : null}
      details={isEditing ? <DealEditForm deal={record} onDone={() => setEditing(false)} /> : <DealDetails deal={record} />}
      related={
        isTrashed ? null : (
          <>
            <DealTasks dealId={record.id} />
            <DealContacts deal={record} />
            <DealQuotesPanel dealId={record.id} currency={record.currency} />
          </>
        )
      }
      timeline={isTrashed ? undefined : <TimelinePanel record={{ type: "deal", id: record.id }} />}
      tabs={[{ value: "stage-history", label: t("deals.stageHistory.title"), panel: <DealStageHistory dealId={record.id} /> }]}
      history={can("audit:read") ? <AuditHistory entityType="deal" entityId={record.id} /> : undefined}
    />
  );
}
