import { useSession } from '../session';

/**
 * Whether the signed-in person may change anything of their own (a global reader reads only). For
 * what has no can object in the API yet: payment methods and billing profiles.
 */
export const useMayWrite = () => useSession().me?.person.role !== 'global_reader';
