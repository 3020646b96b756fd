import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Argon2id (the const enum's value 2) with OWASP's recommended cost; a declared const enum's
// members cannot be read under isolatedModules, hence the number
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- see above
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// verified against when the email is unknown, so both failures take the same time
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword('decoy-password-never-matches'));
