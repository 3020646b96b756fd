import type { Deps } from '../services/deps.js';
import { findPeopleByEmailForSignIn } from '../db/people.js';
import { countSubscriptions } from '../db/subscriptions.js';
import { buySubscription } from '../services/subscriptions/buy-subscription.js';

const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' };

/** Demo purchases, so that the guide's pages have something to show on a first start. */
const PURCHASES = [
  {
    email: 'adele@contoso.example',
    productId: 'CFQ7TTC0H9MP',
    term: 'annual',
    quantity: 100,
    name: 'Adèle Vance',
    city: 'Paris',
    country: 'FR',
  },
  {
    email: 'adele@contoso.example',
    productId: 'CFQ7TTC0HDB1',
    term: 'monthly',
    quantity: 5,
    name: 'Adèle Vance',
    city: 'Paris',
    country: 'FR',
  },
  {
    email: 'megan@contoso.example',
    productId: 'CFQ7TTC0HD32',
    term: 'monthly',
    quantity: 10,
    name: 'Megan Bowen',
    city: 'Lyon',
    country: 'FR',
  },
  {
    email: 'joni@fabrikam.example',
    productId: 'CFQ7TTC0H9MP',
    term: 'monthly',
    quantity: 20,
    name: 'Joni Sherman',
    city: 'Seattle',
    country: 'US',
  },
] as const;

/** Buys the demo subscriptions through the real purchase path, once (when nothing was ever bought). */
export async function seedDemoPurchases(deps: Deps): Promise<boolean> {
  if ((await countSubscriptions(deps.db)) > 0) return false;
  for (const p of PURCHASES) {
    const [person] = await findPeopleByEmailForSignIn(deps.db, p.email);
    if (!person) continue;
    const address = { line1: '1 Demo Street', city: p.city, postalCode: '10001' };
    await buySubscription(deps, {
      actor: { orgId: person.orgId, personId: person.id, role: person.role },
      input: {
        productId: p.productId,
        term: p.term,
        quantity: p.quantity,
        card: { ...CARD, nameOnCard: p.name, address: { ...address, country: p.country } },
        billingProfile: { name: p.name, address, country: p.country },
      },
      idempotencyKey: `demo:${p.email}:${p.productId}`,
    });
  }
  return true;
}
