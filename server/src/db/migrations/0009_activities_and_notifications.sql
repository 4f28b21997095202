CREATE TABLE "notifications" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"type" text NOT NULL,
	"subject" text,
	"body" text,
	"owner_id" uuid,
	"occurred_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"reminder_at" timestamp with time zone,
	"priority" text,
	"direction" text,
	"duration_seconds" integer,
	"outcome" text,
	"end_at" timestamp with time zone,
	"location" text,
	"latitude" double precision,
	"longitude" double precision,
	"geo_accuracy_meters" double precision,
	"attendee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"mentioned_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"at" timestamp with time zone GENERATED ALWAYS AS (coalesce(case when type = 'task' then due_at end, occurred_at, created_at)) STORED NOT NULL,
	CONSTRAINT "activities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_links" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"contact_id" uuid,
	"company_id" uuid,
	CONSTRAINT "activity_links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "activity_links_one_target" CHECK (num_nonnulls("activity_links"."contact_id", "activity_links"."company_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "activity_links" ADD CONSTRAINT "activity_links_activity_fk" FOREIGN KEY ("workspace_id","activity_id") REFERENCES "public"."activities"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_links" ADD CONSTRAINT "activity_links_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_links" ADD CONSTRAINT "activity_links_company_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."companies"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("workspace_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_inbox_idx" ON "notifications" USING btree ("workspace_id","recipient_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("workspace_id","recipient_id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "activities_at_idx" ON "activities" USING btree ("workspace_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activities_open_tasks_idx" ON "activities" USING btree ("workspace_id","owner_id","due_at") WHERE type = 'task' and done_at is null;--> statement-breakpoint
CREATE INDEX "activities_owner_idx" ON "activities" USING btree ("workspace_id","owner_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "activity_links_contact_idx" ON "activity_links" USING btree ("workspace_id","contact_id","activity_id") WHERE contact_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_links_company_idx" ON "activity_links" USING btree ("workspace_id","company_id","activity_id") WHERE company_id is not null;--> statement-breakpoint
CREATE INDEX "activity_links_activity_idx" ON "activity_links" USING btree ("workspace_id","activity_id");