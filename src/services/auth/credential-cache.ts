import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { Authenticated } from '../../db/sessions.js';

/** How long a checked credential is trusted without asking the database again. */
export const CREDENTIAL_TTL_MS = 15_000;
const MAX_ENTRIES = 50_000;
export const CREDENTIALS_CHANNEL = 'selfserve_credentials';
const SYNC = 'sync:';

/**
 * The credentials this server checked lately, so that authentication costs no database round
 * trip per request. Trusted only while the database's notifications are heard: every change that
 * ends or alters a person's credentials (revoked, disabled, role changed, deleted) is announced at
 * its commit by a trigger (migration 019), and every server evicts that person at once. While
 * notifications may be missed (the listening connection dropped), nothing is cached.
 */
export class CredentialCache {
  private entries = new Map<string, { credential: Authenticated; until: number }>();
  private heard = false;
  private syncs = new Map<string, () => void>();

  /** Starts hearing the announcements on the database. */
  async listen(db: Database): Promise<void> {
    await db.listen(
      CREDENTIALS_CHANNEL,
      (payload) => {
        if (payload.startsWith(SYNC)) this.syncs.get(payload)?.();
        else this.evictPerson(payload);
      },
      (listening) => {
        this.heard = listening;
        if (!listening) this.entries.clear();
      },
    );
  }

  /**
   * Resolves once this server has heard every announcement committed before: a write's answer
   * waits for it, so that a credential it ended is refused by the next request (PostgreSQL
   * delivers a channel's notifications in commit order). Gives up after a second.
   */
  async caughtUp(db: Database): Promise<void> {
    if (!this.heard) return;
    const marker = SYNC + randomUUID();
    const heard = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      this.syncs.set(marker, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await db.query('SELECT pg_notify($1, $2)', [CREDENTIALS_CHANNEL, marker]);
    await heard;
    this.syncs.delete(marker);
  }

  get(key: string, now: Date): Authenticated | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now.getTime()) return entry.credential;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, credential: Authenticated, now: Date): void {
    if (!this.heard) return;
    // the oldest entry goes first (a Map keeps insertion order)
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { credential, until: now.getTime() + CREDENTIAL_TTL_MS });
  }

  evictPerson(personId: string): void {
    for (const [key, entry] of this.entries) if (entry.credential.person.id === personId) this.entries.delete(key);
  }
}
