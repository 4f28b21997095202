import { z } from "zod";
import { Id, Timestamp } from "./common.js";

export const StageKind = z.enum(["open", "won", "lost"]);
export type StageKind = z.infer<typeof StageKind>;

/** A step template: the task a deal gets on entering the stage; a required one blocks moving on while open. */
export const StageStepInput = z.strictObject({
  /** Present when editing an existing step; absent for a new one. */
  id: Id.optional(),
  title: z.string().trim().min(1, "is required").max(200),
  dueInDays: z.number().int("must be a whole number of days").min(0).max(365).default(0),
  isRequired: z.boolean().default(false),
  /** The member who gets the task; null or absent: the deal's owner. */
  assigneeId: Id.nullable().optional(),
});

export const StageInput = z.strictObject({
  id: Id.optional(),
  name: z.string().trim().min(1, "is required").max(120),
  probability: z.number().int("must be a whole percent").min(0).max(100),
  kind: StageKind,
  steps: z.array(StageStepInput).max(50).default([]),
});

const stages = z
  .array(StageInput)
  .min(2, "needs at least two stages")
  .max(30)
  .refine((list) => list.some((stage) => stage.kind === "won"), "needs a won stage")
  .refine((list) => list.some((stage) => stage.kind === "open"), "needs an open stage");

export const CreatePipelineInput = z.strictObject({ name: z.string().trim().min(1, "is required").max(120), isDefault: z.boolean().optional(), stages }).meta({ id: "CreatePipelineInput" });
export type CreatePipelineInput = z.input<typeof CreatePipelineInput>;

/** `stages` replaces the list: stages and steps keep their ids when sent back with them; a stage left out is archived (it must hold no deals). */
export const UpdatePipelineInput = z
  .strictObject({ name: z.string().trim().min(1, "is required").max(120).optional(), isDefault: z.boolean().optional(), stages: stages.optional() })
  .meta({ id: "UpdatePipelineInput" });
export type UpdatePipelineInput = z.input<typeof UpdatePipelineInput>;

export const StageStep = z.object({ id: Id, title: z.string(), dueInDays: z.number().int(), isRequired: z.boolean(), assigneeId: Id.nullable() });
export type StageStep = z.infer<typeof StageStep>;

export const Stage = z.object({ id: Id, name: z.string(), position: z.number().int(), probability: z.number().int(), kind: StageKind, steps: z.array(StageStep) }).meta({ id: "Stage" });
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z
  .object({ id: Id, name: z.string(), isDefault: z.boolean(), stages: z.array(Stage), createdAt: Timestamp, updatedAt: Timestamp })
  .meta({ id: "Pipeline" });
export type Pipeline = z.infer<typeof Pipeline>;

export const PipelineList = z.object({ data: z.array(Pipeline) }).meta({ id: "PipelineList" });
export type PipelineList = z.infer<typeof PipelineList>;
