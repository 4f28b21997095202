import { Alert, Anchor, Button, Center, Loader, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { notifyProblem, notifySuccess, notifyUndoable, ProblemAlert, RecordLayout } from "../../ui";
import { AttachmentsPanel } from "../attachments";
import { TimelinePanel } from "../activities";
import { AuditHistory } from "../audit";
import { PurchaseHistory } from "../commerce";
import { useCan, useCanEditRecord } from "../auth";
import { ConvertLeadButton } from "../leads/conversion";
import { ConsentPanel, ContactPrivacyActions } from "../privacy";
import { useContact, useDeleteContact, useRestoreContact } from "./api/contacts.queries";
import { ContactDetails } from "./contact.details";
import { ContactEditForm } from "./contact.edit-form";
import { contactName } from "./contacts.columns";

export function ContactRecordPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const canEdit = useCanEditRecord();
  const contact = useContact(id);
  const deleteContact = useDeleteContact();
  const restoreContact = useRestoreContact();
  const [isEditing, setEditing] = useState(false);

  if (contact.isLoading) return <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>;
  if (!contact.data) return <ProblemAlert error={contact.error} onRetry={() => void contact.refetch()} />;
  const record = contact.data;
  const isTrashed = record.deletedAt !== null;

  // mutateAsync, not mutate: the Undo button outlives this page, and mutate's callbacks die with it.
  const restore = () =>
    restoreContact.mutateAsync(record.id).then(
      () => {
        notifySuccess(t("trash.restored"));
        void navigate(`/contacts/${record.id}`);
      },
      (error: unknown) => notifyProblem(error),
    );

  function remove() {
    deleteContact.mutate(record.id, {
      onSuccess: () => {
        notifyUndoable({ message: t("contacts.deleted"), undoLabel: t("common.undo"), onUndo: restore });
        navigate("/contacts");
      },
      onError: (error) => notifyProblem(error),
    });
  }

  const actions = isTrashed ? (
    can("records:delete") ? <Button onClick={() => void restore()} loading={restoreContact.isPending}>{t("trash.restore")}</Button> : null
  ) : isEditing ? null : (
    <>
      <ConvertLeadButton contact={record} canEdit={canEdit(record.ownerId)} />
      {canEdit(record.ownerId) ? <Button variant="default" onClick={() => setEditing(true)}>{t("common.edit")}</Button> : null}
      {can("records:delete") ? <Button color="red" variant="light" onClick={remove} loading={deleteContact.isPending}>{t("common.delete")}</Button> : null}
      <ContactPrivacyActions contact={record} />
    </>
  );

  return (
    <RecordLayout
      backLabel={t("contacts.title")}
      backTo="/contacts"
      title={contactName(record)}
      subtitle={
        <Text size="sm" c="dimmed">
          {record.jobTitle}
          {record.company ? (
            <>
              {record.jobTitle ? ` · ` : ""}
              <Anchor component={Link} to={`/companies/${record.company.id}`} size="sm">{record.company.name}</Anchor>
            </>
          ) : null}
        </Text>
      }
      actions={actions}
      banner={isTrashed ? <Alert color="yellow">{t("trash.inTrash")}</Alert> : null}
      details={isEditing ? <ContactEditForm contact={record} onDone={() => setEditing(false)} /> : <ContactDetails contact={record} />}
      related={
        isTrashed ? null : (
          <>
            <ConsentPanel key={`${record.emailConsent}-${record.doNotContact}`} contact={record} canEdit={canEdit(record.ownerId)} />
            <AttachmentsPanel target={{ contactId: record.id }} />
          </>
        )
      }
      timeline={isTrashed ? undefined : <TimelinePanel record={{ type: "contact", id: record.id }} />}
      tabs={isTrashed ? undefined : [{ value: "purchases", label: t("commerce.purchases.tab"), panel: <PurchaseHistory record={{ type: "contact", id: record.id }} /> }]}
      history={can("audit:read") ? <AuditHistory entityType="contact" entityId={record.id} /> : undefined}
    />
  );
}
