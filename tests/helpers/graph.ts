import type { GraphError } from '@microsoft/microsoft-graph-client';

/** The GraphError the official Graph client throws for a refused call. */
export async function graphError(run: () => Promise<unknown>): Promise<GraphError> {
  try {
    await run();
  } catch (err) {
    return err as GraphError;
  }
  throw new Error('expected a Graph error');
}
