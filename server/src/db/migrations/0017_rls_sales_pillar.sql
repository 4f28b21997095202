-- The sales pillar's tables are workspace data: the same isolation as 0002.
GRANT SELECT, INSERT, UPDATE, DELETE ON pipelines, pipeline_stages, stage_steps, deals, deal_contacts, deal_stage_history, deal_steps,
  lead_assignment_rules, products, price_books, product_prices, quotes, quote_lines, orders, order_lines, invoices, invoice_lines,
  payments, document_numbers, sales_targets, sales_settings, exchange_rates TO crm_app;
--> statement-breakpoint
DO $$
DECLARE
  table_name text;
BEGIN
  FOREACH table_name IN ARRAY ARRAY['pipelines', 'pipeline_stages', 'stage_steps', 'deals', 'deal_contacts', 'deal_stage_history', 'deal_steps',
    'lead_assignment_rules', 'products', 'price_books', 'product_prices', 'quotes', 'quote_lines', 'orders', 'order_lines', 'invoices',
    'invoice_lines', 'payments', 'document_numbers', 'sales_targets', 'sales_settings', 'exchange_rates'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', table_name);
    EXECUTE format(
      'CREATE POLICY workspace_isolation ON %I TO crm_app USING (workspace_id = current_setting(''app.workspace_id'', true)::uuid) WITH CHECK (workspace_id = current_setting(''app.workspace_id'', true)::uuid)',
      table_name
    );
  END LOOP;
END $$;
