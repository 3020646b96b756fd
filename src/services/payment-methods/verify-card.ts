import type { Deps } from '../deps.js';
import { declined, type CardDetails } from '../../domain/cards.js';
import type { TokenizedCard } from '../../gateway/gateway.js';

/**
 * Tokenizes a new card and verifies it with a zero-amount check, outside any transaction (the
 * gateway is an external service). Afterwards only the token, brand, last four digits and
 * expiry exist on our side; the caller stores them in its own transaction.
 */
export async function tokenizeAndVerifyCard(deps: Deps, card: CardDetails): Promise<TokenizedCard> {
  const tokenized = await deps.gateway.tokenize(card);
  const check = await deps.gateway.verify(tokenized.token);
  if (!check.ok) throw declined(check.failureCode);
  return tokenized;
}
