-- Merges are workspace data: the same isolation as 0002.
GRANT SELECT, INSERT, UPDATE, DELETE ON merges TO crm_app;
--> statement-breakpoint
ALTER TABLE merges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE merges FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY workspace_isolation ON merges TO crm_app
  USING (workspace_id = current_setting('app.workspace_id', true)::uuid)
  WITH CHECK (workspace_id = current_setting('app.workspace_id', true)::uuid);
--> statement-breakpoint
-- Duplicate detection reads every live record of the workspace and groups them by normalised
-- keys. Under row-level security lower(), jsonb_array_elements and similarity() run after the
-- policy on each row and no index helps, so like contact_search_candidates (0003) these run as
-- their owner and only in the workspace the request's transaction has set. Set-based: one
-- GROUP BY per key, and a self-join for similar names blocked on the company and the first two
-- letters of a name, so its cost grows with the size of a company, not of the workspace.
-- Groups larger than max_group (a shared info@ address) say little and are left out.
CREATE FUNCTION duplicate_contact_groups(max_group integer)
RETURNS TABLE (ids uuid[], reason text, score real)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
  WITH live AS MATERIALIZED (
    SELECT c.id, c.emails, c.phones, c.company_id,
           lower(c.first_name || ' ' || coalesce(c.last_name, '')) AS full_name,
           left(lower(c.first_name), 2) AS first_key, left(lower(coalesce(c.last_name, '')), 2) AS last_key
    FROM contacts c
    WHERE c.workspace_id = current_setting('app.workspace_id', true)::uuid AND c.deleted_at IS NULL
  ),
  emails AS (
    SELECT array_agg(DISTINCT l.id ORDER BY l.id) AS ids
    FROM live l CROSS JOIN LATERAL jsonb_array_elements(l.emails) e
    GROUP BY lower(e ->> 'address')
    HAVING count(DISTINCT l.id) BETWEEN 2 AND max_group
  ),
  phones AS (
    SELECT array_agg(DISTINCT l.id ORDER BY l.id) AS ids
    FROM live l CROSS JOIN LATERAL jsonb_array_elements(l.phones) p
    GROUP BY p ->> 'number'
    HAVING count(DISTINCT l.id) BETWEEN 2 AND max_group
  ),
  at_companies AS MATERIALIZED (SELECT * FROM live WHERE company_id IS NOT NULL),
  name_pairs AS (
    SELECT a.id AS a_id, b.id AS b_id, a.full_name AS a_name, b.full_name AS b_name
      FROM at_companies a JOIN at_companies b ON b.company_id = a.company_id AND b.last_key = a.last_key AND b.id > a.id
    UNION
    SELECT a.id, b.id, a.full_name, b.full_name
      FROM at_companies a JOIN at_companies b ON b.company_id = a.company_id AND b.first_key = a.first_key AND b.id > a.id
  )
  SELECT ids, 'same_email', 1::real FROM emails
  UNION ALL
  SELECT ids, 'same_phone', 1::real FROM phones
  UNION ALL
  SELECT ARRAY[a_id, b_id], 'similar_name_same_company', similarity(a_name, b_name)
    FROM name_pairs WHERE similarity(a_name, b_name) >= 0.6
$function$;
--> statement-breakpoint
CREATE FUNCTION duplicate_company_groups(max_group integer)
RETURNS TABLE (ids uuid[], reason text, score real)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
  WITH live AS MATERIALIZED (
    SELECT c.id, lower(c.domain) AS domain, lower(trim(c.name)) AS name
    FROM companies c
    WHERE c.workspace_id = current_setting('app.workspace_id', true)::uuid AND c.deleted_at IS NULL
  )
  SELECT array_agg(id ORDER BY id), 'same_domain', 1::real FROM live WHERE domain IS NOT NULL
    GROUP BY domain HAVING count(*) BETWEEN 2 AND max_group
  UNION ALL
  SELECT array_agg(id ORDER BY id), 'same_name', 1::real FROM live
    GROUP BY name HAVING count(*) BETWEEN 2 AND max_group
$function$;
--> statement-breakpoint
-- Records that look like one just created (or about to be merged): the same e-mail or phone, or
-- a similar name at the same company, read through the indexes (no LIMIT inside the lateral
-- look-ups: with one the planner prefers a sequential scan hoping to stop early); at most 20.
CREATE FUNCTION contact_duplicate_candidates(contact uuid)
RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
  WITH ws AS (SELECT current_setting('app.workspace_id', true)::uuid AS id),
  target AS (SELECT n.* FROM contacts n, ws WHERE n.workspace_id = ws.id AND n.id = contact),
  hits AS (
    SELECT c.id FROM target t CROSS JOIN LATERAL jsonb_array_elements(t.emails) e
      CROSS JOIN LATERAL (SELECT c.id FROM contacts c WHERE c.emails @> jsonb_build_array(jsonb_build_object('address', e ->> 'address'))
                            AND c.workspace_id = t.workspace_id AND c.deleted_at IS NULL AND c.id <> t.id) c
    UNION
    SELECT c.id FROM target t CROSS JOIN LATERAL jsonb_array_elements(t.phones) p
      CROSS JOIN LATERAL (SELECT c.id FROM contacts c WHERE c.phones @> jsonb_build_array(jsonb_build_object('number', p ->> 'number'))
                            AND c.workspace_id = t.workspace_id AND c.deleted_at IS NULL AND c.id <> t.id) c
    UNION
    SELECT c.id FROM target t JOIN contacts c
      ON c.workspace_id = t.workspace_id AND c.company_id = t.company_id AND c.id <> t.id AND c.deleted_at IS NULL
     WHERE similarity(lower(c.first_name || ' ' || coalesce(c.last_name, '')), lower(t.first_name || ' ' || coalesce(t.last_name, ''))) >= 0.6
  )
  SELECT hits.id FROM hits ORDER BY hits.id LIMIT 20
$function$;
--> statement-breakpoint
CREATE FUNCTION company_duplicate_candidates(company uuid)
RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
  SELECT c.id FROM companies t JOIN companies c
    ON c.workspace_id = t.workspace_id AND c.id <> t.id AND c.deleted_at IS NULL
   AND ((t.domain IS NOT NULL AND c.domain = t.domain) OR lower(c.name) = lower(t.name))
  WHERE t.workspace_id = current_setting('app.workspace_id', true)::uuid AND t.id = company
  ORDER BY c.id LIMIT 20
$function$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION duplicate_contact_groups(integer), duplicate_company_groups(integer), contact_duplicate_candidates(uuid), company_duplicate_candidates(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION duplicate_contact_groups(integer), duplicate_company_groups(integer), contact_duplicate_candidates(uuid), company_duplicate_candidates(uuid) TO crm_app;
