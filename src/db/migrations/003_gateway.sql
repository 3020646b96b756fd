-- The sandbox payment gateway's own records. It stands for an external processor:
-- billing code never reads these tables, it only calls the gateway interface.
CREATE SCHEMA gateway;

CREATE TABLE gateway.cards (
  token        text PRIMARY KEY,
  brand        text NOT NULL,
  last4        char(4) NOT NULL,
  exp_month    smallint NOT NULL,
  exp_year     smallint NOT NULL,
  -- how the sandbox answers charges on this card (from the well-known test numbers)
  outcome      text NOT NULL,
  created_at   timestamptz NOT NULL
);

CREATE TABLE gateway.charges (
  id               text PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  kind             text NOT NULL CHECK (kind IN ('charge', 'refund', 'verification')),
  token            text,
  refunded_charge_id text,
  amount           bigint NOT NULL,
  currency         char(3) NOT NULL,
  status           text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  failure_code     text,
  created_at       timestamptz NOT NULL
);
