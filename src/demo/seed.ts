import type { Database } from '../db/database.js';
import { countOrganizations, insertOrganization } from '../db/organizations.js';
import { insertPeople, type NewPerson } from '../db/people.js';
import { upsertProducts } from '../db/products.js';
import { hashPassword } from '../services/auth/passwords.js';
import { CATALOG } from './catalog.js';
import { CONTOSO_PEOPLE, FABRIKAM_PEOPLE } from './people.js';

export const DEMO_ACCOUNTS = [
  'admin@contoso.example',
  'billing@contoso.example',
  'reader@contoso.example',
  'adele@contoso.example',
  'megan@contoso.example',
  'admin@fabrikam.example',
  'joni@fabrikam.example',
];

/** The demo's organizations and their people, created in this order. */
const DEMO_ORGANIZATIONS = [
  { name: 'Contoso', country: 'FR', currency: 'EUR', invoicePrefix: 'CON', people: CONTOSO_PEOPLE },
  { name: 'Fabrikam', country: 'US', currency: 'USD', invoicePrefix: 'FAB', people: FABRIKAM_PEOPLE },
] as const;

/** The catalog is kept current at every start; it is shared by all organizations. */
export async function seedCatalog(db: Database): Promise<void> {
  await db.transaction((tx) => upsertProducts(tx, CATALOG));
}

/**
 * Loads the demo organizations the first time (when there is none). Every demo person has the
 * same password but a hash (and salt) of their own, as real accounts do: one cracked hash must
 * not open them all. Hashed in parallel on libuv's threads, at the production cost.
 */
export async function seedDemo(db: Database, password: string): Promise<boolean> {
  if ((await countOrganizations(db)) > 0) return false;
  const withHashes = (people: NewPerson[]) =>
    Promise.all(people.map(async (p) => ({ ...p, passwordHash: await hashPassword(password) })));
  const organizations = await Promise.all(
    DEMO_ORGANIZATIONS.map(async ({ people, ...organization }) => ({ organization, people: await withHashes(people) })),
  );
  await db.transaction(async (tx) => {
    if ((await countOrganizations(tx)) > 0) return;
    for (const { organization, people } of organizations) {
      const { id } = await insertOrganization(tx, organization);
      await insertPeople(tx, id, people);
    }
  });
  return true;
}
