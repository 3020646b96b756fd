import type { Deps } from '../../deps.js';
import { METHOD_TYPES, type MethodType, type PaymentLabel } from '../../../domain/payment-methods.js';
import type { Locale } from '../../../domain/locale.js';
import type { NewPaymentMethod, PaymentMethod } from '../../../db/payment-methods.js';
import { card } from './card.js';
import type { CollectionMethod } from './collection-method.js';

/** Every way to pay, by its type: another is a file beside card.ts and its line here. */
const METHODS = { card } satisfies Record<MethodType, CollectionMethod>;

type ShapeOf<M extends MethodType> = (typeof METHODS)[M] extends CollectionMethod<infer S> ? S : never;

/** A way to pay as the protocol sees it: a saved method's own type picks it, so its details are its own. */
export const methodOf = (type: MethodType): CollectionMethod => METHODS[type];

/** New details as a request gives them: under the member of the way to pay they are for (`card`, ...). */
export type NewDetails = { [M in MethodType as ShapeOf<M>['input']]?: ShapeOf<M>['details'] };

/** An edit as a request gives it: under the member of the saved method's way to pay (`card`, ...). */
export type EditDetails = { [M in MethodType as ShapeOf<M>['input']]?: ShapeOf<M>['edit'] };

/** Checks the edit a request gives for a saved method, under its own way to pay's member: what to store of it. */
export const editOf = (deps: Deps, saved: PaymentMethod, given: EditDetails) =>
  methodOf(saved.method).edit(deps, saved, given[METHODS[saved.method].input] ?? {});

/** What its owner is shown of a saved method's own details: under its way to pay's member, null under the others'. */
export type ShownDetails = { [M in MethodType as ShapeOf<M>['input']]: ShapeOf<M>['shown'] | null };

export function shownDetailsOf(saved: PaymentMethod, now: Date): ShownDetails {
  const none = Object.fromEntries(METHOD_TYPES.map((type) => [METHODS[type].input, null]));
  return { ...none, [METHODS[saved.method].input]: methodOf(saved.method).show(saved, now) } as ShownDetails;
}

/** New details with the way to pay they are for, whose own `save` takes them. */
export interface NewMethod {
  type: MethodType;
  details: unknown;
}

/** Which way to pay a request's new details are for; undefined when it gives none. */
export function newMethodIn(given: NewDetails): NewMethod | undefined {
  for (const type of METHOD_TYPES) {
    const details = given[METHODS[type].input];
    if (details !== undefined) return { type, details };
  }
  return undefined;
}

/** Saves new details with their way to pay's provider: what to store of them. */
export const saveNew = (deps: Deps, { type, details }: NewMethod): Promise<NewPaymentMethod> =>
  methodOf(type).save(deps, details);

/** How invoices, credit notes and quotes name a saved method. */
export const labelOf = (saved: NewPaymentMethod): PaymentLabel => ({
  method: saved.method,
  ...methodOf(saved.method).describe(saved),
});

/** An invoice's "paid on ... by card VISA •••• 4242" words, for the label it keeps. */
export const wordingOf = (label: PaymentLabel, locale: Locale) => methodOf(label.method ?? 'card').wording[locale];
