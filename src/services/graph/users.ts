import type { Deps } from '../deps.js';
import type { Actor } from '../../domain/roles.js';
import { findGraphUser, type GraphUserRow } from '../../db/graph-users.js';
import { AppError } from '../../domain/errors.js';
import { isUuid } from '../../domain/cursor.js';

/** Every property of Graph's user this API has, and those Graph returns when no $select names any. */
export const USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'jobTitle',
  'mail',
  'userPrincipalName',
  'businessPhones',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'accountEnabled',
  'usageLocation',
  'assignedLicenses',
  'createdDateTime',
] as const;
export type UserPropertyName = (typeof USER_PROPERTIES)[number];
export const DEFAULT_USER_PROPERTIES: readonly UserPropertyName[] = [
  'businessPhones',
  'displayName',
  'givenName',
  'id',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
];

/** Microsoft Graph's user, as far as this API has it. */
export interface GraphUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  mail: string;
  userPrincipalName: string;
  businessPhones: string[];
  mobilePhone: null;
  officeLocation: null;
  preferredLanguage: null;
  accountEnabled: boolean;
  usageLocation: string | null;
  assignedLicenses: { skuId: string; disabledPlans: string[] }[];
  createdDateTime: Date;
}

/** A person as Microsoft Graph shows a user, with the properties asked for ($select) or Graph's default ones. */
export function shapeUser(
  u: GraphUserRow,
  select: readonly UserPropertyName[] = DEFAULT_USER_PROPERTIES,
): Partial<GraphUser> {
  const all: GraphUser = {
    id: u.id,
    displayName: u.displayName,
    givenName: u.givenName,
    surname: u.surname,
    jobTitle: u.jobTitle,
    mail: u.email,
    userPrincipalName: u.email,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    accountEnabled: u.status === 'active',
    usageLocation: u.usageLocation,
    assignedLicenses: u.assignedLicenses,
    createdDateTime: u.createdAt,
  };
  return Object.fromEntries(select.map((k) => [k, all[k]]));
}

export const resourceNotFound = (id: string) =>
  new AppError(
    'not_found',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    { graphCode: 'Request_ResourceNotFound' },
  );

/** /users/{id | userPrincipalName}: only people of the caller's organization (disabled ones too, as Graph). */
export async function findUser(deps: Deps, actor: Actor, idOrUpn: string): Promise<GraphUserRow> {
  const user = await findGraphUser(deps.db, actor.orgId, isUuid(idOrUpn) ? { id: idOrUpn } : { email: idOrUpn });
  if (!user) throw resourceNotFound(idOrUpn);
  return user;
}
