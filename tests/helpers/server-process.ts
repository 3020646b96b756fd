// A second server in its own process, on the database named by DATABASE_URL: used to prove that
// limits hold across server instances, not only inside one Node process.
import { createServer } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';

const server = await createServer(loadConfig(), { demoPurchases: false });
const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`LISTENING ${url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
