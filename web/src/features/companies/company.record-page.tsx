import { Alert, Anchor, Button, Center, Loader, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { notifyProblem, notifySuccess, notifyUndoable, ProblemAlert, RecordLayout } from "../../ui";
import { AttachmentsPanel } from "../attachments";
import { TimelinePanel } from "../activities";
import { AuditHistory } from "../audit";
import { PurchaseHistory } from "../commerce";
import { useCan, useCanEditRecord } from "../auth";
import { useCompany, useDeleteCompany, useRestoreCompany } from "./api/companies.queries";
import { CompanyContacts } from "./company.contacts";
import { CompanyDetails } from "./company.details";
import { CompanyEditForm } from "./company.edit-form";

export function CompanyRecordPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const canEdit = useCanEditRecord();
  const company = useCompany(id);
  const deleteCompany = useDeleteCompany();
  const restoreCompany = useRestoreCompany();
  const [isEditing, setEditing] = useState(false);

  if (company.isLoading) return <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>;
  if (!company.data) return <ProblemAlert error={company.error} onRetry={() => void company.refetch()} />;
  const record = company.data;
  const isTrashed = record.deletedAt !== null;

  // mutateAsync, not mutate: the Undo button outlives this page, and mutate's callbacks die with it.
  const restore = () =>
    restoreCompany.mutateAsync(record.id).then(
      () => {
        notifySuccess(t("trash.restored"));
        void navigate(`/companies/${record.id}`);
      },
      (error: unknown) => notifyProblem(error),
    );

  function remove() {
    deleteCompany.mutate(record.id, {
      onSuccess: () => {
        notifyUndoable({ message: t("companies.deleted"), undoLabel: t("common.undo"), onUndo: restore });
        navigate("/companies");
      },
      onError: (error) => notifyProblem(error),
    });
  }

  const actions = isTrashed ? (
    can("records:delete") ? <Button onClick={() => void restore()} loading={restoreCompany.isPending}>{t("trash.restore")}</Button> : null
  ) : isEditing ? null : (
    <>
      {canEdit(record.ownerId) ? <Button variant="default" onClick={() => setEditing(true)}>{t("common.edit")}</Button> : null}
      {can("records:delete") ? <Button color="red" variant="light" onClick={remove} loading={deleteCompany.isPending}>{t("common.delete")}</Button> : null}
    </>
  );

  return (
    <RecordLayout
      backLabel={t("companies.title")}
      backTo="/companies"
      title={record.name}
      subtitle={record.domain ? <Text size="sm" c="dimmed"><Anchor href={`https://${record.domain}`} target="_blank" rel="noreferrer" size="sm">{record.domain}</Anchor>{record.industry ? ` · ${record.industry}` : ""}</Text> : null}
      actions={actions}
      banner={isTrashed ? <Alert color="yellow">{t("trash.inTrash")}</Alert> : null}
      details={isEditing ? <CompanyEditForm company={record} onDone={() => setEditing(false)} /> : <CompanyDetails company={record} />}
      related={
        isTrashed ? null : (
          <>
            <CompanyContacts companyId={record.id} />
            <AttachmentsPanel target={{ companyId: record.id }} />
          </>
        )
      }
      timeline={isTrashed ? undefined : <TimelinePanel record={{ type: "company", id: record.id }} />}
      tabs={isTrashed ? undefined : [{ value: "purchases", label: t("commerce.purchases.tab"), panel: <PurchaseHistory record={{ type: "company", id: record.id }} /> }]}
      history={can("audit:read") ? <AuditHistory entityType="company" entityId={record.id} /> : undefined}
    />
  );
}
