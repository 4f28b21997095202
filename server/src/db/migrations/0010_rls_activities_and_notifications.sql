-- Activities, their links and notifications are workspace data: the same isolation as 0002.
-- (The job queue's own schema, pgboss, is created and owned by the login role at start-up; see
-- server/src/platform/jobs/jobs.queue.ts for the one grant crm_app has there.)
GRANT SELECT, INSERT, UPDATE, DELETE ON activities, activity_links, notifications TO crm_app;
--> statement-breakpoint
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['activities', 'activity_links', 'notifications'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format(
      'CREATE POLICY workspace_isolation ON %I TO crm_app USING (workspace_id = current_setting(''app.workspace_id'', true)::uuid) WITH CHECK (workspace_id = current_setting(''app.workspace_id'', true)::uuid)',
      table_name
    );
  END LOOP;
END $$;
