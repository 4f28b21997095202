-- Custom field definitions are workspace data: the same isolation as 0002.
GRANT SELECT, INSERT, UPDATE, DELETE ON custom_fields TO crm_app;
--> statement-breakpoint
ALTER TABLE custom_fields ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE custom_fields FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_isolation ON custom_fields TO crm_app
  USING (workspace_id = current_setting('app.workspace_id', true)::uuid)
  WITH CHECK (workspace_id = current_setting('app.workspace_id', true)::uuid);
--> statement-breakpoint
-- Equality filters on custom values (filter[custom.key][eq|in]) are containment tests,
-- custom @> '{"key": value}', which the GIN jsonb_path_ops index answers. jsonb @> is not
-- leakproof, so under row-level security PostgreSQL checks it only after the policy and, as
-- crm_app, never uses the index (0003 explains the same for search). This function finds the
-- matching ids with the index, as its owner, and only in the workspace the request's
-- transaction has set; the caller's query then reads those rows by primary key under the
-- policy as usual. Each criterion is one containment document; a row matching any is returned.
CREATE FUNCTION custom_value_matches(object_table text, criteria jsonb[])
RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
BEGIN
  IF object_table NOT IN ('contacts', 'companies') THEN
    RAISE EXCEPTION 'custom values are kept on contacts and companies, not on %', object_table;
  END IF;
  RETURN QUERY EXECUTE format($query$
    SELECT r.id FROM unnest($1) AS c(criterion)
    CROSS JOIN LATERAL (
      SELECT t.id FROM %I t
      WHERE t.custom @> c.criterion
        AND t.workspace_id = current_setting('app.workspace_id', true)::uuid
    ) r
  $query$, object_table)
  USING criteria;
END
$function$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION custom_value_matches(text, jsonb[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION custom_value_matches(text, jsonb[]) TO crm_app;
