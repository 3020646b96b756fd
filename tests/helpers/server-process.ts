// A second server in its own process, on the database named by DATABASE_URL: used to prove that
// limits hold across server instances, not only inside one Node process.
import { createServer } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/domain/clock.js';
import { runJobsOnce } from '../../src/services/jobs/run-jobs.js';

// the test's clock, so that both servers agree on what time it is
const clock = process.env.SELFSERVE_TEST_NOW ? new ManualClock(process.env.SELFSERVE_TEST_NOW) : undefined;
// SELFSERVE_TEST_WEBHOOKS=1: this server delivers webhooks, as every server of a deployment does
const server = await createServer(loadConfig(), {
  demoPurchases: false,
  ...(clock && { clock }),
  webhooks: process.env.SELFSERVE_TEST_WEBHOOKS === '1',
});
// after a crash: finish every charge left pending before taking requests (no other server runs)
if (process.env.SELFSERVE_RECONCILE_ALL) await runJobsOnce(server.deps, { reconcileAll: true });
const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`LISTENING ${url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
