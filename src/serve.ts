import { loadConfig } from './config.js';
import { createServer } from './server.js';
import { DEMO_ACCOUNTS } from './demo/seed.js';
import { LOG_REDACTIONS } from './http/log.js';

/** `npm start`: the server on the configured database, until SIGTERM or Ctrl-C. */
export async function serve() {
  const config = loadConfig();
  const server = await createServer(config, {
    runJobs: true,
    logger: {
      level: config.logLevel,
      // secrets never reach a log line
      redact: LOG_REDACTIONS,
    },
  });
  await server.app.listen({ port: config.port, host: config.host });

  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  console.log(
    `\nSelfserve is running at ${url}  (database: ${server.deps.db.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`,
  );
  console.log(`API reference: ${url}/api/docs`);
  console.log(`Demo accounts (password "${config.demoPassword}"):\n  ${DEMO_ACCOUNTS.join('\n  ')}\n`);

  // An orchestrator's SIGTERM or a Ctrl-C: finish what is under way, then exit (1 if it had to be
  // cut). Signals that follow are ignored: `npm start` passes on the one its process group got too.
  let stopping = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      (finished) => process.exit(finished ? 0 : 1),
      (err: unknown) => {
        server.app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
    // a database that no longer answers must not keep the process alive
    setTimeout(() => process.exit(1), (config.shutdownTimeoutSeconds + 5) * 1000).unref();
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
}
