-- Consent history, field permissions and attachments are workspace data: the same isolation as 0002.
GRANT SELECT, INSERT, UPDATE, DELETE ON consent_history, field_permissions, attachments TO crm_app;
--> statement-breakpoint
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['consent_history', 'field_permissions', 'attachments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format(
      'CREATE POLICY workspace_isolation ON %I TO crm_app USING (workspace_id = current_setting(''app.workspace_id'', true)::uuid) WITH CHECK (workspace_id = current_setting(''app.workspace_id'', true)::uuid)',
      table_name
    );
  END LOOP;
END $$;
