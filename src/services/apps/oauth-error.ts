/**
 * A refusal of the token endpoint in OAuth 2.0's terms (RFC 6749 §5.2), with Entra ID's AADSTS
 * number, which Microsoft's libraries show and their users search for.
 */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error:
      | 'invalid_request'
      | 'invalid_tenant'
      | 'invalid_client'
      | 'unauthorized_client'
      | 'unsupported_grant_type'
      | 'unsupported_response_type'
      | 'invalid_scope'
      | 'invalid_resource',
    readonly aadsts: number,
    description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}
