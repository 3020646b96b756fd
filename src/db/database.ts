import pg from 'pg';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';

/** Something that runs parameterized SQL: the pool or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; retried on serialization failures and deadlocks. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs fn on one connection held throughout (session-level advisory locks). */
  withConnection<T>(fn: (conn: Queryable) => Promise<T>): Promise<T>;
  /** The connection pool's use (PostgreSQL; PGlite has one connection and no pool). */
  poolStats?(): PoolStats;
  /**
   * Hears NOTIFY on a channel until closed. `heard(false)` says notifications may have been
   * missed (the connection dropped; it is opened again), `heard(true)` that they are heard again.
   */
  listen(channel: string, onNotify: (payload: string) => void, heard: (listening: boolean) => void): Promise<void>;
  close(): Promise<void>;
}

export interface PoolStats {
  /** the most connections the pool opens */
  max: number;
  /** connections open, idle or in use */
  total: number;
  idle: number;
  /** requests waiting for a connection */
  waiting: number;
}

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

// bigint columns hold money in minor units and counts: all far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Every parameterized query runs as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of at every call (the SQL texts are constants, so the names are few).
 */
const statementNames = new Map<string, string>();
function prepared(sql: string, params: unknown[] | undefined): pg.QueryConfig {
  if (!params) return { text: sql };
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `s${statementNames.size}`));
  return { name, text: sql, values: params };
}

const queryableOf = (client: pg.PoolClient): Queryable => ({
  query: async <R>(sql: string, params?: unknown[]) => (await client.query(prepared(sql, params))).rows as R[],
  exec: async (sql: string) => {
    await client.query(sql);
  },
});

export function connectPostgres(url: string, poolSize = Number(process.env.SELFSERVE_POOL_SIZE ?? 20)): Database {
  // no JIT: it compiles a query for tens of milliseconds each time its cost estimate passes a
  // threshold, which a page of 50 purchases with their assigned people does; our queries are short
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  const listeners: pg.Client[] = [];
  // an idle client's error (server restart) must not crash the process
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(prepared(sql, params))).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return withRetries(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(queryableOf(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw err;
        } finally {
          client.release();
        }
      });
    },
    async withConnection<T>(fn: (conn: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        return await fn(queryableOf(client));
      } finally {
        client.release();
      }
    },
    poolStats: () => ({ max: poolSize, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    listen: (channel, onNotify, heard) => listenPostgres(url, channel, onNotify, heard, listeners),
    async close() {
      for (const client of listeners.splice(0)) await client.end().catch(() => {});
      await pool.end();
    },
  };
}

/** A connection of its own that LISTENs, opened again (after a second) whenever it drops. */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  heard: (listening: boolean) => void,
  open: pg.Client[],
) {
  const client = new pg.Client({ connectionString: url });
  open.push(client);
  const lost = () => {
    if (!open.includes(client)) return; // closed on purpose
    open.splice(open.indexOf(client), 1);
    heard(false);
    setTimeout(() => void listenPostgres(url, channel, onNotify, heard, open).catch(() => heard(false)), 1000).unref();
  };
  client.on('notification', (n) => onNotify(n.payload ?? ''));
  client.on('error', lost);
  client.on('end', lost);
  await client.connect();
  await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  heard(true);
}

const PGLITE_PARSERS = { [pgliteTypes.INT8]: (v: string) => Number(v) };
// PGlite's default of 160 MB of shared buffers is written through at start and stays resident
// (120 MB of the process's memory); 32 MB holds the demo database's hot pages many times over,
// and a page not there is a read of the data directory's file through the OS's cache
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/**
 * PGlite: one embedded connection; `dataDir` undefined keeps it in memory. `template` gives the
 * files of a new database (see pglite-template.ts); `instance` wraps one already open.
 */
export async function openPglite(
  dataDir?: string,
  opts: { template?: Blob | undefined; instance?: PGlite } = {},
): Promise<Database> {
  const loadDataDir = opts.template ? { loadDataDir: opts.template } : {};
  const db =
    opts.instance ??
    (await PGlite.create(dataDir, { parsers: PGLITE_PARSERS, startParams: PGLITE_START_PARAMS, ...loadDataDir }));
  const database: Database = {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return db.transaction(async (tx) =>
        fn({
          query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    // PGlite has a single connection: this one
    withConnection: (fn) => fn(database),
    async listen(channel, onNotify, heard) {
      await db.listen(channel, onNotify);
      heard(true);
    },
    close: () => db.close(),
  };
  return database;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

export function isCheckViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23514' && (!constraint || e.constraint === constraint);
}
