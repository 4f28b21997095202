-- q= with a whole e-mail address: the trigram index has to intersect the posting lists of every
-- three letters of it, and those of "com", "exa", "ple" hold most of the workspace, so an exact
-- address took ~40 ms at 1M contacts. The address is first looked up in the e-mails index (exact,
-- lower-cased as stored); only when no contact has it does the substring search run.
CREATE OR REPLACE FUNCTION contact_search_candidates(term text, pattern text, prefix text, is_trash boolean, max_rows integer)
RETURNS TABLE (id uuid)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET jit = off
AS $function$
BEGIN
  IF term LIKE '_%@_%' THEN
    RETURN QUERY EXECUTE $query$
    SELECT c.id FROM contacts c
    WHERE c.emails @> jsonb_build_array(jsonb_build_object('address', $1))
      AND c.workspace_id = current_setting('app.workspace_id', true)::uuid
      AND (c.deleted_at IS NOT NULL) = $2
    ORDER BY c.id DESC
    LIMIT $3
    $query$
    USING term, is_trash, max_rows;
    IF FOUND THEN
      RETURN;
    END IF;
  END IF;
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
