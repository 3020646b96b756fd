import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

// a bench stopped with Ctrl-C or a SIGTERM exits through the 'exit' handlers below, which stop what it started
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => process.exit(code));

/** Starts `command` and resolves when `url` answers, with the milliseconds it took. */
export async function startAndWait(command: string[], env: NodeJS.ProcessEnv, url: string, timeoutMs = 60_000) {
  const started = performance.now();
  // its own process group: `npm start` runs node as a child, and both must stop together
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  // detached, it would outlive a bench that fails: a portal left running reconnects to the next
  // run's freshly seeded database and takes part in it (a webhook dispatcher refusing loopback
  // addresses claimed the next run's messages and backed them off)
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  for (;;) {
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${command.join(' ')} did not answer ${url} within ${timeoutMs} ms`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return { child, ms: Math.round(performance.now() - started) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Stops the process and everything it started, and waits until the port is free again. */
export async function stop(child: ChildProcess, url?: string): Promise<void> {
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
  for (let i = 0; url && i < 250; i++) {
    try {
      await fetch(url);
      await new Promise((r) => setTimeout(r, 20));
    } catch {
      return;
    }
  }
}

/** CPU time a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export async function processCpuMs(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process and every process under it (`npm start` runs node through a shell), in MB. */
export async function residentMb(pid: number): Promise<number> {
  const { readFile, readdir } = await import('node:fs/promises');
  const parents = new Map<number, number>();
  for (const task of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    const stat = await readFile(`/proc/${task}/stat`, 'utf8').catch(() => '');
    const parent = Number(stat.split(') ')[1]?.split(' ')[1]);
    if (parent) parents.set(Number(task), parent);
  }
  const under = (p: number): number[] => [
    p,
    ...[...parents].filter(([, parent]) => parent === p).flatMap(([child]) => under(child)),
  ];
  let kb = 0;
  for (const p of under(pid))
    kb += Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${p}/status`, 'utf8').catch(() => ''))?.[1] ?? 0);
  return Math.round(kb / 1024);
}
