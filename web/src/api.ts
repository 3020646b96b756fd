import type { Schemas } from './api/types';

/** The browser's client of our API: JSON in and out, CSRF header on writes, problems as errors. */

/** A refusal as the API sends it (RFC 9457 with a stable code). */
export type Problem = Schemas['Problem'];
/** The server could not be reached, or answered something else than a problem. */
const networkError = (status: number, title: string): Problem => ({
  type: 'about:blank',
  status,
  code: 'network_error',
  title,
});

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get code() {
    return this.problem.code;
  }
  get status() {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

const isProblem = (data: unknown): data is Problem =>
  typeof data === 'object' && data !== null && typeof (data as { code?: unknown }).code === 'string';

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // offline or the server unreachable: a problem like any other, so the reader gets it in their language
  const response = await fetch(path, {
    method,
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
    credentials: 'same-origin',
  }).catch(() => {
    throw new ApiError(networkError(0, 'The server could not be reached.'));
  });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = isProblem(data) ? data : networkError(response.status, response.statusText);
    if (problem.code === 'unauthenticated' && csrfToken) sessionEvents.dispatchEvent(new Event('expired'));
    throw new ApiError(problem);
  }
  return data as T;
}

/** `expired`: a request of a signed-in person was refused because their session had ended. */
export const sessionEvents = new EventTarget();

/** A fresh key per user intent: a retried click replays instead of charging twice. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

/**
 * The key for the next attempt after a failed one: the same key when the payment's outcome is
 * unknown (the retry then completes the first attempt), a new one after a clear refusal (the
 * person changed something, such as the card).
 */
export const keyAfter = (err: unknown, key: string) =>
  err instanceof ApiError && (err.code === 'payment_unconfirmed' || err.code === 'idempotency_request_in_progress')
    ? key
    : newIdempotencyKey();
