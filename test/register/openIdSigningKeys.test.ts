// Entra ID's signing keys as the register keeps them: fetched once, fetched again when a token
// names a key not seen yet (Entra rolls its keys), but not more often than the cooldown allows.
import assert from 'node:assert/strict';
import { errors, jwtVerify } from 'jose';
import { openIdSigningKeys } from '../../src/register/openIdSigningKeys';
import {
  LocalIdentityProvider,
  newSigningKey,
  signRs256,
} from '../security/support/identityProvider';

describe('register: the signing keys from the OpenID metadata', () => {
  let provider: LocalIdentityProvider;
  beforeEach(async () => {
    provider = new LocalIdentityProvider('https://login.microsoftonline.com/{tenantid}/v2.0');
    await provider.start();
  });
  afterEach(() => provider.stop());

  const claims = () => ({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 600 });
  const keyFetches = () =>
    provider.requests.filter((request) => request.path.endsWith('/keys')).length;

  it('finds a key Entra added after the first fetch (a key rollover)', async () => {
    const first = newSigningKey('key-2026-01');
    provider.publish(first);
    const keys = openIdSigningKeys(provider.metadataUrl, { keysCooldownMs: 0 });
    await jwtVerify(signRs256(first, claims()), keys.getKey);
    assert.equal(await keys.issuer(), 'https://login.microsoftonline.com/{tenantid}/v2.0');

    const next = newSigningKey('key-2026-02');
    provider.publish(next);
    await jwtVerify(signRs256(next, claims()), keys.getKey);
    assert.equal(keyFetches(), 2, provider.output());
    // The metadata was read once.
    assert.equal(provider.requests.filter((r) => r.path.endsWith('openidconfiguration')).length, 1);
  });

  it('fetches the keys again at most every 30 s, however many tokens name unknown keys', async () => {
    const known = newSigningKey('known');
    provider.publish(known);
    const keys = openIdSigningKeys(provider.metadataUrl);
    await jwtVerify(signRs256(known, claims()), keys.getKey);
    for (let index = 0; index < 5; index++) {
      await assert.rejects(
        jwtVerify(signRs256(newSigningKey(`forged-${index}`), claims()), keys.getKey),
        errors.JWKSNoMatchingKey,
      );
    }
    assert.equal(keyFetches(), 1, 'a flood of unknown kids does not reach Entra');
  });
});
