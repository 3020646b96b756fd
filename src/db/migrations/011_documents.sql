-- Documents (issue 16): the buyer's VAT number, the language people read e-mails in, and the
-- outbox of invoice e-mails.

-- normalized, country prefix first (FR11123456782); its format per country is checked by the application
ALTER TABLE billing_profiles ADD COLUMN vat_number text CHECK (vat_number ~ '^[A-Z]{2}[A-Z0-9+*]{2,18}$');

-- null: the organization's (French in France)
ALTER TABLE people ADD COLUMN language text CHECK (language IN ('fr', 'en'));

-- One row per invoice or credit note, written in the transaction that issues it; the job runner
-- sends it with its PDF and marks it sent, once, or retries a failure later (failed: given up).
-- Skipped: there was no mail server when it was due.
CREATE TABLE invoice_emails (
  org_id          uuid NOT NULL,
  invoice_id      uuid NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  created_at      timestamptz NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  -- when, to which address and in which language it went out
  sent_at         timestamptz,
  sent_to         text,
  language        text CHECK (language IN ('fr', 'en')),
  PRIMARY KEY (org_id, invoice_id),
  FOREIGN KEY (org_id, invoice_id) REFERENCES invoices(org_id, id)
);
CREATE INDEX invoice_emails_pending_idx ON invoice_emails (next_attempt_at) WHERE status = 'pending';
