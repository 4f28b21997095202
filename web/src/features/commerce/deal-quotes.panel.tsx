import { formatMoney, type QuoteSummary } from "@contracts";
import { Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { notifyProblem, notifySuccess, ProblemAlert } from "../../ui";
import { useCan } from "../auth";
import { useAcceptQuote, useDealQuotes, useQuote, useSendQuote } from "./api/commerce.queries";
import { QuoteEditor } from "./quote.editor";
import { SendDialog } from "./send.dialog";
import { DocumentStatusBadge } from "./status.badge";

const quoteName = (quote: { number: number; version: number }) => `Q-${quote.number}${quote.version > 1 ? ` v${quote.version}` : ""}`;

/** A deal's quotes: create and revise them, download or e-mail the PDF, accept one into an order. */
export function DealQuotesPanel({ dealId, currency }: { dealId: string; currency: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const quotes = useDealQuotes(dealId);
  const [isCreating, setCreating] = useState(false);
  const [revisingId, setRevisingId] = useState<string | null>(null);
  const [sending, setSending] = useState<QuoteSummary | null>(null);
  const revising = useQuote(revisingId);
  const sendQuote = useSendQuote();
  const acceptQuote = useAcceptQuote();
  const canCreate = can("records:create");

  function accept(quote: QuoteSummary) {
    acceptQuote.mutate(quote.id, {
      onSuccess: ({ orderId }) => {
        notifySuccess(t("commerce.quote.accepted"));
        void navigate(`/orders/${orderId}`);
      },
      onError: (error) => notifyProblem(error),
    });
  }

  function send(to: string) {
    if (!sending) return;
    sendQuote.mutate(
      { id: sending.id, to },
      {
        onSuccess: () => {
          notifySuccess(t("commerce.send.sent", { to }));
          setSending(null);
        },
        onError: (error) => notifyProblem(error),
      },
    );
  }

  return (
    <Card withBorder padding="md" data-testid="deal-quotes">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t("commerce.quote.title")}</Title>
          {canCreate ? <Button size="xs" onClick={() => setCreating(true)}>{t("commerce.quote.new")}</Button> : null}
        </Group>
        {quotes.isLoading ? <Loader size="sm" aria-label={t("common.loading")} /> : null}
        {quotes.error ? <ProblemAlert error={quotes.error} onRetry={() => void quotes.refetch()} /> : null}
        {quotes.data && quotes.data.data.length === 0 ? <Text size="sm" c="dimmed">{t("commerce.quote.empty")}</Text> : null}
        {quotes.data && quotes.data.data.length > 0 ? (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {quotes.data.data.map((quote) => {
                  const isOpen = quote.status === "draft" || quote.status === "sent";
                  return (
                    <Table.Tr key={quote.id}>
                      <Table.Td fw={600}>{quoteName(quote)}</Table.Td>
                      <Table.Td><DocumentStatusBadge status={quote.status} /></Table.Td>
                      <Table.Td ta="right">{formatMoney(quote.total, quote.currency)}</Table.Td>
                      <Table.Td>
                        <Group gap={6} justify="flex-end" wrap="nowrap">
                          <Anchor size="sm" href={`/api/v1/quotes/${quote.id}/pdf`} target="_blank" rel="noreferrer">{t("commerce.pdf")}</Anchor>
                          {quote.orderId ? <Anchor size="sm" component={Link} to={`/orders/${quote.orderId}`}>{t("commerce.order.open")}</Anchor> : null}
                          {canCreate && isOpen ? (
                            <>
                              <Button size="compact-xs" variant="default" onClick={() => setSending(quote)}>{t("commerce.send.action")}</Button>
                              <Button size="compact-xs" variant="default" onClick={() => setRevisingId(quote.id)}>{t("commerce.quote.revise")}</Button>
                              <Button size="compact-xs" onClick={() => accept(quote)} loading={acceptQuote.isPending && acceptQuote.variables === quote.id}>{t("commerce.quote.accept")}</Button>
                            </>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
      <QuoteEditor isOpen={isCreating} onClose={() => setCreating(false)} dealId={dealId} currency={currency} />
      <QuoteEditor isOpen={Boolean(revisingId && revising.data)} onClose={() => setRevisingId(null)} dealId={dealId} currency={currency} revising={revising.data ?? null} />
      <SendDialog isOpen={sending !== null} title={sending ? t("commerce.send.quoteTitle", { name: quoteName(sending) }) : ""} isSending={sendQuote.isPending} onClose={() => setSending(null)} onSend={send} initialTo={sending?.sentTo} />
    </Card>
  );
}
