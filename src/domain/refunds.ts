/**
 * Splits a refund over the charges it gives money back from, in the order given (the newest
 * first: the licenses added last go first), never more than what is left on each. What cannot be
 * placed (the charges hold less than asked) is left out: a refund never exceeds what was paid.
 */
export function splitRefund<T extends { refundable: number }>(
  amount: number,
  sources: T[],
): { source: T; amount: number }[] {
  const parts: { source: T; amount: number }[] = [];
  let left = amount;
  for (const source of sources) {
    if (left <= 0) break;
    const take = Math.min(left, source.refundable);
    if (take > 0) parts.push({ source, amount: take });
    left -= take;
  }
  return parts;
}
