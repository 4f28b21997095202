import type { CreatePipelineInput, Pipeline, StageKind } from "@contracts";

export interface StepDraft {
  key: string;
  id?: string;
  title: string;
  dueInDays: number | string;
  isRequired: boolean;
  assigneeId: string | null;
}

export interface StageDraft {
  key: string;
  id?: string;
  name: string;
  probability: number | string;
  kind: StageKind;
  steps: StepDraft[];
}

export interface PipelineDraft {
  name: string;
  isDefault: boolean;
  stages: StageDraft[];
}

let nextKey = 0;
/** React keys for rows not saved yet (saved ones could use their id, but new ones have none). */
export const newKey = () => `draft-${++nextKey}`;

export const newStep = (): StepDraft => ({ key: newKey(), title: "", dueInDays: 0, isRequired: false, assigneeId: null });
export const newStage = (kind: StageKind = "open", probability = 50): StageDraft => ({ key: newKey(), name: "", probability, kind, steps: [] });

/** A new pipeline starts with the usual shape so a few renames finish it. */
export function starterDraft(names: { qualification: string; proposal: string; won: string; lost: string }): PipelineDraft {
  return {
    name: "",
    isDefault: false,
    stages: [
      { ...newStage("open", 20), name: names.qualification },
      { ...newStage("open", 60), name: names.proposal },
      { ...newStage("won", 100), name: names.won },
      { ...newStage("lost", 0), name: names.lost },
    ],
  };
}

export function pipelineToDraft(pipeline: Pipeline): PipelineDraft {
  return {
    name: pipeline.name,
    isDefault: pipeline.isDefault,
    stages: pipeline.stages.map((stage) => ({
      key: stage.id,
      id: stage.id,
      name: stage.name,
      probability: stage.probability,
      kind: stage.kind,
      steps: stage.steps.map((step) => ({ key: step.id, id: step.id, title: step.title, dueInDays: step.dueInDays, isRequired: step.isRequired, assigneeId: step.assigneeId })),
    })),
  };
}

/** Numbers typed into the form stay what they are (NaN for garbage), so the contract names the field. */
const toNumber = (value: number | string) => (typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value));

export function draftToInput(draft: PipelineDraft): CreatePipelineInput {
  return {
    name: draft.name,
    isDefault: draft.isDefault,
    stages: draft.stages.map((stage) => ({
      id: stage.id,
      name: stage.name,
      probability: toNumber(stage.probability),
      kind: stage.kind,
      steps: stage.steps.map((step) => ({ id: step.id, title: step.title, dueInDays: toNumber(step.dueInDays), isRequired: step.isRequired, assigneeId: step.assigneeId })),
    })),
  };
}

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
