import { enableCompileCache, flushCompileCache } from 'node:module';

// V8 keeps the compiled code of the server and of its packages on disk (Node's compile cache, in
// the temporary directory; `npm install` fills it): compiling them took about a second of each start.
// Enabled before they load, so they come through a dynamic import.
enableCompileCache();
const { serve } = await import('./serve.js');
await serve();
// what the start compiled stays cached even if the process is killed later
flushCompileCache();
