import type { Body, Schemas } from '../../api/types';
import products from '../../i18n/catalogs/products';

/** A subscription as GET /api/subscriptions answers it. */
export type Subscription = Schemas['Subscription'];
export type Money = Subscription['price'];

type CancelReason = Body<'/api/subscriptions/{id}/cancel', 'post'>['reason'];
// every reason the API takes has its words, `reason.<code>`: a new one fails here until it has them
const catalog = products.en satisfies Record<`reason.${CancelReason}`, string>;

/** The reasons to cancel, in the order the catalog words them: the API's list, not a copy of it. */
export const CANCEL_REASONS = Object.keys(catalog)
  .filter((key) => key.startsWith('reason.'))
  .map((key) => key.slice('reason.'.length) as CancelReason);
