import { CreateLeadAssignmentRuleInput, type LeadAssignmentRule, type LeadRuleCondition } from "@contracts";
import { ActionIcon, Badge, Button, Card, Group, Select, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton, EmptyState, notifyProblem, notifySuccess, ProblemAlert, useSchemaForm } from "../../../ui";
// From the files, not the settings index: the settings page shows this tab, so its index would import us back.
import { useMembers, useTeams } from "../../settings/api/members.queries";
import { useCreateLeadRule, useDeleteLeadRule, useLeadRules, useUpdateLeadRule } from "./lead-rules.queries";

type ConditionDraft = { field: string; customKey: string; op: LeadRuleCondition["op"]; value: string };
type RuleValues = { name: string; strategy: "member" | "round_robin"; assigneeId: string; teamId: string };

const fields = ["source", "country", "tags", "lifecycleStage", "custom"] as const;
const operators: LeadRuleCondition["op"][] = ["eq", "ne", "in", "contains"];
const emptyValues: RuleValues = { name: "", strategy: "member", assigneeId: "", teamId: "" };

function toInput(values: RuleValues, conditions: ConditionDraft[]): CreateLeadAssignmentRuleInput {
  return {
    name: values.name,
    strategy: values.strategy,
    ...(values.strategy === "member" ? { assigneeId: values.assigneeId || null } : { teamId: values.teamId || null }),
    conditions: conditions.map((condition) => ({
      field: condition.field === "custom" ? `custom.${condition.customKey.trim()}` : condition.field,
      op: condition.op,
      value: condition.op === "in" ? condition.value.split(",").map((entry) => entry.trim()).filter(Boolean) : condition.value.trim(),
    })),
  };
}

/** Errors on `conditions.0.value` show under the conditions as a whole. */
const fieldForPath = (path: string) => path.split(".")[0];

function describeCondition(t: TFunction, condition: LeadRuleCondition) {
  const field = condition.field.startsWith("custom.") ? condition.field : t(`leadRules.fields.${condition.field}`);
  const value = Array.isArray(condition.value) ? condition.value.join(", ") : condition.value;
  return `${field} ${t(`leadRules.operators.${condition.op}`)} ${value}`;
}

function RuleForm() {
  const { t } = useTranslation();
  const members = useMembers();
  const teams = useTeams();
  const createRule = useCreateLeadRule();
  // Conditions are a list of objects, kept beside the form's flat values.
  const [conditions, setConditions] = useState<ConditionDraft[]>([]);
  const form = useSchemaForm({ initialValues: emptyValues, schema: CreateLeadAssignmentRuleInput, toInput: (values: RuleValues) => toInput(values, conditions), fieldForPath });
  const { values } = form;
  const setCondition = (index: number, patch: Partial<ConditionDraft>) => setConditions(conditions.map((condition, at) => (at === index ? { ...condition, ...patch } : condition)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createRule.mutate(input, {
      onSuccess: () => {
        notifySuccess(t("leadRules.created"));
        form.setValues(emptyValues);
        setConditions([]);
      },
      onError: form.handleSubmitError,
    });
  }

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="lead-rule-form">
      <Stack gap="sm">
        <Text fw={600}>{t("leadRules.new")}</Text>
        <Group align="flex-start" grow>
          <TextInput label={t("leadRules.name")} {...form.getInputProps("name")} />
          <Select
            label={t("leadRules.strategy")}
            data={[{ value: "member", label: t("leadRules.strategies.member") }, { value: "round_robin", label: t("leadRules.strategies.round_robin") }]}
            value={values.strategy}
            onChange={(value) => form.setField("strategy", (value ?? "member") as RuleValues["strategy"])}
            allowDeselect={false}
          />
          {values.strategy === "member" ? (
            <Select
              label={t("leadRules.assignee")}
              data={(members.data?.data ?? []).filter((member) => member.role !== "read_only").map((member) => ({ value: member.userId, label: member.name || member.email }))}
              value={values.assigneeId || null}
              onChange={(value) => form.setField("assigneeId", value ?? "")}
              searchable
              error={form.errors.assigneeId}
            />
          ) : (
            <Select label={t("leadRules.team")} data={(teams.data?.data ?? []).map((team) => ({ value: team.id, label: team.name }))} value={values.teamId || null} onChange={(value) => form.setField("teamId", value ?? "")} error={form.errors.teamId} />
          )}
        </Group>
        <Text size="sm" fw={500}>{t("leadRules.conditions")}</Text>
        {conditions.length === 0 ? <Text size="sm" c="dimmed">{t("leadRules.noConditions")}</Text> : null}
        {conditions.map((condition, index) => (
          <Group key={index} align="flex-end" wrap="wrap" gap="xs">
            <Select aria-label={t("leadRules.field")} data={fields.map((field) => ({ value: field, label: t(`leadRules.fields.${field}`) }))} value={condition.field} onChange={(value) => setCondition(index, { field: value ?? "source" })} allowDeselect={false} w={150} />
            {condition.field === "custom" ? <TextInput aria-label={t("leadRules.customKey")} placeholder={t("leadRules.customKey")} value={condition.customKey} onChange={(event) => setCondition(index, { customKey: event.currentTarget.value })} w={140} /> : null}
            <Select aria-label={t("leadRules.operator")} data={operators.map((op) => ({ value: op, label: t(`leadRules.operators.${op}`) }))} value={condition.op} onChange={(value) => setCondition(index, { op: (value ?? "eq") as ConditionDraft["op"] })} allowDeselect={false} w={150} />
            <TextInput aria-label={t("leadRules.value")} placeholder={condition.op === "in" ? t("leadRules.valuesHint") : t("leadRules.value")} value={condition.value} onChange={(event) => setCondition(index, { value: event.currentTarget.value })} w={200} />
            <Button variant="subtle" color="red" onClick={() => setConditions(conditions.filter((_, at) => at !== index))}>{t("leadRules.removeCondition")}</Button>
          </Group>
        ))}
        {form.errors.conditions ? <Text size="sm" c="red">{form.errors.conditions}</Text> : null}
        <Group justify="space-between">
          <Button variant="light" onClick={() => setConditions([...conditions, { field: "source", customKey: "", op: "eq", value: "" }])}>{t("leadRules.addCondition")}</Button>
          <Button type="submit" loading={createRule.isPending}>{t("leadRules.create")}</Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Settings → Lead assignment: who gets a new lead created without an owner; the first matching active rule wins. */
export function LeadRulesTab() {
  const { t } = useTranslation();
  const rules = useLeadRules();
  const members = useMembers();
  const teams = useTeams();
  const updateRule = useUpdateLeadRule();
  const deleteRule = useDeleteLeadRule();
  const [movingId, setMovingId] = useState<string | null>(null);
  const list = rules.data?.data ?? [];
  const memberName = (id: string | null) => members.data?.data.find((member) => member.userId === id)?.name ?? "";
  const teamName = (id: string | null) => teams.data?.data.find((team) => team.id === id)?.name ?? "";

  // Moving swaps the positions of two neighbours.
  async function move(rule: LeadAssignmentRule, offset: -1 | 1) {
    const index = list.indexOf(rule);
    const other = list[index + offset];
    if (!other) return;
    setMovingId(rule.id);
    const [first, second] = rule.position === other.position ? [index + offset, index] : [other.position, rule.position];
    try {
      await updateRule.mutateAsync({ id: rule.id, input: { position: first } });
      await updateRule.mutateAsync({ id: other.id, input: { position: second } });
    } catch (error) {
      notifyProblem(error);
    } finally {
      setMovingId(null);
    }
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">{t("leadRules.help")}</Text>
      <RuleForm />
      {rules.isError ? (
        <ProblemAlert error={rules.error} onRetry={() => void rules.refetch()} />
      ) : !rules.isLoading && list.length === 0 ? (
        <EmptyState title={t("leadRules.empty")} description={t("leadRules.emptyHint")} />
      ) : (
        <Table striped data-testid="lead-rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("leadRules.order")}</Table.Th>
              <Table.Th>{t("leadRules.name")}</Table.Th>
              <Table.Th>{t("leadRules.conditions")}</Table.Th>
              <Table.Th>{t("leadRules.assignsTo")}</Table.Th>
              <Table.Th>{t("leadRules.active")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((rule, index) => (
              <Table.Tr key={rule.id}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t("leadRules.moveUp", { name: rule.name })} disabled={index === 0 || movingId !== null} onClick={() => void move(rule, -1)}>↑</ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t("leadRules.moveDown", { name: rule.name })} disabled={index === list.length - 1 || movingId !== null} onClick={() => void move(rule, 1)}>↓</ActionIcon>
                  </Group>
                </Table.Td>
                <Table.Td>{rule.name}</Table.Td>
                <Table.Td>
                  {rule.conditions.length === 0 ? <Text size="sm" c="dimmed">{t("leadRules.everyLead")}</Text> : (
                    <Group gap={4}>{rule.conditions.map((condition, at) => <Badge key={at} variant="outline" tt="none">{describeCondition(t, condition)}</Badge>)}</Group>
                  )}
                </Table.Td>
                <Table.Td>{rule.strategy === "member" ? memberName(rule.assigneeId) : t("leadRules.roundRobinOf", { team: teamName(rule.teamId) })}</Table.Td>
                <Table.Td>
                  <Switch aria-label={t("leadRules.active")} checked={rule.isActive} onChange={(event) => updateRule.mutate({ id: rule.id, input: { isActive: event.currentTarget.checked } }, { onError: (error) => notifyProblem(error) })} />
                </Table.Td>
                <Table.Td>
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    label={t("common.delete")}
                    title={t("leadRules.deleteTitle")}
                    message={t("leadRules.deleteMessage", { name: rule.name })}
                    confirmLabel={t("common.delete")}
                    onConfirm={() => deleteRule.mutateAsync(rule.id).then(() => undefined, notifyProblem)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
