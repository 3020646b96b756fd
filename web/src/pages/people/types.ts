export const ROLES = ['member', 'admin', 'billing_admin', 'global_reader'] as const;
export type Role = (typeof ROLES)[number];

/** A person as GET /api/people/{id} and the admin's changes answer. */
export interface PersonDetail {
  id: string;
  displayName: string;
  email: string;
  usageLocation: string | null;
  role: Role;
  status: 'active' | 'disabled';
  externalId: string | null;
  hasPassword: boolean;
}

export interface Invitation { url: string; expiresAt: string; emailed: boolean }
