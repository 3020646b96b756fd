import type { Database } from '../db/database.js';
import { countOrganizations, insertOrganization } from '../db/organizations.js';
import { insertPeople } from '../db/people.js';
import { upsertProducts } from '../db/products.js';
import { hashPassword } from '../services/auth/passwords.js';
import { CATALOG } from './catalog.js';
import { CONTOSO_PEOPLE, FABRIKAM_PEOPLE } from './people.js';

export const DEMO_ACCOUNTS = [
  'admin@contoso.example', 'billing@contoso.example', 'reader@contoso.example', 'adele@contoso.example',
  'megan@contoso.example', 'admin@fabrikam.example', 'joni@fabrikam.example',
];

/** The catalog is kept current at every start; it is shared by all organizations. */
export async function seedCatalog(db: Database): Promise<void> {
  await db.transaction((tx) => upsertProducts(tx, CATALOG));
}

/**
 * Loads the demo organizations the first time (when there is none). Every demo person shares
 * one password, so it is hashed once.
 */
export async function seedDemo(db: Database, password: string): Promise<boolean> {
  if ((await countOrganizations(db)) > 0) return false;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    if ((await countOrganizations(tx)) > 0) return;
    const contoso = await insertOrganization(tx, { name: 'Contoso', country: 'FR', currency: 'EUR', invoicePrefix: 'CON' });
    await insertPeople(tx, contoso.id, CONTOSO_PEOPLE.map((p) => ({ ...p, passwordHash })));
    const fabrikam = await insertOrganization(tx, { name: 'Fabrikam', country: 'US', currency: 'USD', invoicePrefix: 'FAB' });
    await insertPeople(tx, fabrikam.id, FABRIKAM_PEOPLE.map((p) => ({ ...p, passwordHash })));
  });
  return true;
}
