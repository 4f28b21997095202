-- Imports, their rejected rows and the before-images of updated records are workspace data: the same isolation as 0002.
GRANT SELECT, INSERT, UPDATE, DELETE ON imports, import_errors, import_updates TO crm_app;
--> statement-breakpoint
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['imports', 'import_errors', 'import_updates'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format(
      'CREATE POLICY workspace_isolation ON %I TO crm_app USING (workspace_id = current_setting(''app.workspace_id'', true)::uuid) WITH CHECK (workspace_id = current_setting(''app.workspace_id'', true)::uuid)',
      table_name
    );
  END LOOP;
END $$;
--> statement-breakpoint
-- Batch upserts and imports match contacts by e-mail address, a jsonb containment that is not
-- leakproof: under row-level security it runs only after the policy, so the GIN index on emails
-- could not serve it and every chunk would scan the workspace's contacts. As in 0003, this
-- function looks the addresses up with the index, as its owner, and only in the workspace the
-- caller's transaction has set. Live contacts only: the trash is not matched. The lookup is one
-- GIN probe per address whatever the statistics say: while a big import fills a new workspace
-- the planner's row counts lag far behind and would pick a scan of the whole workspace per address.
CREATE FUNCTION contacts_by_email(addresses text[])
RETURNS TABLE (id uuid, address text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET enable_seqscan = off
AS $function$
  WITH hits AS MATERIALIZED (
    SELECT hit.id, hit.workspace_id, hit.deleted_at, wanted.address
    FROM unnest(addresses) AS wanted(address)
    CROSS JOIN LATERAL (
      SELECT c.id, c.workspace_id, c.deleted_at FROM contacts c
      WHERE c.emails @> jsonb_build_array(jsonb_build_object('address', wanted.address))
      OFFSET 0
    ) hit
  )
  SELECT hits.id, hits.address FROM hits
  WHERE hits.workspace_id = current_setting('app.workspace_id', true)::uuid AND hits.deleted_at IS NULL
$function$;
--> statement-breakpoint
-- GIN's fast-update list makes inserts cheap and every search scan the whole list: while a big
-- import inserts, each look-up of an address would read up to 4 MB of it. An e-mail adds one key
-- to this index, so writing it directly costs little and keeps look-ups at one index probe.
ALTER INDEX contacts_emails_idx SET (fastupdate = off);
--> statement-breakpoint
REVOKE ALL ON FUNCTION contacts_by_email(text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION contacts_by_email(text[]) TO crm_app;
--> statement-breakpoint
-- At start the server resumes imports that a stop or crash interrupted. That is a look across
-- workspaces, which row-level security rightly refuses to crm_app and to a non-superuser login
-- role: this function answers only the two ids of each unfinished import, nothing of its data.
CREATE FUNCTION unfinished_imports()
RETURNS TABLE (workspace_id uuid, id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
  SELECT i.workspace_id, i.id FROM imports i WHERE i.status IN ('queued', 'running') ORDER BY i.created_at
$function$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION unfinished_imports() FROM PUBLIC;
