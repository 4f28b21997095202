import { decimalToMinor, formatMoney, minorToDecimal, RecordPaymentInput, type Invoice } from "@contracts";
import { Anchor, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDate, formatDateTime } from "../../i18n";
import { ConfirmButton, notifyProblem, notifySuccess, ProblemAlert, problemFieldErrors } from "../../ui";
import { useCan } from "../auth";
import { useInvoice, useRecordPayment, useSendInvoice, useVoidInvoice } from "./api/commerce.queries";
import { DocumentLinesTable } from "./document-lines.table";
import { DocumentTotalsTable } from "./quote.editor";
import { SendDialog } from "./send.dialog";
import { DocumentStatusBadge } from "./status.badge";

/** An invoice: status, lines, totals with what is paid and due, payments; send, e-mail, void, record a payment. */
export function InvoicePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const invoice = useInvoice(id);
  const can = useCan();
  const sendInvoice = useSendInvoice();
  const voidInvoice = useVoidInvoice();
  const [isEmailing, setEmailing] = useState(false);
  const [isPaying, setPaying] = useState(false);

  if (invoice.isLoading) return <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>;
  if (!invoice.data) return <ProblemAlert error={invoice.error} onRetry={() => void invoice.refetch()} />;
  const record = invoice.data;
  const isOpen = record.status !== "void" && record.status !== "paid";

  const send = (to?: string) =>
    sendInvoice.mutate(
      { id: record.id, to },
      {
        onSuccess: () => {
          notifySuccess(to ? t("commerce.send.sent", { to }) : t("commerce.invoice.markedSent"));
          setEmailing(false);
        },
        onError: (error) => notifyProblem(error),
      },
    );

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Group>
          <Title order={2}>INV-{record.number}</Title>
          <DocumentStatusBadge status={record.status} />
        </Group>
        <Group gap="xs">
          <Button component="a" variant="default" href={`/api/v1/invoices/${record.id}/pdf`} target="_blank" rel="noreferrer">{t("commerce.pdf")}</Button>
          {can("records:create") && record.status === "draft" ? <Button variant="default" onClick={() => send()} loading={sendInvoice.isPending && !isEmailing}>{t("commerce.invoice.markSent")}</Button> : null}
          {can("records:create") && record.status !== "void" ? <Button variant="default" onClick={() => setEmailing(true)}>{t("commerce.send.action")}</Button> : null}
          {can("records:create") && isOpen ? <Button onClick={() => setPaying(true)}>{t("commerce.payment.record")}</Button> : null}
          {can("records:write") && record.status !== "void" && record.amountPaid === 0 ? (
            <ConfirmButton
              color="red"
              variant="light"
              label={t("commerce.invoice.void")}
              title={t("commerce.invoice.voidTitle")}
              message={t("commerce.invoice.voidMessage")}
              confirmLabel={t("commerce.invoice.void")}
              onConfirm={() => voidInvoice.mutateAsync(record.id).then(() => notifySuccess(t("commerce.invoice.voided")), (error: unknown) => notifyProblem(error))}
            />
          ) : null}
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t("commerce.invoice.issued", { date: formatDate(record.issuedAt) })} · {t("commerce.invoice.dueOn", { date: formatDate(record.dueDate) })}
        {record.orderId ? (
          <>
            {" · "}
            <Anchor component={Link} to={`/orders/${record.orderId}`} size="sm">{t("commerce.order.open")}</Anchor>
          </>
        ) : null}
      </Text>
      <Card withBorder>
        <DocumentLinesTable currency={record.currency} lines={record.lines} />
        <Group justify="flex-end">
          <DocumentTotalsTable currency={record.currency} totals={record} extra={[[t("commerce.payment.paid"), record.amountPaid], [t("commerce.payment.due"), record.amountDue]]} />
        </Group>
      </Card>
      <Card withBorder>
        <Title order={4} mb="sm">{t("commerce.payment.title")}</Title>
        {record.payments.length ? (
          <Table>
            <Table.Tbody>
              {record.payments.map((payment) => (
                <Table.Tr key={payment.id}>
                  <Table.Td>{formatDateTime(payment.paidAt)}</Table.Td>
                  <Table.Td>{[payment.method, payment.reference].filter(Boolean).join(" · ")}</Table.Td>
                  <Table.Td ta="right">{formatMoney(payment.amount, record.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">{t("commerce.payment.none")}</Text>
        )}
      </Card>
      <SendDialog isOpen={isEmailing} title={t("commerce.send.invoiceTitle", { number: record.number })} isSending={sendInvoice.isPending} onClose={() => setEmailing(false)} onSend={send} />
      <PaymentModal invoice={record} isOpen={isPaying} onClose={() => setPaying(false)} />
    </Stack>
  );
}

function PaymentModal(props: { invoice: Invoice; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const recordPayment = useRecordPayment();
  const [amount, setAmount] = useState("");
  const [paidOn, setPaidOn] = useState("");
  const [method, setMethod] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { currency, amountDue } = props.invoice;

  useEffect(() => {
    if (!props.isOpen) return;
    setAmount(minorToDecimal(amountDue, currency));
    setPaidOn(new Date().toISOString().slice(0, 10));
    setMethod("");
    setErrors({});
  }, [props.isOpen, amountDue, currency]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const minor = decimalToMinor(amount, currency);
    if (minor === null) {
      setErrors({ amount: t("commerce.payment.badAmount", { currency }) });
      return;
    }
    const parsed = RecordPaymentInput.safeParse({ amount: minor, paidAt: paidOn ? new Date(`${paidOn}T12:00:00`).toISOString() : undefined, method: method.trim() || undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message])));
      return;
    }
    recordPayment.mutate(
      { id: props.invoice.id, input: parsed.data },
      {
        onSuccess: () => {
          notifySuccess(t("commerce.payment.recorded"));
          props.onClose();
        },
        onError: (error) => {
          setErrors(problemFieldErrors(error));
          notifyProblem(error);
        },
      },
    );
  }

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={t("commerce.payment.record")} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t("commerce.payment.amount", { currency })} inputMode="decimal" value={amount} onChange={(event) => setAmount(event.currentTarget.value)} error={errors.amount} description={t("commerce.payment.dueHelp", { amount: formatMoney(amountDue, currency) })} data-autofocus />
          <TextInput label={t("commerce.payment.paidOn")} type="date" value={paidOn} onChange={(event) => setPaidOn(event.currentTarget.value)} error={errors.paidAt} />
          <TextInput label={t("commerce.payment.method")} value={method} onChange={(event) => setMethod(event.currentTarget.value)} error={errors.method} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={recordPayment.isPending}>{t("commerce.payment.record")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
