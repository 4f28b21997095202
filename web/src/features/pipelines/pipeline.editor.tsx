import { CreatePipelineInput, UpdatePipelineInput, type Pipeline } from "@contracts";
import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { notifyProblem, notifySuccess, problemFieldErrors } from "../../ui";
import { useCreatePipeline, useUpdatePipeline } from "./api/pipelines.queries";
import { draftToInput, moveItem, newStage, pipelineToDraft, starterDraft, type PipelineDraft } from "./pipeline.draft";
import { StageFields } from "./pipeline.stage-fields";

function issuesByPath(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "stages";
    if (!(path in errors)) errors[path] = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return errors;
}

function initialDraft(pipeline: Pipeline | null, t: TFunction): PipelineDraft {
  if (pipeline) return pipelineToDraft(pipeline);
  return starterDraft({ qualification: t("pipelines.starter.qualification"), proposal: t("pipelines.starter.proposal"), won: t("pipelines.starter.won"), lost: t("pipelines.starter.lost") });
}

/** Creates a pipeline (`pipeline` absent) or edits one: its stages in order and their step templates. */
export function PipelineEditor(props: { isOpen: boolean; pipeline: Pipeline | null; onClose: () => void }) {
  const { t } = useTranslation();
  const createPipeline = useCreatePipeline();
  const updatePipeline = useUpdatePipeline();
  const [draft, setDraft] = useState<PipelineDraft>(() => initialDraft(props.pipeline, t));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { pipeline, isOpen } = props;

  // Each opening starts from the stored pipeline (or the starter shape for a new one).
  useEffect(() => {
    if (!isOpen) return;
    setDraft(initialDraft(pipeline, t));
    setErrors({});
  }, [isOpen, pipeline, t]);

  const setStage = (index: number, stage: PipelineDraft["stages"][number]) => setDraft((current) => ({ ...current, stages: current.stages.map((existing, position) => (position === index ? stage : existing)) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = draftToInput(draft);
    const parsed = (pipeline ? UpdatePipelineInput : CreatePipelineInput).safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error.issues));
      return;
    }
    setErrors({});
    const onError = (error: unknown) => {
      setErrors(problemFieldErrors(error));
      notifyProblem(error);
    };
    const onSuccess = () => {
      notifySuccess(t("pipelines.saved"));
      props.onClose();
    };
    if (pipeline) updatePipeline.mutate({ id: pipeline.id, input: parsed.data }, { onSuccess, onError });
    else createPipeline.mutate(parsed.data as CreatePipelineInput, { onSuccess, onError });
  }

  return (
    <Modal opened={isOpen} onClose={props.onClose} title={pipeline ? t("pipelines.editTitle", { name: pipeline.name }) : t("pipelines.new")} size="xl" centered>
      <form onSubmit={submit} noValidate data-testid="pipeline-editor">
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t("pipelines.name")} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })} error={errors.name} data-autofocus style={{ flex: 1, minWidth: 200 }} />
            <Checkbox label={t("pipelines.isDefault")} checked={draft.isDefault} onChange={(event) => setDraft({ ...draft, isDefault: event.currentTarget.checked })} mb={8} />
          </Group>
          {errors.stages ? <Alert color="red" role="alert">{errors.stages}</Alert> : null}
          {draft.stages.map((stage, index) => (
            <StageFields
              key={stage.key}
              stage={stage}
              index={index}
              count={draft.stages.length}
              errors={errors}
              onChange={(next) => setStage(index, next)}
              onMove={(to) => setDraft((current) => ({ ...current, stages: moveItem(current.stages, index, to) }))}
              onRemove={() => setDraft((current) => ({ ...current, stages: current.stages.filter((_, position) => position !== index) }))}
            />
          ))}
          <Group justify="space-between">
            <Button variant="light" onClick={() => setDraft((current) => ({ ...current, stages: [...current.stages, newStage()] }))}>{t("pipelines.addStage")}</Button>
            <Group>
              <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
              <Button type="submit" loading={createPipeline.isPending || updatePipeline.isPending}>{t("common.save")}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
