import { SCHEMAS } from '../../domain/scim.js';

/** What this SCIM service supports (RFC 7643 §5), as clients read it before provisioning. */
export const serviceProviderConfig = (baseUrl: string) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
  documentationUri: `${baseUrl.replace(/\/scim\/v2$/, '')}/api/docs`,
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: MAX_RESULTS },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'Bearer token',
      primary: true,
      description: 'A provisioning token created in Settings > Provisioning, as "Authorization: Bearer <token>".',
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
});

export const MAX_RESULTS = 200;

export const resourceTypes = (baseUrl: string) => [
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'People of the organization',
    schema: SCHEMAS.user,
    schemaExtensions: [{ schema: SCHEMAS.enterprise, required: false }],
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
  },
  {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'Groups of people',
    schema: SCHEMAS.group,
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
  },
];

type Attr = [name: string, type: string, extra?: Record<string, unknown>];
const attribute = ([name, type, extra = {}]: Attr): Record<string, unknown> => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
  ...(extra.subAttributes ? { subAttributes: (extra.subAttributes as Attr[]).map(attribute) } : {}),
});
const multi = (subAttributes: Attr[]) => ({ multiValued: true, subAttributes });
const typed: Attr[] = [
  ['value', 'string'],
  ['type', 'string'],
  ['primary', 'boolean'],
];

const SCHEMA_LIST = [
  {
    id: SCHEMAS.user,
    name: 'User',
    description: 'A person of the organization',
    attributes: (
      [
        [
          'userName',
          'string',
          { required: true, uniqueness: 'server', description: 'The e-mail address the person signs in with' },
        ],
        ['externalId', 'string', { caseExact: true }],
        [
          'name',
          'complex',
          {
            subAttributes: [
              ['formatted', 'string'],
              ['givenName', 'string'],
              ['familyName', 'string'],
            ],
          },
        ],
        ['displayName', 'string'],
        ['title', 'string'],
        ['preferredLanguage', 'string'],
        ['active', 'boolean', { description: 'false: the person cannot sign in; their licenses are kept' }],
        ['emails', 'complex', multi(typed)],
        ['phoneNumbers', 'complex', multi(typed)],
        [
          'addresses',
          'complex',
          multi([
            ['type', 'string'],
            ['formatted', 'string'],
            ['streetAddress', 'string'],
            ['locality', 'string'],
            ['region', 'string'],
            ['postalCode', 'string'],
            ['country', 'string', { description: 'of the work address: the usage location licensing needs' }],
          ]),
        ],
        [
          'groups',
          'complex',
          {
            ...multi([
              ['value', 'string'],
              ['display', 'string'],
            ]),
            mutability: 'readOnly',
          },
        ],
      ] as Attr[]
    ).map(attribute),
  },
  {
    id: SCHEMAS.enterprise,
    name: 'EnterpriseUser',
    description: 'Enterprise User',
    attributes: (
      [
        ['employeeNumber', 'string'],
        ['costCenter', 'string'],
        ['organization', 'string'],
        ['division', 'string'],
        ['department', 'string'],
        [
          'manager',
          'complex',
          {
            subAttributes: [
              ['value', 'string'],
              ['displayName', 'string'],
            ],
          },
        ],
      ] as Attr[]
    ).map(attribute),
  },
  {
    id: SCHEMAS.group,
    name: 'Group',
    description: 'A group of people',
    attributes: (
      [
        ['displayName', 'string', { required: true, uniqueness: 'server' }],
        ['externalId', 'string', { caseExact: true }],
        [
          'members',
          'complex',
          multi([
            ['value', 'string'],
            ['display', 'string'],
          ]),
        ],
      ] as Attr[]
    ).map(attribute),
  },
];

export const schemas = (baseUrl: string) =>
  SCHEMA_LIST.map((s) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    ...s,
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${s.id}` },
  }));
