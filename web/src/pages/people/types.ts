import type { Answer } from '../../api/types';

/** A person as GET /api/people/{id} and the admin's changes answer. */
export type PersonDetail = Answer<'/api/people/{id}'>;
export type Role = PersonDetail['role'];
export const ROLES = ['member', 'admin', 'billing_admin', 'global_reader'] as const satisfies readonly Role[];

export type Invitation = Answer<'/api/people/{id}/reset-password', 'post'>;
