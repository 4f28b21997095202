-- These look-ups run in milliseconds, but their planner estimates are large (set-returning
-- functions, jsonb containment), which pushes them over jit_above_cost: PostgreSQL then spent
-- ~400 ms JIT-compiling a 1 ms query on every contact create (measured at 1M contacts).
-- Compiling never pays for queries this short, so JIT is off inside them.
ALTER FUNCTION contact_search_candidates(text, text, text, boolean, integer) SET jit = off;
--> statement-breakpoint
ALTER FUNCTION custom_value_matches(text, jsonb[]) SET jit = off;
--> statement-breakpoint
ALTER FUNCTION contacts_by_email(text[]) SET jit = off;
--> statement-breakpoint
ALTER FUNCTION unfinished_imports() SET jit = off;
--> statement-breakpoint
ALTER FUNCTION duplicate_contact_groups(integer) SET jit = off;
--> statement-breakpoint
ALTER FUNCTION duplicate_company_groups(integer) SET jit = off;
--> statement-breakpoint
ALTER FUNCTION contact_duplicate_candidates(uuid) SET jit = off;
--> statement-breakpoint
ALTER FUNCTION company_duplicate_candidates(uuid) SET jit = off;
