import { useSession } from '../session';

/**
 * Whether the signed-in person may change anything of their own (a global reader reads only). For
 * what has no can object in the API yet: payment methods and billing profiles.
 */
export const useMayWrite = () => useSession().me?.person.role !== 'global_reader';

/** Whether the signed-in person is their organization's admin: the directory and the settings are theirs to change, others read them. */
export const useIsAdmin = () => useSession().me?.person.role === 'admin';
