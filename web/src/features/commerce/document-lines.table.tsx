import { formatMoney, type DocumentLine } from "@contracts";
import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A document's lines as stored; `extra` adds a column (invoiced quantity, quantity to invoice). */
export function DocumentLinesTable<Line extends DocumentLine>(props: { currency: string; lines: Line[]; extra?: { label: string; cell: (line: Line) => ReactNode } }) {
  const { t } = useTranslation();
  const money = (amount: number) => formatMoney(amount, props.currency);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("commerce.line.description")}</Table.Th>
            <Table.Th ta="right">{t("commerce.line.quantity")}</Table.Th>
            <Table.Th ta="right">{t("commerce.line.unitPrice")}</Table.Th>
            <Table.Th ta="right">{t("commerce.line.discountPercent")}</Table.Th>
            <Table.Th ta="right">{t("commerce.line.taxRate")}</Table.Th>
            <Table.Th ta="right">{t("commerce.line.total")}</Table.Th>
            {props.extra ? <Table.Th ta="right">{props.extra.label}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td>{line.description}</Table.Td>
              <Table.Td ta="right">{line.quantity}</Table.Td>
              <Table.Td ta="right">{money(line.unitPrice)}</Table.Td>
              <Table.Td ta="right">{line.discountPercent}</Table.Td>
              <Table.Td ta="right">{line.taxRate}</Table.Td>
              <Table.Td ta="right">{money(line.total)}</Table.Td>
              {props.extra ? <Table.Td ta="right">{props.extra.cell(line)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
