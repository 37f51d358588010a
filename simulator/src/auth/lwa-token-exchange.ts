import type { AccessTokens, SimCredentials } from './access-tokens.js';

/** The LWA answer: status and JSON body. */
export interface LwaResponse {
  status: number;
  body: Record<string, unknown>;
}

const lwaError = (status: number, error: string, description: string): LwaResponse => ({
  status,
  body: { error, error_description: description },
});

/** Parses an LWA request body: form-encoded as documented, JSON as LWA also accepts. */
export function parseLwaBody(contentType: string | undefined, raw: string): Record<string, string> | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw));
  if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
      return out;
    } catch {
      return null;
    }
  }
  return null;
}

/** Login with Amazon `POST /auth/o2/token`, refresh-token grant only (what SP-API apps use). */
export function exchangeToken(
  fields: Record<string, string> | null,
  known: readonly SimCredentials[],
  tokens: AccessTokens,
): LwaResponse {
  if (fields === null) {
    return lwaError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded.');
  }
  const grantType = fields.grant_type;
  if (grantType === undefined || grantType === '') {
    return lwaError(400, 'invalid_request', 'The request is missing a required parameter : grant_type');
  }
  if (grantType !== 'refresh_token') {
    return lwaError(
      400,
      'unsupported_grant_type',
      `The authorization grant type is not supported: ${grantType}`,
    );
  }
  for (const name of ['refresh_token', 'client_id', 'client_secret']) {
    if (fields[name] === undefined || fields[name] === '') {
      return lwaError(400, 'invalid_request', `The request is missing a required parameter : ${name}`);
    }
  }
  const client = known.filter(
    (c) => c.clientId === fields.client_id && c.clientSecret === fields.client_secret,
  );
  if (client.length === 0) return lwaError(401, 'invalid_client', 'Client authentication failed');
  const credentials = client.find((c) => c.refreshToken === fields.refresh_token);
  if (credentials === undefined) {
    return lwaError(400, 'invalid_grant', 'The request has an invalid grant parameter : refresh_token');
  }
  return {
    status: 200,
    body: {
      access_token: tokens.issue(credentials),
      refresh_token: credentials.refreshToken,
      token_type: 'bearer',
      expires_in: tokens.ttlSeconds,
    },
  };
}
