import type { Attachment } from "@contracts";
import { ActionIcon, Anchor, Button, FileButton, Group, Modal, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n";
import { notifyProblem } from "../../ui";
import { useCan } from "../auth";
import { contentUrl, useAttachments, useDeleteAttachment, useUploadAttachment, type AttachmentTarget } from "./api/attachments.queries";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files on a contact or company: upload with progress, list, download, and preview of images and PDFs. */
export function AttachmentsPanel(props: { target: AttachmentTarget }) {
  const { t } = useTranslation();
  const can = useCan();
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const attachments = useAttachments(props.target);
  const upload = useUploadAttachment(props.target, setProgress);
  const remove = useDeleteAttachment();

  function send(file: File | null) {
    if (!file) return;
    setProgress(0);
    upload.mutate(file, { onError: (error) => notifyProblem(error), onSettled: () => setProgress(null) });
  }

  const files = attachments.data?.data ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={4}>{t("attachments.title")}</Title>
        {can("records:create") ? (
          <FileButton onChange={send}>
            {(buttonProps) => <Button {...buttonProps} variant="default" size="xs" loading={upload.isPending}>{t("attachments.upload")}</Button>}
          </FileButton>
        ) : null}
      </Group>
      {progress !== null ? <Progress value={progress * 100} aria-label={t("attachments.uploading")} /> : null}
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">{t("attachments.none")}</Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>
            {files.map((file) => (
              <Table.Tr key={file.id}>
                <Table.Td>
                  {file.isPreviewable ? <Anchor component="button" type="button" onClick={() => setPreview(file)}>{file.name}</Anchor> : file.name}
                </Table.Td>
                <Table.Td c="dimmed">{formatSize(file.size)}</Table.Td>
                <Table.Td c="dimmed">{formatDateTime(file.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Anchor href={contentUrl(file, true)} download={file.name} size="sm">{t("attachments.download")}</Anchor>
                    {can("records:delete") ? (
                      <ActionIcon variant="subtle" color="red" aria-label={t("common.delete")} onClick={() => remove.mutate(file.id, { onError: (error) => notifyProblem(error) })}>
                        ×
                      </ActionIcon>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={preview?.name} size="xl">
        {preview?.contentType === "application/pdf" ? (
          <iframe src={contentUrl(preview)} title={preview.name} style={{ width: "100%", height: "75vh", border: 0 }} />
        ) : preview ? (
          <img src={contentUrl(preview)} alt={preview.name} style={{ maxWidth: "100%" }} />
        ) : null}
      </Modal>
    </Stack>
  );
}
