import { CreateInvoiceInput, formatMoney, formatScaledDecimal, parseScaledDecimal, type Order, type OrderLine } from "@contracts";
import { Anchor, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { formatDate } from "../../i18n";
import { notifyProblem, notifySuccess, ProblemAlert, problemFieldErrors } from "../../ui";
import { useCan } from "../auth";
import { useCreateInvoice, useOrder, useOrderInvoices } from "./api/commerce.queries";
import { DocumentLinesTable } from "./document-lines.table";
import { DocumentTotalsTable } from "./quote.editor";
import { DocumentStatusBadge } from "./status.badge";

const remainingOf = (line: OrderLine) => formatScaledDecimal((parseScaledDecimal(line.quantity) ?? 0n) - (parseScaledDecimal(line.invoicedQuantity) ?? 0n));

/** An order: its lines with what is invoiced, its invoices, and "Invoice" for all or part of the rest. */
export function OrderPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const order = useOrder(id);
  const invoices = useOrderInvoices(id);
  const can = useCan();
  const [isInvoicing, setInvoicing] = useState(false);

  if (order.isLoading) return <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>;
  if (!order.data) return <ProblemAlert error={order.error} onRetry={() => void order.refetch()} />;
  const record = order.data;
  const hasRemaining = record.lines.some((line) => remainingOf(line) !== "0");

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t("commerce.order.title", { number: record.number })}</Title>
          <DocumentStatusBadge status={record.status} />
        </Group>
        {can("records:create") && hasRemaining && record.status !== "cancelled" ? <Button onClick={() => setInvoicing(true)}>{t("commerce.order.invoice")}</Button> : null}
      </Group>
      <Text c="dimmed" size="sm">
        {formatDate(record.orderedAt)}
        {record.dealId ? (
          <>
            {" · "}
            <Anchor component={Link} to={`/deals/${record.dealId}`} size="sm">{t("commerce.order.deal")}</Anchor>
          </>
        ) : null}
        {record.externalId ? ` · ${t("commerce.externalId")}: ${record.externalId}` : null}
      </Text>
      <Card withBorder>
        <DocumentLinesTable currency={record.currency} lines={record.lines} extra={{ label: t("commerce.order.invoiced"), cell: (line) => line.invoicedQuantity }} />
        <Group justify="flex-end">
          <DocumentTotalsTable currency={record.currency} totals={record} />
        </Group>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">{t("commerce.invoice.listTitle")}</Title>
        {invoices.data?.data.length ? (
          <Table>
            <Table.Tbody>
              {invoices.data.data.map((invoice) => (
                <Table.Tr key={invoice.id}>
                  <Table.Td><Anchor component={Link} to={`/invoices/${invoice.id}`}>INV-{invoice.number}</Anchor></Table.Td>
                  <Table.Td><DocumentStatusBadge status={invoice.status} /></Table.Td>
                  <Table.Td>{t("commerce.invoice.dueOn", { date: formatDate(invoice.dueDate) })}</Table.Td>
                  <Table.Td ta="right">{formatMoney(invoice.total, invoice.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">{t("commerce.invoice.none")}</Text>
        )}
      </Card>
      <InvoiceOrderModal order={record} isOpen={isInvoicing} onClose={() => setInvoicing(false)} />
    </Stack>
  );
}

/** How much of each line to invoice: the rest by default; the whole rest sends no lines at all. */
function InvoiceOrderModal(props: { order: Order; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createInvoice = useCreateInvoice();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const open = props.order.lines.filter((line) => remainingOf(line) !== "0");
  const quantityOf = (line: OrderLine) => quantities[line.id] ?? remainingOf(line);

  function submit(event: FormEvent) {
    event.preventDefault();
    const isWhole = open.every((line) => quantityOf(line) === remainingOf(line));
    const chosen = open.filter((line) => quantityOf(line).trim() !== "0" && quantityOf(line).trim() !== "");
    const input = { ...(isWhole ? {} : { lines: chosen.map((line) => ({ orderLineId: line.id, quantity: quantityOf(line).trim() })) }), ...(dueDate ? { dueDate } : {}) };
    const parsed = CreateInvoiceInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message])));
      return;
    }
    createInvoice.mutate(
      { orderId: props.order.id, input: parsed.data },
      {
        onSuccess: (invoice) => {
          notifySuccess(t("commerce.invoice.created", { number: invoice.number }));
          props.onClose();
          void navigate(`/invoices/${invoice.id}`);
        },
        onError: (error) => {
          setErrors(problemFieldErrors(error));
          notifyProblem(error);
        },
      },
    );
  }

  const errorFor = (line: OrderLine) => {
    const index = open.filter((candidate) => quantityOf(candidate).trim() !== "0").findIndex((candidate) => candidate.id === line.id);
    return errors[`lines.${index}.quantity`];
  };

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={t("commerce.order.invoiceTitle")} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">{t("commerce.order.invoiceHelp")}</Text>
          {open.map((line) => (
            <Group key={line.id} justify="space-between" wrap="nowrap">
              <Text size="sm" style={{ flex: 1 }}>{line.description}</Text>
              <Text size="xs" c="dimmed">{t("commerce.order.left", { quantity: remainingOf(line) })}</Text>
              <TextInput aria-label={t("commerce.order.quantityFor", { description: line.description })} w={110} inputMode="decimal" value={quantityOf(line)} onChange={(event) => {
                  const { value } = event.currentTarget;
                  setQuantities((current) => ({ ...current, [line.id]: value }));
                }} error={errorFor(line)} />
            </Group>
          ))}
          {errors.lines ? <Text c="red" size="sm">{errors.lines}</Text> : null}
          <TextInput label={t("commerce.invoice.dueDate")} type="date" value={dueDate} onChange={(event) => setDueDate(event.currentTarget.value)} error={errors.dueDate} description={t("commerce.invoice.dueDateHelp")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={createInvoice.isPending}>{t("commerce.order.invoice")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
