import type { ImportMapping, ImportMatchOn, ImportObject, ImportPreview, OnDuplicate } from "@contracts";
import { Alert, Button, FileInput, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError } from "../../api";
import { useCan } from "../auth";
import { EmptyState } from "../../ui";
import { usePreviewImport, useStartImport } from "./api/imports.queries";
import { ImportMappingTable, ImportPreviewTable } from "./import.mapping";
import { ImportProgress } from "./import.progress";

const matchOptions: Record<ImportObject, ImportMatchOn[]> = { contact: ["email", "externalId"], company: ["domain", "externalId"] };

function problemText(error: unknown) {
  if (error instanceof ApiError) return [error.problem.detail, ...(error.problem.errors ?? []).map((entry) => `${entry.path}: ${entry.message}`)].filter(Boolean).join(" · ");
  return String(error);
}

/**
 * Import a CSV or XLSX file of contacts or companies (or a vCard file of contacts): choose the
 * file, check the automatic column mapping (change any column, custom fields included), look at
 * the first rows with the cells that would be refused, choose what happens to duplicates, then
 * follow the import as it runs.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const object: ImportObject = params.get("object") === "company" ? "company" : "contact";
  const importId = params.get("id");
  const [file, setFile] = useState<File | null>(null);
  const [overrides, setOverrides] = useState<ImportMapping>({});
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>("skip");
  const [matchOn, setMatchOn] = useState<ImportMatchOn>(matchOptions[object][0]);
  const preview = usePreviewImport();
  const start = useStartImport();
  const [shown, setShown] = useState<ImportPreview | null>(null);

  useEffect(() => setMatchOn(matchOptions[object][0]), [object]);
  useEffect(() => {
    if (!file) {
      setShown(null);
      return;
    }
    // The preview follows the file, the object and the mapping (mutate is stable).
    preview.mutate({ file, object, mapping: overrides }, { onSuccess: setShown });
  }, [file, object, overrides]);

  if (!can("records:create")) return <EmptyState title={t("imports.notAllowed")} />;

  if (importId) {
    return (
      <Stack gap="md">
        <Title order={2}>{t("imports.title")}</Title>
        <ImportProgress
          id={importId}
          onStartOver={() => {
            setFile(null);
            setOverrides({});
            setParams({ object });
          }}
        />
      </Stack>
    );
  }

  const errorCount = shown?.rows.filter((row) => row.errors.length > 0).length ?? 0;
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t("imports.title")}</Title>
        <SegmentedControl
          value={object}
          onChange={(value) => {
            setOverrides({});
            setParams({ object: value });
          }}
          data={[
            { value: "contact", label: t("nav.contacts") },
            { value: "company", label: t("nav.companies") },
          ]}
        />
      </Group>
      <Text c="dimmed" size="sm">{t("imports.intro")}</Text>
      <FileInput
        label={t("imports.file")}
        placeholder={t("imports.choose")}
        accept=".csv,.txt,.tsv,.xlsx,.vcf,text/csv,text/plain,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(next) => {
          setOverrides({});
          setFile(next);
        }}
        clearable
        maw={420}
      />
      {preview.isPending && !shown && <Loader size="sm" />}
      {preview.isError && <Alert color="red" title={t("imports.previewFailed")}>{problemText(preview.error)}</Alert>}
      {shown && file && (
        <>
          <Text size="sm" data-testid="detected">
            {shown.format === "csv"
              ? t("imports.detected", { encoding: shown.encoding, delimiter: shown.delimiter === "\t" ? t("imports.tab") : shown.delimiter, columns: shown.headers.length })
              : t(`imports.detectedFormat.${shown.format}`, { columns: shown.headers.length })}
          </Text>
          <Title order={4}>{t("imports.mappingTitle")}</Title>
          <ImportMappingTable preview={shown} onChange={(header, path) => setOverrides((current) => ({ ...current, [header]: path }))} />
          <Title order={4}>{t("imports.previewTitle")}</Title>
          <Text size="sm" c={errorCount ? "red" : "dimmed"}>
            {errorCount ? t("imports.previewErrors", { count: errorCount }) : t("imports.previewClean")}
          </Text>
          <ImportPreviewTable preview={shown} />
          <Title order={4}>{t("imports.duplicatesTitle")}</Title>
          <Group align="flex-end">
            <Select
              label={t("imports.matchOn")}
              data={matchOptions[object].map((value) => ({ value, label: t(`imports.match.${value}`) }))}
              value={matchOn}
              onChange={(value) => value && setMatchOn(value as ImportMatchOn)}
              allowDeselect={false}
              w={200}
            />
            <SegmentedControl
              aria-label={t("imports.onDuplicate")}
              value={onDuplicate}
              onChange={(value) => setOnDuplicate(value as OnDuplicate)}
              data={(["skip", "update", "create"] as const).map((value) => ({ value, label: t(`imports.duplicate.${value}`) }))}
            />
          </Group>
          {start.isError && <Alert color="red" title={t("imports.startFailed")}>{problemText(start.error)}</Alert>}
          <Group>
            <Button
              loading={start.isPending}
              onClick={() => start.mutate({ file, object, mapping: overrides, onDuplicate, matchOn }, { onSuccess: (created) => setParams({ object, id: created.id }) })}
            >
              {t("imports.start")}
            </Button>
            {start.isPending && <Text size="sm" c="dimmed">{t("imports.uploading")}</Text>}
          </Group>
        </>
      )}
    </Stack>
  );
}
