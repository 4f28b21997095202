import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { moveItem, newStep, type StageDraft, type StepDraft } from "./pipeline.draft";

const kinds = ["open", "won", "lost"] as const;

export interface StageFieldsProps {
  stage: StageDraft;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (stage: StageDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One stage in the pipeline editor: name, probability, kind, order, and the steps it hands a deal. */
export function StageFields(props: StageFieldsProps) {
  const { t } = useTranslation();
  const { stage, index } = props;
  const label = t("pipelines.stageNumber", { number: index + 1 });
  const error = (path: string) => props.errors[`stages.${index}.${path}`];
  const setStep = (stepIndex: number, patch: Partial<StepDraft>) =>
    props.onChange({ ...stage, steps: stage.steps.map((step, position) => (position === stepIndex ? { ...step, ...patch } : step)) });

  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" aria-label={label} data-testid="stage-fields" style={{ margin: 0 }}>
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Text fw={600} size="sm" w={70}>{label}</Text>
          <TextInput label={t("pipelines.stageName")} value={stage.name} onChange={(event) => props.onChange({ ...stage, name: event.currentTarget.value })} error={error("name")} style={{ flex: 1, minWidth: 160 }} />
          <NumberInput label={t("pipelines.probability")} suffix="%" min={0} max={100} value={stage.probability} onChange={(value) => props.onChange({ ...stage, probability: value })} error={error("probability")} w={110} />
          <Select
            label={t("pipelines.kind")}
            data={kinds.map((kind) => ({ value: kind, label: t(`pipelines.kinds.${kind}`) }))}
            value={stage.kind}
            onChange={(value) => value && props.onChange({ ...stage, kind: value as StageDraft["kind"] })}
            allowDeselect={false}
            error={error("kind")}
            w={120}
          />
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => props.onMove(index - 1)} disabled={index === 0} aria-label={t("pipelines.moveUp", { name: stage.name || label })}>↑</ActionIcon>
            <ActionIcon variant="default" size="lg" onClick={() => props.onMove(index + 1)} disabled={index === props.count - 1} aria-label={t("pipelines.moveDown", { name: stage.name || label })}>↓</ActionIcon>
            <ActionIcon variant="subtle" color="red" size="lg" onClick={props.onRemove} aria-label={t("pipelines.removeStage", { name: stage.name || label })}>✕</ActionIcon>
          </Group>
        </Group>
        <Stack gap={6} pl={{ base: 0, sm: 78 }}>
          {stage.steps.map((step, stepIndex) => {
            const stepLabel = t("pipelines.stepNumber", { number: stepIndex + 1 });
            const stepError = (path: string) => error(`steps.${stepIndex}.${path}`);
            return (
              <Group key={step.key} gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={`${label}, ${stepLabel}`}>
                <TextInput label={t("pipelines.stepTitle")} value={step.title} onChange={(event) => setStep(stepIndex, { title: event.currentTarget.value })} error={stepError("title")} style={{ flex: 1, minWidth: 160 }} />
                <NumberInput label={t("pipelines.dueInDays")} min={0} max={365} value={step.dueInDays} onChange={(value) => setStep(stepIndex, { dueInDays: value })} error={stepError("dueInDays")} w={120} />
                <Checkbox label={t("pipelines.required")} checked={step.isRequired} onChange={(event) => setStep(stepIndex, { isRequired: event.currentTarget.checked })} mb={8} />
                <Group gap={4} wrap="nowrap" mb={2}>
                  <ActionIcon variant="default" onClick={() => props.onChange({ ...stage, steps: moveItem(stage.steps, stepIndex, stepIndex - 1) })} disabled={stepIndex === 0} aria-label={t("pipelines.moveUp", { name: step.title || stepLabel })}>↑</ActionIcon>
                  <ActionIcon variant="default" onClick={() => props.onChange({ ...stage, steps: moveItem(stage.steps, stepIndex, stepIndex + 1) })} disabled={stepIndex === stage.steps.length - 1} aria-label={t("pipelines.moveDown", { name: step.title || stepLabel })}>↓</ActionIcon>
                  <ActionIcon variant="subtle" color="red" onClick={() => props.onChange({ ...stage, steps: stage.steps.filter((_, position) => position !== stepIndex) })} aria-label={t("pipelines.removeStep", { name: step.title || stepLabel })}>✕</ActionIcon>
                </Group>
              </Group>
            );
          })}
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => props.onChange({ ...stage, steps: [...stage.steps, newStep()] })}>
              {t("pipelines.addStep", { stage: stage.name || label })}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Paper>
  );
}
