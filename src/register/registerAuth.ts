// Who may see the register: a person of an allowed tenant, proven by the Teams single sign-on
// token the page sends (`authentication.getAuthToken` of @microsoft/teams-js). The token is an
// Entra ID access token for the register's own app registration (REGISTER_CLIENT_ID), signed
// with Entra's keys (RS256). See deployment/README.md, "The register: single sign-on".
import { errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Logger } from 'pino';
import { ENTRA_OPENID_METADATA_URL } from '../config';
import { openIdSigningKeys, SigningKeysUnavailableError } from './openIdSigningKeys';

export { SigningKeysUnavailableError };

/** Who is looking at the register. */
export interface RegisterViewer {
  tenantId?: string;
  aadObjectId?: string;
  name?: string;
  anonymous: boolean;
}

/**
 * Resolves the viewer of a register request from its Authorization header; rejects with
 * RegisterAuthError (→ HTTP 401). Any other rejection (SigningKeysUnavailableError: Entra's keys
 * cannot be read) is the server's fault (→ HTTP 503).
 */
export type AuthenticateRegisterViewer = (
  authorizationHeader: string | undefined,
) => Promise<RegisterViewer>;

/**
 * The request is refused: its message says why and how to fix it, for the log only. The client
 * gets no more than REGISTER_UNAUTHORIZED_BODY.
 */
export class RegisterAuthError extends Error {
  override name = 'RegisterAuthError';
}

/** The whole body of a 401 answer: nothing about why, so a prober learns nothing. */
export const REGISTER_UNAUTHORIZED_BODY = { error: 'unauthorized' } as const;

/** Clocks of Entra ID and this server may differ this much (exp, nbf). */
export const CLOCK_SKEW_SECONDS = 60;

export interface RegisterAuthOptions {
  /** REGISTER_CLIENT_ID: the app registration the SSO token is issued for. */
  clientId?: string | undefined;
  /** The bot's MicrosoftAppId. Without it and without clientId: local anonymous mode. */
  botAppId?: string | undefined;
  /** REGISTER_OPENID_METADATA_URL; default Entra ID's common metadata. */
  openIdMetadataUrl?: string | undefined;
  /** ALLOWED_TENANT_IDS (lower case); empty allows every tenant, as for the bot. */
  allowedTenantIds: readonly string[];
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * The audiences a token may carry: the client id itself (v2 tokens,
 * accessTokenAcceptedVersion 2) or an application ID URI that ends in it (v1 tokens), as Teams
 * requires it: `api://<web app host>/<client id>`. Entra only issues a token for an identifier
 * URI registered on that app, so any host before the client id is the same app.
 */
export function isRegisterAudience(audience: string, clientId: string): boolean {
  const id = clientId.toLowerCase();
  const value = audience.toLowerCase();
  if (value === id || value === `api://${id}`) return true;
  if (!value.startsWith('api://') || !value.endsWith(`/${id}`)) return false;
  const host = value.slice('api://'.length, -id.length - 1);
  return host !== '' && !host.includes('/');
}

/** The issuers a token of tenant `tenantId` may carry: Entra v1 and v2, and the metadata's. */
export function acceptedIssuers(tenantId: string, metadataIssuer: string): string[] {
  return [
    `https://sts.windows.net/${tenantId}/`,
    `https://login.microsoftonline.com/${tenantId}/v2.0`,
    metadataIssuer.replace('{tenantid}', tenantId),
  ];
}

const GUID = /^[\da-f]{8}-(?:[\da-f]{4}-){3}[\da-f]{12}$/i;

/** jose's verdicts on a token itself; any other failure is the server's. */
const TOKEN_FAULTS: readonly (abstract new (...args: never[]) => Error)[] = [
  joseErrors.JWTExpired,
  joseErrors.JWTClaimValidationFailed,
  joseErrors.JWTInvalid,
  joseErrors.JWSInvalid,
  joseErrors.JWSSignatureVerificationFailed,
  joseErrors.JOSEAlgNotAllowed,
  joseErrors.JOSENotSupported,
  joseErrors.JWKSNoMatchingKey,
  joseErrors.JWKSMultipleMatchingKeys,
];

/** Why jose refused the token, in words that point at the fix. */
function tokenFault(error: Error): string {
  if (error instanceof joseErrors.JWTExpired) {
    return 'the token has expired: the page asks Teams for a fresh one when it loads; reload the tab (or check this server\u2019s clock)';
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf') {
    return 'the token is not valid yet (nbf): check this server\u2019s clock';
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return 'the token is not signed with RS256 (unsigned or another algorithm): it is not from Entra ID';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'the token is signed by a key that REGISTER_OPENID_METADATA_URL does not publish: it is not from Entra ID, or from another cloud';
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'the token\u2019s signature is wrong: it was changed or not signed by Entra ID';
  }
  return `the token is malformed (${error.message})`;
}

/** The token after `Bearer `; a RegisterAuthError for anything else. */
function bearerToken(authorizationHeader: string | undefined): string {
  const header = authorizationHeader?.trim() ?? '';
  if (header === '') {
    throw new RegisterAuthError(
      'no Authorization header: the register page sends the Teams SSO token as "Authorization: Bearer <token>"; outside Teams there is none (open the register in Teams)',
    );
  }
  const [scheme, token, ...rest] = header.split(' ').filter((part) => part !== '');
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
    throw new RegisterAuthError(
      'the Authorization header is not "Bearer <token>"; the register page sends the Teams SSO token so',
    );
  }
  return token;
}

/** A claim as a string, or undefined. */
function text(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An authenticator that refuses every request: the register is on the internet but has no SSO. */
function refuseAll(options: RegisterAuthOptions): AuthenticateRegisterViewer {
  const reason =
    'REGISTER_CLIENT_ID is not set while the bot runs with an app id (MicrosoftAppId), so nobody can be signed in to the register and every request is refused; register the app for single sign-on and set REGISTER_CLIENT_ID (deployment/README.md, "The register: single sign-on")';
  options.logger.warn({ register: 'off' }, `The register is closed: ${reason}`);
  return async () => {
    throw new RegisterAuthError(reason);
  };
}

/**
 * The authenticator of register requests:
 * - no REGISTER_CLIENT_ID and no bot app id (local anonymous mode, loopback only): everyone is
 *   `{ anonymous: true }`, as the bot takes every activity there;
 * - a bot app id but no REGISTER_CLIENT_ID: every request is refused, logged once now;
 * - REGISTER_CLIENT_ID: the Teams SSO token is checked (signature, issuer, audience, times,
 *   tenant, a user's delegated token) and its person returned.
 */
export function registerAuthenticator(options: RegisterAuthOptions): AuthenticateRegisterViewer {
  const { clientId, allowedTenantIds, logger } = options;
  if (!clientId) {
    if (options.botAppId) return refuseAll(options);
    return async () => ({ anonymous: true });
  }
  const keys = openIdSigningKeys(options.openIdMetadataUrl ?? ENTRA_OPENID_METADATA_URL);
  const allowed = new Set(allowedTenantIds.map((id) => id.toLowerCase()));

  const authenticate = async (authorizationHeader: string | undefined) => {
    const token = bearerToken(authorizationHeader);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys.getKey, {
        // Entra ID signs with RS256 only: `none`, HS256 with the public key as secret, … are refused.
        algorithms: ['RS256'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'iss', 'aud', 'tid'],
      }));
    } catch (error) {
      if (TOKEN_FAULTS.some((fault) => error instanceof fault)) {
        throw new RegisterAuthError(tokenFault(error as Error));
      }
      throw error;
    }

    const tenantId = text(payload, 'tid')?.toLowerCase();
    if (!tenantId || !GUID.test(tenantId)) {
      throw new RegisterAuthError('the token has no tenant (tid): it is not an Entra ID token');
    }
    const issuer = String(payload.iss);
    if (!acceptedIssuers(tenantId, await keys.issuer()).includes(issuer)) {
      throw new RegisterAuthError(
        `the token's issuer ${issuer} is not Entra ID for its tenant ${tenantId}; check REGISTER_OPENID_METADATA_URL`,
      );
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [String(payload.aud)];
    if (!audiences.some((audience) => isRegisterAudience(audience, clientId))) {
      throw new RegisterAuthError(
        `the token is for ${audiences.join(', ')}, not for REGISTER_CLIENT_ID ${clientId} (nor api://<host>/${clientId}): set REGISTER_CLIENT_ID to the app that webApplicationInfo in the Teams app package names`,
      );
    }
    if (allowed.size > 0 && !allowed.has(tenantId)) {
      throw new RegisterAuthError(
        `tenant ${tenantId} is not in ALLOWED_TENANT_IDS; add it there if its people may see the register`,
      );
    }
    // A person's delegated token has scopes; an app's own token (client credentials) has none.
    if (!text(payload, 'scp')) {
      throw new RegisterAuthError(
        'the token has no scope (scp): it is an application\u2019s token, not a person\u2019s; the register page gets a person\u2019s token from Teams',
      );
    }
    const aadObjectId = text(payload, 'oid');
    const name = text(payload, 'name');
    return {
      tenantId,
      ...(aadObjectId ? { aadObjectId } : {}),
      ...(name ? { name } : {}),
      anonymous: false,
    };
  };

  return async (authorizationHeader) => {
    try {
      return await authenticate(authorizationHeader);
    } catch (error) {
      if (error instanceof RegisterAuthError) {
        logger.info({ register: 'refused' }, `Register request refused: ${error.message}`);
      }
      throw error;
    }
  };
}
