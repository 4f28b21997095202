/** Pipelines: the sales processes, their stages and the step templates each stage hands a deal. */
export { PipelineSelect, StageSelect } from "./pipeline.select";
export { PipelinesTab } from "./pipelines.tab";
export { usePipelines } from "./api/pipelines.queries";
