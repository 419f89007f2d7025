// The error codes of OAuth 2.0, whose status the protocol fixes at 400 (RFC 6749 §5.2 for the token endpoint,
// RFC 7591 §3.2.2 for client registration, RFC 8628 §3.5 for the device grant, RFC 9449 §12.2 for DPoP), and of the
// protocols built on it that keep that status: OpenID for Verifiable Credential Issuance (§8.3.1.2 for the credential
// endpoint, §9.2 for deferred issuance: `issuance_pending`, `invalid_nonce`), OpenID Connect's request objects:
// `{ "error": "invalid_grant" }` is answered 400 whatever failed, so a 400 that carries one is right.

/** The codes, as words of a text: `invalid_grant`, `authorization_pending`; not the words "invalid grant". */
const OAUTH_ERROR_CODE =
  /\b(?:invalid_(?:request|client|grant|scope|token|redirect_uri|client_metadata|software_statement|dpop_proof|request_uri|request_object|credential_request|proof|proofs|nonce|encryption_parameters|transaction_id)|unauthorized_client|unsupported_(?:grant_type|response_type|token_type|credential_type|credential_format)|authorization_pending|slow_down|access_denied|expired_token|use_dpop_nonce|issuance_pending|credential_request_denied|unknown_credential_(?:configuration|identifier))\b/;

/** Does this text carry one of those codes? */
export function carriesOAuthErrorCode(text: string): boolean {
  return OAUTH_ERROR_CODE.test(text);
}
