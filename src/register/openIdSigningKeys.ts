// The signing keys of an OpenID provider (Entra ID), found through its metadata document. jose
// fetches and caches the JWKS, and fetches it again when a token names a key it does not know
// (Entra rolls its keys), at most once every 30 seconds.
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** Host names that never leave this machine: plain http is fine only there (tests). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** How long the metadata (issuer, jwks_uri) is kept before it is read again. */
const METADATA_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** After a failed metadata fetch, requests fail at once for this long instead of each trying. */
const METADATA_RETRY_AFTER_MS = 30_000;
/** How long jose keeps the keys before it reads them again; an unknown kid reads them sooner. */
const KEYS_MAX_AGE_MS = 6 * 60 * 60 * 1000;
/** The least time between two JWKS fetches caused by an unknown kid. */
const KEYS_COOLDOWN_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

/** The provider's keys and what its metadata calls the issuer. */
export interface OpenIdSigningKeys {
  /** The metadata's `issuer`; Entra's common endpoint has `{tenantid}` in it. */
  issuer(): Promise<string>;
  /** The key for a token's header, for jose's jwtVerify. */
  getKey: JWTVerifyGetKey;
}

/** Thrown when the metadata or keys cannot be read: the server's problem, never the viewer's. */
export class SigningKeysUnavailableError extends Error {
  override name = 'SigningKeysUnavailableError';
}

/** True for an https URL, or an http URL on this machine. */
export function isSecureOrLoopbackUrl(url: URL): boolean {
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}

interface Provider {
  issuer: string;
  getKey: JWTVerifyGetKey;
  loadedAt: number;
}

/** How often the keys may be fetched again; tests shorten the cooldown to see a rotation. */
export interface SigningKeysTiming {
  keysCooldownMs?: number;
}

async function readProvider(metadataUrl: string, timing: SigningKeysTiming): Promise<Provider> {
  const fix = `check REGISTER_OPENID_METADATA_URL (${metadataUrl}); Entra ID's is https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(metadataUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new SigningKeysUnavailableError(
      `cannot read the OpenID metadata (${(error as Error).message}); ${fix}, and that this server reaches it`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new SigningKeysUnavailableError(
      `the OpenID metadata answered HTTP ${response.status}; ${fix}`,
    );
  }
  const metadata = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const { issuer, jwks_uri: jwksUri } = metadata;
  if (typeof issuer !== 'string' || typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) {
    throw new SigningKeysUnavailableError(`the OpenID metadata has no issuer or jwks_uri; ${fix}`);
  }
  const jwks = new URL(jwksUri);
  if (!isSecureOrLoopbackUrl(jwks)) {
    throw new SigningKeysUnavailableError(
      `the OpenID metadata's jwks_uri ${jwksUri} is not https; ${fix}`,
    );
  }
  return {
    issuer,
    getKey: createRemoteJWKSet(jwks, {
      timeoutDuration: FETCH_TIMEOUT_MS,
      cooldownDuration: timing.keysCooldownMs ?? KEYS_COOLDOWN_MS,
      cacheMaxAge: KEYS_MAX_AGE_MS,
    }),
    loadedAt: Date.now(),
  };
}

/** The keys behind `metadataUrl`, read on first use and kept (see the durations above). */
export function openIdSigningKeys(
  metadataUrl: string,
  timing: SigningKeysTiming = {},
): OpenIdSigningKeys {
  let current: Promise<Provider> | undefined;
  // What was read last: a failed daily refresh keeps the register open with it.
  let lastGood: Provider | undefined;
  // When to read the metadata again: a day after it was read, 30 s after it failed; 0 meanwhile.
  let retryAt = 0;
  const provider = (): Promise<Provider> => {
    const now = Date.now();
    if (!current || (retryAt > 0 && now >= retryAt)) {
      retryAt = 0;
      current = readProvider(metadataUrl, timing).then(
        (loaded) => {
          // Read the metadata again after a day, in case the provider moves its keys.
          retryAt = loaded.loadedAt + METADATA_MAX_AGE_MS;
          lastGood = loaded;
          return loaded;
        },
        (error: unknown) => {
          retryAt = Date.now() + METADATA_RETRY_AFTER_MS;
          if (lastGood) return lastGood;
          throw error;
        },
      );
    }
    return current;
  };
  return {
    issuer: async () => (await provider()).issuer,
    getKey: async (header, token) => {
      const { getKey } = await provider();
      try {
        return await getKey(header, token);
      } catch (error) {
        // jose's own errors about the token (no key for its kid) go to the caller as they are.
        if ((error as { code?: string }).code?.startsWith('ERR_JWKS_NO_MATCHING')) throw error;
        if ((error as { code?: string }).code?.startsWith('ERR_JWKS_MULTIPLE')) throw error;
        throw new SigningKeysUnavailableError(
          `cannot read the signing keys (${(error as Error).message}); check that this server reaches the jwks_uri of REGISTER_OPENID_METADATA_URL (${metadataUrl})`,
          { cause: error },
        );
      }
    },
  };
}
