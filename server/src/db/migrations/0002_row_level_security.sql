-- Tenant isolation's second wall (STACK-NOTES.md): requests run as crm_app with
-- app.workspace_id set for their transaction; these policies hide every other workspace.
GRANT USAGE ON SCHEMA public TO crm_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON contacts, companies, teams, memberships, invitations, api_keys, audit_log, saved_views TO crm_app;
--> statement-breakpoint
GRANT SELECT ON workspaces TO crm_app;
--> statement-breakpoint
-- Members' names and e-mails are visible to the app role, their password hashes are not.
GRANT SELECT (id, email, name, created_at, updated_at) ON users TO crm_app;
--> statement-breakpoint
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['contacts', 'companies', 'teams', 'memberships', 'invitations', 'api_keys', 'audit_log', 'saved_views'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format(
      'CREATE POLICY workspace_isolation ON %I TO crm_app USING (workspace_id = current_setting(''app.workspace_id'', true)::uuid) WITH CHECK (workspace_id = current_setting(''app.workspace_id'', true)::uuid)',
      table_name
    );
  END LOOP;
END $$;
--> statement-breakpoint
-- Business data is also closed to the table owner unless it switches to crm_app.
ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE saved_views FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_self ON workspaces TO crm_app USING (id = current_setting('app.workspace_id', true)::uuid);
