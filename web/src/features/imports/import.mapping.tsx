import type { ImportPreview } from "@contracts";
import { Badge, Group, ScrollArea, Select, Table, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** One row per CSV column: the field it fills (chosen automatically, changeable) and its first values. */
export function ImportMappingTable({ preview, onChange }: { preview: ImportPreview; onChange: (header: string, path: string) => void }) {
  const { t } = useTranslation();
  const options = [{ value: "", label: t("imports.skipColumn") }, ...preview.fields.map((field) => ({ value: field.path, label: field.label }))];
  const used = new Set(Object.values(preview.mapping).filter(Boolean));
  return (
    <Table striped withTableBorder aria-label={t("imports.mappingTitle")}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("imports.column")}</Table.Th>
          <Table.Th>{t("imports.field")}</Table.Th>
          <Table.Th>{t("imports.sample")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.headers.map((header, index) => {
          const value = preview.mapping[header] ?? "";
          return (
            <Table.Tr key={header}>
              <Table.Td>
                <Text fw={500}>{header}</Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t("imports.fieldFor", { column: header })}
                  data={options.map((option) => ({ ...option, disabled: option.value !== "" && option.value !== value && used.has(option.value) }))}
                  value={value}
                  onChange={(next) => onChange(header, next ?? "")}
                  searchable
                  allowDeselect={false}
                  w={260}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {preview.rows
                    .slice(0, 3)
                    .map((row) => row.values[index] ?? "")
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The first rows as the import will read them; a cell that would be refused is marked with the reason. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const mapped = (header: string) => Boolean(preview.mapping[header]);
  return (
    <ScrollArea>
      <Table withTableBorder withColumnBorders fz="sm" aria-label={t("imports.previewTitle")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            {preview.headers.map((header) => (
              <Table.Th key={header} c={mapped(header) ? undefined : "dimmed"}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => {
            const rowErrors = row.errors.filter((error) => error.column < 0 || error.column >= preview.headers.length);
            return (
              <Table.Tr key={row.rowNumber}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {row.rowNumber}
                    {rowErrors.length > 0 && (
                      <Tooltip label={rowErrors.map((error) => `${error.field}: ${error.message}`).join("; ")}>
                        <Badge color="red" size="xs">!</Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                {preview.headers.map((header, column) => {
                  const errors = row.errors.filter((error) => error.column === column);
                  const cell = row.values[column] ?? "";
                  if (errors.length === 0) return <Table.Td key={header} c={mapped(header) ? undefined : "dimmed"}>{cell}</Table.Td>;
                  const reason = errors.map((error) => `${error.field}: ${error.message}`).join("; ");
                  return (
                    <Table.Td key={header} bg="var(--mantine-color-red-light)" data-error={reason}>
                      <Tooltip label={reason} multiline maw={320}>
                        <Text size="sm" c="red" td="underline dotted">
                          {cell || t("imports.empty")}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
