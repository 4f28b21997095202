-- Typed values of custom fields for per-field expression indexes (built by the job in
-- server/src/customers/custom-fields/custom-field-indexes.job.ts). Under row-level security
-- PostgreSQL uses an index for a filter only when every function in it is leakproof, and
-- `(custom ->> key)::numeric`, jsonb operators and numeric comparisons are not
-- (docs/decisions/0004-custom-fields-in-jsonb.md). These functions return types whose
-- comparisons are leakproof (double precision, date, text), and never raise: a value of the
-- wrong shape reads as null, so declaring them LEAKPROOF is honest. They are plpgsql so the
-- planner never inlines them into their non-leakproof bodies. Only pg_catalog functions are
-- called, which come first on any search_path.

-- A number, or a money amount with path {key,amount}. JavaScript numbers are doubles, so the
-- conversion is exact for every value the API stores; absurd magnitudes saturate instead of raising.
CREATE FUNCTION custom_number_value(custom jsonb, path text[])
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $function$
DECLARE
  value jsonb := custom #> path;
  amount numeric;
BEGIN
  IF jsonb_typeof(value) IS DISTINCT FROM 'number' THEN
    RETURN NULL;
  END IF;
  amount := value::numeric;
  IF abs(amount) >= 1e308 THEN
    RETURN sign(amount) * 'Infinity'::double precision;
  END IF;
  IF abs(amount) < 1e-307 THEN
    RETURN 0;
  END IF;
  RETURN amount::double precision;
END
$function$;
--> statement-breakpoint
-- A YYYY-MM-DD date, checked by hand: a cast would raise on 2023-02-30.
CREATE FUNCTION custom_date_value(custom jsonb, key text)
RETURNS date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $function$
DECLARE
  value text;
  year integer;
  month integer;
  day integer;
  last_day integer;
BEGIN
  IF jsonb_typeof(custom -> key) IS DISTINCT FROM 'string' THEN
    RETURN NULL;
  END IF;
  value := custom ->> key;
  IF value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RETURN NULL;
  END IF;
  year := substr(value, 1, 4)::integer;
  month := substr(value, 6, 2)::integer;
  day := substr(value, 9, 2)::integer;
  IF year < 1 OR month < 1 OR month > 12 OR day < 1 THEN
    RETURN NULL;
  END IF;
  last_day := CASE
    WHEN month = 2 THEN CASE WHEN year % 4 = 0 AND (year % 100 <> 0 OR year % 400 = 0) THEN 29 ELSE 28 END
    WHEN month IN (4, 6, 9, 11) THEN 30
    ELSE 31
  END;
  IF day > last_day THEN
    RETURN NULL;
  END IF;
  RETURN make_date(year, month, day);
END
$function$;
--> statement-breakpoint
-- A select option's value. Option values are at most 100 characters (contracts); a longer
-- string reads as null, so no stored value can outgrow a btree index row and fail a write.
CREATE FUNCTION custom_option_value(custom jsonb, key text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $function$
BEGIN
  IF jsonb_typeof(custom -> key) IS DISTINCT FROM 'string' OR length(custom ->> key) > 100 THEN
    RETURN NULL;
  END IF;
  RETURN custom ->> key;
END
$function$;
--> statement-breakpoint
-- LEAKPROOF needs a superuser (migrations run as one on PGlite and on the test and CI
-- PostgreSQL). Elsewhere the functions stay as they are: the indexes still serve sorts, and the
-- server, seeing proleakproof false, filters the way it did before (custom-field-indexes.repository.ts).
DO $block$
BEGIN
  ALTER FUNCTION custom_number_value(jsonb, text[]) LEAKPROOF;
  ALTER FUNCTION custom_date_value(jsonb, text) LEAKPROOF;
  ALTER FUNCTION custom_option_value(jsonb, text) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'custom field value functions are not leakproof (needs a superuser); range filters on custom fields will not use their indexes';
END
$block$;
--> statement-breakpoint
-- At start the server compares each contact and company field of an indexed type with the
-- per-field indexes that exist (named custom_field_<id without dashes>_asc/_desc), and queues the
-- job for each field whose indexes are missing or invalid and for each index whose field is gone.
-- That is a look across workspaces, so it is a function answering ids only, like unfinished_imports.
CREATE FUNCTION custom_field_index_drift(indexed_types text[])
RETURNS TABLE (workspace_id uuid, field_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $function$
  SELECT f.workspace_id, f.id
  FROM custom_fields f
  WHERE f.object IN ('contact', 'company') AND f.type = ANY (indexed_types)
    AND (
      SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indisvalid AND c.relname IN ('custom_field_' || replace(f.id::text, '-', '') || '_asc', 'custom_field_' || replace(f.id::text, '-', '') || '_desc')
    ) < 2
  UNION
  SELECT NULL, substr(c.relname, 14, 32)::uuid
  FROM pg_class c
  WHERE c.relkind = 'i' AND c.relname ~ '^custom_field_[0-9a-f]{32}_(asc|desc)$'
    AND NOT EXISTS (SELECT 1 FROM custom_fields f WHERE f.id = substr(c.relname, 14, 32)::uuid)
$function$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION custom_field_index_drift(text[]) FROM PUBLIC;
