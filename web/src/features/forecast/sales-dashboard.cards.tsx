import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatMoney } from "../../i18n";
import { ProblemAlert } from "../../ui";
import { useSalesDashboard } from "./api/forecast.queries";

function Figure(props: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{props.label}</Text>
      <Text size="xl" fw={700}>{props.value}</Text>
      {props.hint ? <Text size="xs" c="dimmed">{props.hint}</Text> : null}
    </Card>
  );
}

/** The period's sales numbers: win rate, deal size, cycle, pipeline by stage, activity per member, deals at risk. */
export function SalesDashboardCards(props: { period: string }) {
  const { t } = useTranslation();
  const dashboard = useSalesDashboard(props.period);
  if (dashboard.isError) return <ProblemAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  if (!data) return null;
  const money = (amount: number | null) => (amount === null ? "–" : formatMoney({ amount, currency: data.currency }));
  return (
    <Stack gap="sm" data-testid="sales-dashboard">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure label={t("forecast.winRate")} value={data.winRate === null ? "–" : `${data.winRate}%`} hint={t("forecast.wonLost", { won: data.wonCount, lost: data.lostCount })} />
        <Figure label={t("forecast.averageWon")} value={money(data.averageWonAmount)} />
        <Figure label={t("forecast.salesCycle")} value={data.salesCycleDays === null ? "–" : t("forecast.days", { count: data.salesCycleDays })} />
        <Figure label={t("forecast.openPipeline")} value={money(data.pipeline.reduce((sum, stage) => sum + stage.amount, 0))} hint={t("forecast.deals", { count: data.pipeline.reduce((sum, stage) => sum + stage.count, 0) })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="sm">
          <Text fw={600} mb="xs">{t("forecast.pipelineByStage")}</Text>
          {data.pipeline.length === 0 ? <Text size="sm" c="dimmed">{t("forecast.noPipeline")}</Text> : (
            <Table>
              <Table.Tbody>
                {data.pipeline.map((stage) => (
                  <Table.Tr key={stage.stageId}>
                    <Table.Td>{stage.pipelineName} · {stage.stageName}</Table.Td>
                    <Table.Td ta="right">{stage.count}</Table.Td>
                    <Table.Td ta="right">{money(stage.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder padding="sm">
          <Text fw={600} mb="xs">{t("forecast.activitiesByMember")}</Text>
          {data.activitiesByMember.length === 0 ? <Text size="sm" c="dimmed">{t("forecast.noActivities")}</Text> : (
            <Table>
              <Table.Tbody>
                {data.activitiesByMember.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Td>{member.name}</Table.Td>
                    <Table.Td ta="right">{member.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder padding="sm">
        <Text fw={600} mb="xs">{t("forecast.atRisk")}</Text>
        {data.atRisk.length === 0 ? <Text size="sm" c="dimmed">{t("forecast.noneAtRisk")}</Text> : (
          <Table data-testid="deals-at-risk">
            <Table.Tbody>
              {data.atRisk.map((deal) => (
                <Table.Tr key={deal.id}>
                  <Table.Td><Anchor component={Link} to={`/deals/${deal.id}`}>{deal.name}</Anchor></Table.Td>
                  <Table.Td>{deal.ownerName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {deal.isPastCloseDate ? <Badge color="red" variant="light">{t("forecast.pastCloseDate", { date: formatDate(deal.closeDate) })}</Badge> : null}
                      {deal.isStale ? <Badge color="orange" variant="light">{t("forecast.stale")}</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney({ amount: deal.amount, currency: deal.currency })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
