/**
 * A refusal the user can act on. Rendered as RFC 9457 problem+json with a stable `code`;
 * `extra` fields (such as the people concerned) are added to the problem document.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const forbidden = (code = 'forbidden', message = 'You are not allowed to do this.') =>
  new AppError(403, code, message);
