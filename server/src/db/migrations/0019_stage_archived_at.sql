-- Archived stages and steps say so in their column name (they are kept for deals' stage history, not trashed).
ALTER TABLE "pipeline_stages" RENAME COLUMN "deleted_at" TO "archived_at";
--> statement-breakpoint
ALTER TABLE "stage_steps" RENAME COLUMN "deleted_at" TO "archived_at";
