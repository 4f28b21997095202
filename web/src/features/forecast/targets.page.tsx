import { CreateTargetInput, type Target, type TargetMetric } from "@contracts";
import { Button, Card, Group, Progress, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney, minorUnitDigits } from "../../i18n";
import { ConfirmButton, EmptyState, notifyProblem, notifySuccess, ProblemAlert, useSchemaForm } from "../../ui";
import { useCan } from "../auth";
import { useSalesSettings } from "../sales-settings";
import { OwnerSelect, useTeams } from "../settings";
import { useCreateTarget, useDeleteTarget, useTargets } from "./api/forecast.queries";
import { currentQuarter, PeriodSelect } from "./period.select";

type TargetValues = { holder: "owner" | "team"; ownerId: string; teamId: string; period: string; metric: string; amount: string };

const metrics: TargetMetric[] = ["revenue_won", "deals_won", "activities_done"];

function TargetForm(props: { period: string; currency: string }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const createTarget = useCreateTarget();
  const initial: TargetValues = { holder: "owner", ownerId: "", teamId: "", period: props.period, metric: "revenue_won", amount: "" };
  // Revenue is typed in major units (dollars) and sent in minor units; counts are sent as typed.
  const toInput = (values: TargetValues): CreateTargetInput => {
    const amount = Number(values.amount.trim().replace(/,/g, ""));
    return {
      ...(values.holder === "owner" ? { ownerId: values.ownerId || undefined } : { teamId: values.teamId || undefined }),
      period: values.period,
      metric: values.metric as TargetMetric,
      amount: values.metric === "revenue_won" ? Math.round(amount * 10 ** minorUnitDigits(props.currency)) : amount,
    };
  };
  const form = useSchemaForm({ initialValues: initial, schema: CreateTargetInput, toInput });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createTarget.mutate(input, {
      onSuccess: () => {
        notifySuccess(t("targets.created"));
        form.setValues({ ...form.values, amount: "" });
      },
      onError: form.handleSubmitError,
    });
  }

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="target-form">
      <Stack gap="sm">
        <Text fw={600}>{t("targets.new")}</Text>
        <Group align="flex-start" wrap="wrap">
          <SegmentedControl
            aria-label={t("targets.holder")}
            value={form.values.holder}
            onChange={(value) => form.setField("holder", value as TargetValues["holder"])}
            data={[{ value: "owner", label: t("targets.member") }, { value: "team", label: t("targets.team") }]}
            mt={24}
          />
          {form.values.holder === "owner" ? (
            <OwnerSelect label={t("targets.member")} value={form.values.ownerId} onChange={(value) => form.setField("ownerId", value)} error={form.errors.ownerId} w={200} />
          ) : (
            <Select label={t("targets.team")} data={(teams.data?.data ?? []).map((team) => ({ value: team.id, label: team.name }))} value={form.values.teamId || null} onChange={(value) => form.setField("teamId", value ?? "")} error={form.errors.teamId} w={200} />
          )}
          <PeriodSelect label={t("forecast.period")} value={form.values.period} onChange={(value) => form.setField("period", value)} error={form.errors.period} />
          <Select label={t("targets.metric")} data={metrics.map((metric) => ({ value: metric, label: t(`targets.metrics.${metric}`) }))} value={form.values.metric} onChange={(value) => form.setField("metric", value ?? "revenue_won")} allowDeselect={false} w={200} />
          <TextInput label={form.values.metric === "revenue_won" ? t("targets.amountIn", { currency: props.currency }) : t("targets.count")} inputMode="decimal" {...form.getInputProps("amount")} w={160} />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={createTarget.isPending}>{t("targets.create")}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

function formatFigure(target: Target, amount: number) {
  return target.currency ? formatMoney({ amount, currency: target.currency }) : String(amount);
}

/** Targets of a period with their progress against a linear pace; managers set and remove them. */
export function TargetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useSalesSettings();
  const [period, setPeriod] = useState(currentQuarter());
  const targets = useTargets(period);
  const deleteTarget = useDeleteTarget();
  const list = targets.data?.data ?? [];
  const canManage = can("targets:manage");

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t("targets.title")}</Title>
        <PeriodSelect value={period} onChange={setPeriod} />
      </Group>
      {canManage ? <TargetForm key={period} period={period} currency={settings.data?.defaultCurrency ?? "USD"} /> : null}
      {targets.isError ? (
        <ProblemAlert error={targets.error} onRetry={() => void targets.refetch()} />
      ) : !targets.isLoading && list.length === 0 ? (
        <EmptyState title={t("targets.empty", { period })} description={canManage ? t("targets.emptyHint") : undefined} />
      ) : (
        <Table striped data-testid="targets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("targets.holder")}</Table.Th>
              <Table.Th>{t("targets.metric")}</Table.Th>
              <Table.Th>{t("targets.progress")}</Table.Th>
              <Table.Th ta="right">{t("targets.attainment")}</Table.Th>
              <Table.Th ta="right">{t("targets.target")}</Table.Th>
              {canManage ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((target) => (
              <Table.Tr key={target.id}>
                <Table.Td>{target.holderName}{target.teamId ? ` (${t("targets.team")})` : ""}</Table.Td>
                <Table.Td>{t(`targets.metrics.${target.metric}`)} · {target.period}</Table.Td>
                <Table.Td miw={200}>
                  <Progress.Root size="lg" aria-label={t("targets.progressOf", { percent: target.percent })}>
                    <Progress.Section value={Math.min(100, target.percent)} color={target.isBehind ? "orange" : "teal"} />
                  </Progress.Root>
                  <Text size="xs" c={target.isBehind ? "orange" : "dimmed"}>
                    {target.isBehind ? t("targets.behind", { expected: formatFigure(target, target.expectedByNow) }) : t("targets.onPace", { expected: formatFigure(target, target.expectedByNow) })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{formatFigure(target, target.attainment)} ({target.percent}%)</Table.Td>
                <Table.Td ta="right">{formatFigure(target, target.amount)}</Table.Td>
                {canManage ? (
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      label={t("common.delete")}
                      title={t("targets.deleteTitle")}
                      message={t("targets.deleteMessage", { holder: target.holderName, period: target.period })}
                      confirmLabel={t("common.delete")}
                      onConfirm={() => deleteTarget.mutateAsync(target.id).then(() => undefined, notifyProblem)}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
