-- Trigram search for names, e-mails, phones and company names (pg_trgm ships with PostgreSQL and PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The role every request runs as (SET LOCAL ROLE): row-level security policies apply to it.
-- Roles are cluster-wide, so create it only when missing.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_app') THEN
    CREATE ROLE crm_app NOLOGIN;
  END IF;
END $$;
