import { loadConfig } from './config.js';
import { createServer } from './server.js';
import { DEMO_ACCOUNTS } from './demo/seed.js';
import { LOG_REDACTIONS } from './http/log.js';

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
console.log(`\nSelfserve is running at ${url}  (database: ${server.deps.db.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`);
console.log(`API reference: ${url}/api/docs`);
console.log(`Demo accounts (password "${config.demoPassword}"):\n  ${DEMO_ACCOUNTS.join('\n  ')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().finally(() => process.exit(0));
  });
}
