/** SCIM 2.0 (RFC 7643/7644) names and the mapping between a person and a SCIM User. */

export const SCHEMAS = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
  list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const;

export type ScimResource = Record<string, unknown>;

/** What a SCIM User sets on a person. */
export interface ScimUserFields {
  email: string;
  displayName: string;
  usageLocation: string | null;
  active: boolean;
  externalId: string | null;
  /** the attributes we keep as given and send back (name, title, phone numbers, enterprise extension...) */
  attributes: Record<string, unknown>;
}

/** A refusal in SCIM's terms: the route answers it as a SCIM Error with this scimType. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const MODELED = new Set([
  'schemas',
  'id',
  'meta',
  'username',
  'displayname',
  'emails',
  'active',
  'externalid',
  'password',
  'groups',
]);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Entra ID sends booleans as the strings "True" and "False". */
export function scimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new ScimError(400, 'invalidValue', `${attribute} must be true or false.`);
}

const get = (r: ScimResource, name: string) =>
  Object.entries(r).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
type Multi = { type?: string; primary?: boolean | string; value?: unknown; country?: unknown }[];
const pick = (values: unknown, type: string): Multi[number] | undefined => {
  if (!Array.isArray(values)) return undefined;
  const list = values as Multi;
  return list.find((v) => v.primary === true || v.primary === 'True') ?? list.find((v) => v.type === type) ?? list[0];
};

/**
 * The person a SCIM User describes. The e-mail is userName when it is an address (Entra sends
 * the userPrincipalName), else the primary or work e-mail; the usage location is the work
 * address's country, where Entra maps usageLocation.
 */
export function scimUserFields(r: ScimResource): ScimUserFields {
  const userName = get(r, 'userName');
  if (typeof userName !== 'string' || !userName.trim())
    throw new ScimError(400, 'invalidValue', 'userName is required.');
  const email = EMAIL.test(userName.trim()) ? userName.trim() : pick(get(r, 'emails'), 'work')?.value;
  if (typeof email !== 'string' || !EMAIL.test(email)) {
    throw new ScimError(
      400,
      'invalidValue',
      'userName or a work e-mail must be an e-mail address: people sign in with it.',
    );
  }
  const name = get(r, 'name') as { formatted?: unknown; givenName?: unknown; familyName?: unknown } | undefined;
  const fromName = [name?.givenName, name?.familyName].filter((p) => typeof p === 'string' && p).join(' ');
  const displayName = [get(r, 'displayName'), name?.formatted, fromName, userName].find(
    (v) => typeof v === 'string' && v.trim(),
  ) as string;
  const country = (
    Array.isArray(get(r, 'addresses'))
      ? ((get(r, 'addresses') as Multi).find((a) => a.type === 'work') ?? pick(get(r, 'addresses'), 'work'))
      : undefined
  )?.country;
  if (
    country !== undefined &&
    country !== null &&
    country !== '' &&
    !(typeof country === 'string' && /^[A-Za-z]{2}$/.test(country))
  ) {
    throw new ScimError(
      400,
      'invalidValue',
      'addresses[type eq "work"].country is the usage location: a two-letter ISO 3166 code such as FR.',
    );
  }
  const externalId = get(r, 'externalId');
  const active = get(r, 'active');
  return {
    email: email.toLowerCase(),
    displayName: displayName.trim().slice(0, 256),
    usageLocation: typeof country === 'string' && country ? country.toUpperCase() : null,
    active: active === undefined ? true : scimBoolean(active, 'active'),
    externalId: typeof externalId === 'string' && externalId ? externalId : null,
    attributes: Object.fromEntries(Object.entries(r).filter(([k]) => !MODELED.has(k.toLowerCase()))),
  };
}

/** A person as a SCIM User: our fields, with the other attributes the client gave kept as they were. */
export function scimUser(
  p: {
    id: string;
    email: string;
    displayName: string;
    usageLocation: string | null;
    status: string;
    externalId: string | null;
    scimAttributes: Record<string, unknown>;
    createdAt: Date;
    updatedAt: Date;
  },
  location: string,
): ScimResource {
  const attrs = p.scimAttributes;
  const addresses = (Array.isArray(attrs.addresses) ? (attrs.addresses as Multi) : []).filter((a) => a.type !== 'work');
  const work = (Array.isArray(attrs.addresses) ? (attrs.addresses as Multi) : []).find((a) => a.type === 'work');
  if (work || p.usageLocation) addresses.unshift({ ...work, type: 'work', country: p.usageLocation ?? undefined });
  return {
    schemas: [SCHEMAS.user, ...(attrs[SCHEMAS.enterprise] ? [SCHEMAS.enterprise] : [])],
    id: p.id,
    ...(p.externalId ? { externalId: p.externalId } : {}),
    userName: p.email,
    displayName: p.displayName,
    ...attrs,
    ...(addresses.length ? { addresses } : {}),
    emails: [{ value: p.email, type: 'work', primary: true }],
    active: p.status === 'active',
    meta: { resourceType: 'User', created: p.createdAt, lastModified: p.updatedAt, location },
  };
}

export interface ScimListQuery {
  filter?: string;
  /** 1-based */
  startIndex: number;
  count: number;
  attributes?: string;
  excludedAttributes?: string;
}

export const listResponse = (total: number, q: ScimListQuery, resources: ScimResource[]) => ({
  schemas: [SCHEMAS.list],
  totalResults: total,
  startIndex: q.startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});

const ALWAYS = new Set(['id', 'schemas', 'meta']);
const names = (list?: string) =>
  new Set(
    (list ?? '')
      .split(',')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
  );

/** `attributes` and `excludedAttributes` on top-level names (Entra asks for groups without their members). */
export function project(
  resource: ScimResource,
  q: Pick<ScimListQuery, 'attributes' | 'excludedAttributes'>,
): ScimResource {
  const only = names(q.attributes);
  const excluded = names(q.excludedAttributes);
  return Object.fromEntries(
    Object.entries(resource).filter(([k]) => {
      const key = k.toLowerCase();
      return ALWAYS.has(key) || ((only.size === 0 || only.has(key)) && !excluded.has(key));
    }),
  );
}
