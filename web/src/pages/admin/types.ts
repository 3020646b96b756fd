import type { Money } from '../products/types';

export interface PersonRef { id: string; displayName: string; email: string }

/** A member's self-service purchase as the admin's read-only view shows it. */
export interface Purchase {
  id: string;
  product: { id: string; name: string };
  buyer: PersonRef;
  licensesPurchased: number;
  expirationDate: string;
  purchasePrice: { perLicense: Money; perTerm: Money; total: Money };
  term: 'monthly' | 'annual';
  status: 'trial' | 'active' | 'expired' | 'disabled' | 'deleted';
  assignedUsers: PersonRef[];
}
