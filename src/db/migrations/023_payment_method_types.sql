-- A payment method, and each charge or refund, say which way of paying they belong to (a
-- collection method of src/services/payments/methods/): every one until now is a card.
ALTER TABLE payment_methods ADD COLUMN method text NOT NULL DEFAULT 'card';
ALTER TABLE charges ADD COLUMN method text NOT NULL DEFAULT 'card';
