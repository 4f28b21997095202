import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePipelines } from "./api/pipelines.queries";

/** Picks a pipeline; `value` is a pipeline id or "". */
export function PipelineSelect(props: { label: string; value: string; onChange: (value: string) => void; error?: string; w?: number | string; isClearable?: boolean }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const data = (pipelines.data?.data ?? []).map((pipeline) => ({ value: pipeline.id, label: pipeline.name }));
  return (
    <Select
      label={props.label || undefined}
      aria-label={props.label ? undefined : t("pipelines.pipeline")}
      data={data}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? "")}
      allowDeselect={props.isClearable ?? false}
      clearable={props.isClearable}
      error={props.error}
      w={props.w}
      data-testid="pipeline-select"
    />
  );
}

/** Picks a stage of one pipeline; "" means the pipeline's first stage. */
export function StageSelect(props: { label: string; pipelineId: string; value: string; onChange: (value: string) => void; error?: string }) {
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.data.find((candidate) => candidate.id === props.pipelineId);
  const data = (pipeline?.stages ?? []).map((stage) => ({ value: stage.id, label: `${stage.name} (${stage.probability}%)` }));
  return <Select label={props.label} data={data} value={props.value || null} onChange={(value) => props.onChange(value ?? "")} clearable error={props.error} disabled={!pipeline} />;
}
