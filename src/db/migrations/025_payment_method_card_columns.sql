-- A card's own columns (brand, expiry, name on card) belong to cards: another way of paying
-- leaves them NULL, and a card still has them all. Every row until now is a card with them set.
ALTER TABLE payment_methods
  ALTER COLUMN brand DROP NOT NULL,
  ALTER COLUMN exp_month DROP NOT NULL,
  ALTER COLUMN exp_year DROP NOT NULL,
  ALTER COLUMN name_on_card DROP NOT NULL,
  ADD CONSTRAINT payment_methods_card_columns CHECK (
    method <> 'card' OR (brand IS NOT NULL AND exp_month IS NOT NULL AND exp_year IS NOT NULL AND name_on_card IS NOT NULL)
  );
