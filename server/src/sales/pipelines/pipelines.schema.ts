import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businessColumns, deletedAt } from "../../db/columns.js";

/** A sales process ("sales mode"): ordered stages, each with its step templates ("step mode"). */
export const pipelines = pgTable(
  "pipelines",
  {
    ...businessColumns,
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    isDefault: boolean("is_default").notNull().default(false),
    deletedAt: deletedAt(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const pipelineStages = pgTable(
  "pipeline_stages",
  {
    ...businessColumns,
    pipelineId: uuid("pipeline_id").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    /** Win probability in whole percent (0–100), the weight of the forecast's weighted column. */
    probability: integer("probability").notNull(),
    kind: text("kind", { enum: ["open", "won", "lost"] }).notNull(),
    /** A stage removed from the pipeline keeps its id for the deals' stage history. */
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.pipelineId], foreignColumns: [pipelines.workspaceId, pipelines.id], name: "pipeline_stages_pipeline_fk" }).onDelete("cascade"),
    index("pipeline_stages_pipeline_idx").on(table.workspaceId, table.pipelineId, table.position),
  ],
);

/** A step template: the task a deal gets when it enters the stage. */
export const stageSteps = pgTable(
  "stage_steps",
  {
    ...businessColumns,
    stageId: uuid("stage_id").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    /** Days after the deal enters the stage that the task falls due. */
    dueInDays: integer("due_in_days").notNull().default(0),
    isRequired: boolean("is_required").notNull().default(false),
    /** Who gets the task: the deal's owner (null) or this member. */
    assigneeId: uuid("assignee_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.stageId], foreignColumns: [pipelineStages.workspaceId, pipelineStages.id], name: "stage_steps_stage_fk" }).onDelete("cascade"),
    index("stage_steps_stage_idx").on(table.workspaceId, table.stageId, table.position),
  ],
);
