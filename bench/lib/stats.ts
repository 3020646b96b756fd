/** Latency percentiles in milliseconds, from samples in milliseconds. */
export function percentiles(samples: number[]): { p50: number; p95: number; p99: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), n: sorted.length };
}

/**
 * Runs `clients` loops of `work` for `durationMs`, each loop timing its own iterations: a closed
 * system, as many requests in flight as clients.
 */
export async function closedLoop(
  clients: number,
  durationMs: number,
  work: (client: number, i: number) => Promise<void>,
) {
  const latencies: number[] = [];
  const deadline = performance.now() + durationMs;
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t = performance.now();
        try {
          await work(client, i);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          if (errors <= 3) console.error(`  error: ${(err as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: Math.round(latencies.length / seconds), errors, ...percentiles(latencies) };
}
