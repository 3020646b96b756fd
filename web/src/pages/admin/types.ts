import type { Answer } from '../../api/types';

/** A member's self-service purchase as the admin's read-only view shows it. */
export type Purchase = Answer<'/api/admin/self-service-purchases/{id}'>;
