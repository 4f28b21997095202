-- Under row-level security PostgreSQL applies a query's non-leakproof conditions (LIKE,
-- word_similarity) only after the policy, so as crm_app no index can serve q= search and every
-- contact of the workspace is scanned. This function gathers candidates with the indexes, as its
-- owner, and only in the workspace the request's transaction has set: name-prefix hits (btree),
-- substring hits on names, e-mails and phones (trigram index from three characters), and contacts
-- of companies whose name matches. Each source is capped, so the cost does not grow with the
-- number of matches; the best-ranked max_rows are returned, and the caller's query reads them
-- by primary key under the policy as usual. Dynamic SQL, because a plan made for unknown
-- values cannot use the btree index for LIKE 'abc%'; EXECUTE plans with the actual ones.
CREATE FUNCTION contact_search_candidates(term text, pattern text, prefix text, is_trash boolean, max_rows integer)
RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
BEGIN
  RETURN QUERY EXECUTE $query$
  WITH hits AS (
    (SELECT c.id FROM contacts c
      WHERE c.workspace_id = current_setting('app.workspace_id', true)::uuid
        AND lower(c.last_name) LIKE $3 AND (c.deleted_at IS NOT NULL) = $4
      LIMIT $5)
    UNION
    (SELECT c.id FROM contacts c
      WHERE c.workspace_id = current_setting('app.workspace_id', true)::uuid
        AND lower(c.first_name) LIKE $3 AND (c.deleted_at IS NOT NULL) = $4
      LIMIT $5)
    UNION
    (SELECT c.id FROM contacts c
      WHERE c.search_text LIKE $2
        AND c.workspace_id = current_setting('app.workspace_id', true)::uuid
        AND (c.deleted_at IS NOT NULL) = $4
      LIMIT $5)
    UNION
    (SELECT c.id FROM contacts c
      WHERE c.workspace_id = current_setting('app.workspace_id', true)::uuid
        AND c.company_id = ANY (ARRAY(
          SELECT co.id FROM companies co
          WHERE co.workspace_id = current_setting('app.workspace_id', true)::uuid
            AND lower(co.name) LIKE $2 AND co.deleted_at IS NULL
          LIMIT 20))
        AND (c.deleted_at IS NOT NULL) = $4
      LIMIT $5)
  )
  SELECT c.id
  FROM hits JOIN contacts c ON c.id = hits.id AND c.workspace_id = current_setting('app.workspace_id', true)::uuid
  ORDER BY (CASE WHEN lower(c.first_name) LIKE $3 OR lower(c.last_name) LIKE $3 THEN 1 ELSE 0 END)
           + word_similarity($1, c.search_text) DESC, c.id DESC
  LIMIT $5
  $query$
  USING term, pattern, prefix, is_trash, max_rows;
END
$function$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION contact_search_candidates(text, text, text, boolean, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION contact_search_candidates(text, text, text, boolean, integer) TO crm_app;
