import type { DuplicateObject } from "@contracts";
import { Button, Group, Loader, Modal, Radio, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyProblem, notifySuccess, notifyUndoable } from "../../ui";
import { useMerge, useMergeRecord, useUndoMerge, type MergeRecord } from "./api/duplicates.queries";
import { combinedValues, mergeFields } from "./merge.fields";

/**
 * Side by side: pick the record that survives, then per field whose value it keeps. E-mails,
 * phones and tags are combined. After the merge a notification offers Undo.
 */
export function MergeModal({ object, ids, onClose }: { object: DuplicateObject; ids: [string, string]; onClose: () => void }) {
  const { t } = useTranslation();
  const first = useMergeRecord(object, ids[0]);
  const second = useMergeRecord(object, ids[1]);
  const records = [first.data, second.data].filter((record): record is MergeRecord => Boolean(record));
  const [survivorId, setSurvivorId] = useState(ids[0]);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const merge = useMerge(object);
  const undo = useUndoMerge(object);

  if (records.length < 2) {
    return (
      <Modal opened onClose={onClose} title={t("duplicates.mergeTitle")} size="xl">
        {first.isError || second.isError ? <Text>{t("duplicates.recordGone")}</Text> : <Loader />}
      </Modal>
    );
  }
  const fields = mergeFields(object, records, t);
  const chosen = (field: string) => choices[field] ?? survivorId;

  function submit() {
    const mergeIds = ids.filter((id) => id !== survivorId);
    // Only the fields taken from a merged record need naming; the rest stay the survivor's.
    const picked = Object.fromEntries(fields.filter((field) => chosen(field.name) !== survivorId).map((field) => [field.name, chosen(field.name)]));
    merge.mutate(
      { survivorId, mergeIds, fields: picked },
      {
        onSuccess: (result) => {
          onClose();
          notifyUndoable({
            message: t("duplicates.merged"),
            undoLabel: t("duplicates.undo"),
            onUndo: () => undo.mutate(result.mergeId, { onSuccess: () => notifySuccess(t("duplicates.undone")), onError: (error) => notifyProblem(error) }),
          });
        },
        onError: (error) => notifyProblem(error),
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t("duplicates.mergeTitle")} size="xl">
      <Stack>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("duplicates.field")}</Table.Th>
              {records.map((record) => (
                <Table.Th key={record.id}>
                  <Radio checked={survivorId === record.id} onChange={() => setSurvivorId(record.id)} label={t("duplicates.survivor")} name="survivor" />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => (
              <Table.Tr key={field.name}>
                <Table.Td>{field.label}</Table.Td>
                {records.map((record) => (
                  <Table.Td key={record.id}>
                    <Radio
                      checked={chosen(field.name) === record.id}
                      onChange={() => setChoices({ ...choices, [field.name]: record.id })}
                      label={field.show(record)}
                      name={`field-${field.name}`}
                      aria-label={`${field.label}: ${field.show(record)}`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {combinedValues(object, records).length > 0 && (
          <Text size="sm" c="dimmed">
            {t("duplicates.combined")}: {combinedValues(object, records).join(" · ")}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
          <Button onClick={submit} loading={merge.isPending}>{t("duplicates.merge")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
