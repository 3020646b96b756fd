import type { PersonRecord } from '../../db/people.js';

/** A person as admins see them in the People page and the API. */
export const personView = (p: PersonRecord) => ({
  id: p.id,
  displayName: p.displayName,
  email: p.email,
  usageLocation: p.usageLocation,
  role: p.role,
  status: p.status,
  externalId: p.externalId,
  hasPassword: p.hasPassword,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
export type PersonView = ReturnType<typeof personView>;
