import type { Deps } from '../deps.js';
import { findOrganization } from '../../db/organizations.js';
import { listDomains } from '../../db/domains.js';
import { requireAppRole, type GraphCaller } from './caller.js';
import { resourceNotFound } from './users.js';

export const ORGANIZATION_PROPERTIES = [
  'id',
  'displayName',
  'countryLetterCode',
  'tenantType',
  'verifiedDomains',
  'businessPhones',
  'city',
  'country',
  'postalCode',
  'state',
  'street',
  'preferredLanguage',
  'technicalNotificationMails',
  'assignedPlans',
  'provisionedPlans',
  'onPremisesSyncEnabled',
] as const;

/** Graph's organization: the caller's, with the e-mail domains it has proven (the first one as default). */
export async function getOrganization(deps: Deps, caller: GraphCaller) {
  const actor = requireAppRole(caller, 'Organization.Read.All');
  const [org, domains] = await Promise.all([findOrganization(deps.db, actor.orgId), listDomains(deps.db, actor.orgId)]);
  const verified = domains.filter((d) => d.verifiedAt);
  return {
    id: org!.id,
    displayName: org!.name,
    countryLetterCode: org!.country,
    tenantType: 'AAD',
    verifiedDomains: verified.map((d, i) => ({
      name: d.domain,
      type: 'Managed',
      capabilities: 'Email',
      isDefault: i === 0,
      isInitial: i === 0,
    })),
    businessPhones: [],
    city: null,
    country: null,
    postalCode: null,
    state: null,
    street: null,
    preferredLanguage: null,
    technicalNotificationMails: [],
    assignedPlans: [],
    provisionedPlans: [],
    onPremisesSyncEnabled: null,
  };
}

/** GET /organization/{id}: only the caller's own. */
export async function getOrganizationById(deps: Deps, caller: GraphCaller, id: string) {
  const org = await getOrganization(deps, caller);
  if (org.id !== id.toLowerCase()) throw resourceNotFound(id);
  return org;
}
