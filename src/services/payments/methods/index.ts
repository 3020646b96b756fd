import type { MethodType } from '../../../domain/payment-methods.js';
import { card } from './card.js';
import type { CollectionMethod } from './collection-method.js';

/** Every way to pay, by its type: another is a file beside card.ts and its line here. */
const METHODS: Record<MethodType, CollectionMethod<never, never>> = { card };

export const methodOf = (type: MethodType) => METHODS[type];
