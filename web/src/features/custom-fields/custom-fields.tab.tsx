import type { CustomField, CustomFieldObject } from "@contracts";
import { ActionIcon, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton, EmptyState, notifyProblem, ProblemAlert } from "../../ui";
import { useCustomFields, useDeleteCustomField, useUpdateCustomField } from "./api/custom-fields.queries";
import { CustomFieldModal } from "./custom-field.modal";

/** Settings → Custom fields: admins add, edit, reorder, archive, restore and delete fields per object. */
export function CustomFieldsTab() {
  const { t } = useTranslation();
  const [object, setObject] = useState<CustomFieldObject>("contact");
  const [editing, setEditing] = useState<CustomField | "new" | null>(null);
  const query = useCustomFields(object, { includeArchived: true });
  const update = useUpdateCustomField();
  const remove = useDeleteCustomField();
  const active = query.fields.filter((field) => !field.archived);
  const archived = query.fields.filter((field) => field.archived);

  /** Swaps two neighbours' positions; positions are renumbered so equal ones never stall a move. */
  async function move(index: number, offset: number) {
    const order = [...active];
    const [moved] = order.splice(index, 1);
    order.splice(index + offset, 0, moved);
    try {
      for (const [position, field] of order.entries()) if (field.position !== position) await update.mutateAsync({ id: field.id, changes: { position } });
    } catch (error) {
      notifyProblem(error);
    }
  }

  const row = (field: CustomField, index: number) => (
    <Table.Tr key={field.id}>
      <Table.Td>
        <Text fw={500}>{field.label}</Text>
        {field.helpText ? <Text size="xs" c="dimmed">{field.helpText}</Text> : null}
      </Table.Td>
      <Table.Td><code>{field.key}</code></Table.Td>
      <Table.Td>{t(`customFields.types.${field.type}`)}{field.required ? <Badge ml="xs" size="xs">{t("customFields.required")}</Badge> : null}</Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {field.archived ? (
            <Button size="xs" variant="light" onClick={() => update.mutate({ id: field.id, changes: { archived: false } }, { onError: (error) => notifyProblem(error) })}>{t("customFields.restore")}</Button>
          ) : (
            <>
              <ActionIcon variant="subtle" aria-label={t("customFields.moveUp")} disabled={index === 0} onClick={() => void move(index, -1)}>↑</ActionIcon>
              <ActionIcon variant="subtle" aria-label={t("customFields.moveDown")} disabled={index === active.length - 1} onClick={() => void move(index, 1)}>↓</ActionIcon>
              <Button size="xs" variant="default" onClick={() => setEditing(field)}>{t("common.edit")}</Button>
              <Button size="xs" variant="light" onClick={() => update.mutate({ id: field.id, changes: { archived: true } }, { onError: (error) => notifyProblem(error) })}>{t("customFields.archive")}</Button>
            </>
          )}
          <ConfirmButton
            size="xs"
            color="red"
            variant="subtle"
            label={t("common.delete")}
            title={t("customFields.deleteTitle", { label: field.label })}
            message={t("customFields.deleteMessage")}
            confirmLabel={t("common.delete")}
            onConfirm={() => remove.mutateAsync(field.id).catch(notifyProblem)}
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl value={object} onChange={(value) => setObject(value as CustomFieldObject)} data={[{ value: "contact", label: t("customFields.objects.contact") }, { value: "company", label: t("customFields.objects.company") }]} />
        <Button onClick={() => setEditing("new")}>{t("customFields.add")}</Button>
      </Group>
      {query.isError ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.isLoading && query.fields.length === 0 ? (
        <EmptyState title={t("customFields.empty")} />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("customFields.label")}</Table.Th>
              <Table.Th>{t("customFields.key")}</Table.Th>
              <Table.Th>{t("customFields.type")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map(row)}
            {archived.length ? (
              <Table.Tr>
                <Table.Td colSpan={4}><Text size="sm" c="dimmed">{t("customFields.archived")}</Text></Table.Td>
              </Table.Tr>
            ) : null}
            {archived.map(row)}
          </Table.Tbody>
        </Table>
      )}
      {editing ? <CustomFieldModal key={editing === "new" ? object : editing.id} object={object} field={editing === "new" ? null : editing} isOpen onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
