-- What each organization was billed by month (UTC) and currency, invoices minus credit notes,
-- void ones included: the admin overview's twelve months read twelve rows here instead of
-- summing up to a million invoices. Only an insert writes here (an invoice's amount, kind,
-- currency and date never change, only its status), under the organization's invoice counter
-- lock that insertInvoice already holds; the few void invoices are taken off when read.
CREATE TABLE invoice_months (
  org_id   uuid NOT NULL,
  month    date NOT NULL,
  currency char(3) NOT NULL,
  amount   bigint NOT NULL,
  PRIMARY KEY (org_id, month, currency)
);

-- per statement: a bulk load of invoices adds each month once
CREATE FUNCTION invoice_months_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO invoice_months (org_id, month, currency, amount)
    SELECT org_id, date_trunc('month', issued_at AT TIME ZONE 'UTC')::date, currency,
           sum(CASE WHEN kind = 'credit_note' THEN -total ELSE total END)
      FROM added GROUP BY 1, 2, 3
  ON CONFLICT (org_id, month, currency) DO UPDATE SET amount = invoice_months.amount + excluded.amount;
  RETURN NULL;
END $$;
CREATE TRIGGER invoice_months_insert AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION invoice_months_add();

INSERT INTO invoice_months (org_id, month, currency, amount)
  SELECT org_id, date_trunc('month', issued_at AT TIME ZONE 'UTC')::date, currency,
         sum(CASE WHEN kind = 'credit_note' THEN -total ELSE total END)
    FROM invoices GROUP BY 1, 2, 3;

-- the void invoices of a period, to take off
CREATE INDEX invoices_void_idx ON invoices (org_id, issued_at) WHERE status = 'void';
