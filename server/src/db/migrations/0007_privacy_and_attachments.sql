CREATE TABLE "consent_history" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"email_consent" text NOT NULL,
	"previous_email_consent" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "consent_history_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "field_permissions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"object" text NOT NULL,
	"field" text NOT NULL,
	"hidden_from_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "field_permissions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"contact_id" uuid,
	"company_id" uuid,
	"activity_id" uuid,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"storage_key" text NOT NULL,
	CONSTRAINT "attachments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "attachments_one_target" CHECK (num_nonnulls("attachments"."contact_id", "attachments"."company_id", "attachments"."activity_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "email_consent" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "do_not_contact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_history" ADD CONSTRAINT "consent_history_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_company_fk" FOREIGN KEY ("workspace_id","company_id") REFERENCES "public"."companies"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_history_contact_idx" ON "consent_history" USING btree ("workspace_id","contact_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "field_permissions_field_idx" ON "field_permissions" USING btree ("workspace_id","object","field");--> statement-breakpoint
CREATE INDEX "attachments_contact_idx" ON "attachments" USING btree ("workspace_id","contact_id") WHERE contact_id is not null;--> statement-breakpoint
CREATE INDEX "attachments_company_idx" ON "attachments" USING btree ("workspace_id","company_id") WHERE company_id is not null;--> statement-breakpoint
CREATE INDEX "attachments_activity_idx" ON "attachments" USING btree ("workspace_id","activity_id") WHERE activity_id is not null;