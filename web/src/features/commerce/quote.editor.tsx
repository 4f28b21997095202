import { CreateQuoteInput, formatMoney, type Quote } from "@contracts";
import { ActionIcon, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifyProblem, notifySuccess, problemFieldErrors } from "../../ui";
import { useCreateQuote, useProducts, useReviseQuote } from "./api/commerce.queries";
import { emptyLine, linesOfQuote, liveTotals, toLineInputs, withProduct, type EditableLine } from "./quote.lines";

const columnFields = ["quantity", "unitPrice", "discountPercent", "taxRate"] as const;

/**
 * A new quote on a deal, or a revision of one: lines from the catalogue or free text, with live
 * totals computed by the shared money math, so what is shown is what will be stored.
 */
export function QuoteEditor(props: { isOpen: boolean; onClose: () => void; dealId: string; currency: string; revising?: Quote | null }) {
  const { t } = useTranslation();
  const [currency, setCurrency] = useState(props.currency);
  const [lines, setLines] = useState<EditableLine[]>([emptyLine()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const products = useProducts("", { isActiveOnly: true });
  const createQuote = useCreateQuote();
  const reviseQuote = useReviseQuote();
  const live = useMemo(() => liveTotals(lines, currency), [lines, currency]);

  useEffect(() => {
    if (!props.isOpen) return;
    setCurrency(props.revising?.currency ?? props.currency);
    setLines(props.revising ? linesOfQuote(props.revising) : [emptyLine()]);
    setErrors({});
  }, [props.isOpen, props.revising, props.currency]);

  const productOptions = (products.data?.data ?? []).map((product) => ({ value: product.id, label: `${product.name} (${product.sku})` }));
  const update = (key: string, change: Partial<EditableLine>) => setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const pickProduct = (key: string, productId: string | null) => {
    const product = products.data?.data.find((candidate) => candidate.id === productId);
    setLines((current) => current.map((line) => (line.key !== key ? line : product ? withProduct(line, product, currency) : { ...line, productId: null })));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { dealId: props.dealId, currency, lines: toLineInputs(lines, currency) };
    const parsed = CreateQuoteInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message])));
      return;
    }
    const onError = (error: unknown) => {
      setErrors(problemFieldErrors(error));
      notifyProblem(error);
    };
    const onSuccess = () => {
      notifySuccess(props.revising ? t("commerce.quote.revised") : t("commerce.quote.created"));
      props.onClose();
    };
    if (props.revising) reviseQuote.mutate({ id: props.revising.id, input: { currency, lines: parsed.data.lines } }, { onSuccess, onError });
    else createQuote.mutate(parsed.data, { onSuccess, onError });
  }

  const error = (index: number, field: string) => errors[`lines.${index}.${field}`];
  const money = (amount: number | undefined) => (amount === undefined ? "—" : formatMoney(amount, currency));

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={props.revising ? t("commerce.quote.reviseTitle", { number: props.revising.number }) : t("commerce.quote.newTitle")} size="100%" centered>
      <form onSubmit={submit} noValidate data-testid="quote-editor">
        <Stack>
          <TextInput label={t("commerce.currency")} value={currency} onChange={(event) => setCurrency(event.currentTarget.value.toUpperCase())} maxLength={3} w={120} error={errors.currency} />
          {errors.lines ? <Text c="red" size="sm">{errors.lines}</Text> : null}
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>{t("commerce.line.product")}</Table.Th>
                  <Table.Th>{t("commerce.line.description")}</Table.Th>
                  {columnFields.map((field) => <Table.Th key={field} w={110}>{t(`commerce.line.${field}`)}</Table.Th>)}
                  <Table.Th w={120} ta="right">{t("commerce.line.total")}</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((line, index) => (
                  <Table.Tr key={line.key}>
                    <Table.Td>
                      <Select aria-label={t("commerce.line.product")} placeholder={t("commerce.line.freeText")} data={productOptions} value={line.productId} onChange={(value) => pickProduct(line.key, value)} searchable clearable error={error(index, "productId")} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={t("commerce.line.description")} value={line.description} onChange={(event) => update(line.key, { description: event.currentTarget.value })} error={error(index, "description")} />
                    </Table.Td>
                    {columnFields.map((field) => (
                      <Table.Td key={field}>
                        <TextInput aria-label={t(`commerce.line.${field}`)} inputMode="decimal" value={line[field]} onChange={(event) => update(line.key, { [field]: event.currentTarget.value })} error={error(index, field)} />
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">{money(live.lines[index]?.total)}</Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t("commerce.line.remove")} disabled={lines.length === 1} onClick={() => setLines((current) => current.filter((candidate) => candidate.key !== line.key))}>×</ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between" align="flex-start">
            <Button variant="light" onClick={() => setLines((current) => [...current, emptyLine()])}>{t("commerce.line.add")}</Button>
            <DocumentTotalsTable currency={currency} totals={live.totals} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={createQuote.isPending || reviseQuote.isPending}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Subtotal, discount, tax and total of a document; dashes while a line is not valid. */
export function DocumentTotalsTable(props: { currency: string; totals: { subtotal: number; discountTotal: number; taxTotal: number; total: number } | null; extra?: [string, number][] }) {
  const { t } = useTranslation();
  const money = (amount: number | undefined) => (amount === undefined ? "—" : formatMoney(amount, props.currency));
  const rows: [string, string, boolean][] = [
    [t("commerce.totals.subtotal"), money(props.totals?.subtotal), false],
    [t("commerce.totals.discount"), props.totals ? money(-props.totals.discountTotal) : "—", false],
    [t("commerce.totals.tax"), money(props.totals?.taxTotal), false],
    [t("commerce.totals.total"), money(props.totals?.total), true],
    ...(props.extra ?? []).map(([label, amount]): [string, string, boolean] => [label, money(amount), false]),
  ];
  return (
    <Table w={320} withRowBorders={false} data-testid="document-totals">
      <Table.Tbody>
        {rows.map(([label, value, isBold]) => (
          <Table.Tr key={label}>
            <Table.Td fw={isBold ? 700 : undefined}>{label}</Table.Td>
            <Table.Td ta="right" fw={isBold ? 700 : undefined}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
