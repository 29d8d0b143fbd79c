// A local stand-in, on 127.0.0.1 only, for the token services a bot with an app id talks to:
// - the Bot Framework's OpenID metadata and JWKS, which botbuilder reads to validate the tokens
//   Teams sends with every activity (the bot finds them through ToBotFromChannelOpenIdMetadataUrl);
// - an Azure App Service managed identity endpoint (IDENTITY_ENDPOINT / IDENTITY_HEADER), from
//   which the bot, as a UserAssignedMSI app, gets the token for its own calls to the connector.
// Tokens are signed here with node:crypto (RS256), so no JWT library is needed.
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An RSA key the metadata publishes (or not), with the channels it is endorsed for. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Bot Framework endorsements: the channel ids tokens signed by this key may speak for. */
  endorsements: string[];
}

/** A new 2048-bit RSA key, endorsed for Teams unless told otherwise. */
export function newSigningKey(kid: string, endorsements: string[] = ['msteams']): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey, endorsements };
}

export type JwtHeader = { alg: string; typ?: string; kid?: string } & Record<string, unknown>;
export type JwtClaims = Record<string, unknown>;

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** `header.payload` of a JWT, the part that is signed. */
export function signingInput(header: JwtHeader, claims: JwtClaims): string {
  return `${base64url(header)}.${base64url(claims)}`;
}

/** A JWT signed with RS256 by `key` (its kid in the header unless `header` says otherwise). */
export function signRs256(key: SigningKey, claims: JwtClaims, header: Partial<JwtHeader> = {}) {
  const input = signingInput({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }, claims);
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/** A JWT "signed" with HS256 using `secret` as the HMAC key (for algorithm-confusion attacks). */
export function signHs256(secret: string, claims: JwtClaims, header: Partial<JwtHeader> = {}) {
  const input = signingInput({ alg: 'HS256', typ: 'JWT', ...header }, claims);
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** An unsigned JWT (`alg: none`, empty signature). */
export function unsignedJwt(claims: JwtClaims, header: Partial<JwtHeader> = {}): string {
  return `${signingInput({ alg: 'none', typ: 'JWT', ...header }, claims)}.`;
}

/** A request the provider received. */
export interface IdentityRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** The token the managed identity endpoint hands the bot for its outgoing calls. */
export const OUTGOING_TOKEN = 'reisverslag-test-outgoing-token';

/**
 * The local OpenID metadata + JWKS + managed identity endpoint. `publish` decides which keys the
 * JWKS lists; `issuer` is what the metadata calls itself and what valid tokens carry as `iss`.
 */
export class LocalIdentityProvider {
  readonly name = 'identity provider';
  readonly requests: IdentityRequest[] = [];
  /** The secret the managed identity endpoint expects in `X-IDENTITY-HEADER`. */
  readonly identityHeader = 'local-identity-header-secret';
  private readonly published: SigningKey[] = [];
  private server: Server | undefined;
  private baseUrl: string | undefined;

  constructor(readonly issuer: string) {}

  /** Lists `key` in the JWKS. */
  publish(key: SigningKey): void {
    this.published.push(key);
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      this.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
      });
      const answer = this.answer(url, req.headers);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    if (!this.baseUrl) throw new Error('LocalIdentityProvider not started');
    return this.baseUrl;
  }

  /** Where the OpenID metadata document is (ToBotFromChannelOpenIdMetadataUrl). */
  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** The App Service managed identity endpoint (IDENTITY_ENDPOINT). */
  get managedIdentityEndpoint(): string {
    return `${this.url}/msi/token`;
  }

  /** The managed identity token requests received so far. */
  managedIdentityRequests(): IdentityRequest[] {
    return this.requests.filter((r) => r.path === '/msi/token');
  }

  output(): string {
    if (this.requests.length === 0) return 'identity provider: no requests';
    return `identity provider requests:\n${this.requests
      .map((r) => `${r.method} ${r.path}?${r.query.toString()}`)
      .join('\n')}`;
  }

  private answer(url: URL, headers: IncomingHttpHeaders): { status: number; body: unknown } {
    switch (url.pathname) {
      case '/v1/.well-known/openidconfiguration':
        return {
          status: 200,
          body: {
            issuer: this.issuer,
            jwks_uri: `${this.url}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          },
        };
      case '/v1/.well-known/keys':
        return {
          status: 200,
          body: {
            keys: this.published.map((key) => ({
              ...key.publicKey.export({ format: 'jwk' }),
              kid: key.kid,
              use: 'sig',
              alg: 'RS256',
              endorsements: key.endorsements,
            })),
          },
        };
      case '/msi/token': {
        // Azure App Service's managed identity protocol (api-version 2019-08-01).
        if (headers['x-identity-header'] !== this.identityHeader) {
          return { status: 401, body: { error: 'missing or wrong X-IDENTITY-HEADER' } };
        }
        return {
          status: 200,
          body: {
            access_token: OUTGOING_TOKEN,
            expires_on: String(Math.floor(Date.now() / 1000) + 3600),
            resource: url.searchParams.get('resource'),
            token_type: 'Bearer',
            client_id: url.searchParams.get('client_id'),
          },
        };
      }
      default:
        return { status: 404, body: { error: 'not found' } };
    }
  }
}
