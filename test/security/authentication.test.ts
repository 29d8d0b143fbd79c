// Who gets in, with an app id: every request to /api/messages must carry a Bot Framework token
// that botbuilder's CloudAdapter accepts. Proven offline: a local OpenID metadata + JWKS endpoint
// signs tokens with its own RSA key, and the bot's authentication settings (botbuilder's own
// names: ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, ...) point at it.
//
// The bot runs as it does in Azure, as a user-assigned managed identity (MicrosoftAppType
// UserAssignedMSI): its token for replying comes from an App Service managed identity endpoint
// (IDENTITY_ENDPOINT), which the local provider also serves. So a served turn really replies
// through the fake connector, and nothing leaves the machine. (With MultiTenant + a password the
// reply token comes from MSAL, which insists on an https authority and asks
// login.microsoftonline.com for instance discovery: that cannot be kept on loopback.)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  makeUser,
  personalMessage,
  type BotAccount,
  type TeamsActivity,
  type TeamsUser,
} from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import {
  postActivity,
  reportOnFailure,
  startBot,
  startCosmosServer,
  type BotProcess,
  type CosmosServer,
} from '../support/processes';
import {
  LocalIdentityProvider,
  newSigningKey,
  OUTGOING_TOKEN,
  signHs256,
  signRs256,
  signingInput,
  unsignedJwt,
  type JwtClaims,
} from './support/identityProvider';
import { describeDocuments, StoreProbe } from './support/probes';

/** The bot's app id (a user-assigned managed identity's client id) and its Teams account. */
const APP_ID = randomUUID();
const BOT: BotAccount = { id: `28:${APP_ID}`, name: 'Reisverslag' };
/** What the local token service calls itself; valid tokens carry it as `iss`. */
const ISSUER = 'https://api.botframework.reisverslag.test';
/** The audience of the bot's own outgoing token (ToChannelFromBotOAuthScope). */
const OUTGOING_SCOPE = 'https://api.botframework.reisverslag.test';
/** botbuilder's clock tolerance is 5 minutes: stale and early tokens are 10 minutes off. */
const TEN_MINUTES = 10 * 60;

describe('security: with an app id only valid Bot Framework tokens get in', function () {
  this.timeout(60_000);
  const identity = new LocalIdentityProvider(ISSUER);
  const teamsKey = newSigningKey('teams-key-1');
  const webChatKey = newSigningKey('webchat-key-1', ['webchat']);
  const connector = new FakeConnector();
  /** A service an attacker names as serviceUrl, to receive the bot's replies (and token). */
  const attacker = new FakeConnector();
  let cosmos: CosmosServer;
  let bot: BotProcess;
  let store: StoreProbe;

  before(async () => {
    identity.publish(teamsKey);
    identity.publish(webChatKey);
    await Promise.all([identity.start(), connector.start(), attacker.start()]);
    cosmos = await startCosmosServer();
    bot = await startBot({
      cosmos,
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: randomUUID(),
        MicrosoftAppPassword: undefined,
        // Incoming: Teams' tokens are checked against the local metadata and issuer.
        ToBotFromChannelOpenIdMetadataUrl: identity.metadataUrl,
        ToBotFromChannelTokenIssuer: ISSUER,
        ToBotFromEmulatorOpenIdMetadataUrl: `${identity.url}/emulator/openid-configuration`,
        // Outgoing: every login and token endpoint on loopback too.
        ToChannelFromBotLoginUrl: `${identity.url}/login`,
        ToChannelFromBotOAuthScope: OUTGOING_SCOPE,
        OAuthUrl: `${identity.url}/oauth`,
        ValidateAuthority: 'false',
        IDENTITY_ENDPOINT: identity.managedIdentityEndpoint,
        IDENTITY_HEADER: identity.identityHeader,
        // Nothing else may answer for the managed identity.
        IDENTITY_SERVER_THUMBPRINT: undefined,
        IMDS_ENDPOINT: undefined,
        MSI_ENDPOINT: undefined,
        MSI_SECRET: undefined,
        AZURE_CLIENT_ID: undefined,
        AZURE_CLIENT_SECRET: undefined,
        AZURE_TENANT_ID: undefined,
        AZURE_FEDERATED_TOKEN_FILE: undefined,
      },
    });
    store = new StoreProbe(cosmos, bot.env.COSMOS_DATABASE ?? '');
  });

  after(async () => {
    store?.dispose();
    await bot?.stop();
    await cosmos?.stop();
    await Promise.all([identity.stop(), connector.stop(), attacker.stop()]);
  });

  afterEach(function () {
    reportOnFailure(this.currentTest, bot, cosmos, connector, attacker, identity);
  });

  /** The claims Teams' tokens carry, valid now, for this bot and the connector's serviceUrl. */
  function teamsClaims(overrides: JwtClaims = {}): JwtClaims {
    const now = Math.floor(Date.now() / 1000);
    return {
      serviceurl: connector.url,
      nbf: now - 60,
      exp: now + 3600,
      iss: ISSUER,
      aud: APP_ID,
      ...overrides,
    };
  }

  function messageFrom(user: TeamsUser, serviceUrl = connector.url): TeamsActivity {
    return personalMessage({ serviceUrl, user, bot: BOT, text: 'nieuw verslag' });
  }

  it('serves a valid token: 200, the first question through the connector, a draft in Cosmos DB', async () => {
    const user = makeUser('Noor Bakker');
    const activity = messageFrom(user);
    const token = signRs256(teamsKey, teamsClaims());

    const status = await postActivity(bot.url, activity, { authorization: `Bearer ${token}` });

    assert.equal(status, 200);
    const replies = connector.activitiesIn(activity.conversation.id);
    assert.equal(replies.length, 1, 'one reply: the first question');
    assert.ok(replies[0]?.activity.attachments?.length, 'the question is a card');
    // The reply went out with the bot's own token, fetched from the local managed identity.
    const sent = connector.calls.filter((c) => c.conversationId === activity.conversation.id);
    assert.deepEqual(
      sent.map((c) => c.authorization),
      [`Bearer ${OUTGOING_TOKEN}`],
    );
    const tokenRequest = identity.managedIdentityRequests()[0];
    assert.equal(tokenRequest?.query.get('client_id'), APP_ID);
    assert.equal(tokenRequest?.query.get('resource'), OUTGOING_SCOPE);

    const reports = await store.reportsOf(user.aadObjectId);
    assert.equal(reports.length, 1, 'a draft report');
    assert.equal((reports[0] as { status?: string }).status, 'draft');
    assert.ok(
      (await store.statesOf(activity.conversation.id)).length > 0,
      'the dialog state is stored',
    );
  });

  /** A way a request can fail to prove it comes from Teams for this bot. */
  interface Refused {
    what: string;
    /** The Authorization header, or undefined for none. */
    authorization: () => string | undefined;
    /** The activity's serviceUrl; default the connector's. */
    serviceUrl?: () => string;
  }

  const bearer = (token: string) => `Bearer ${token}`;
  const refused: Refused[] = [
    { what: 'a request without an Authorization header', authorization: () => undefined },
    {
      what: 'an Authorization header that is not a bearer token',
      authorization: () => `Basic ${Buffer.from(`${APP_ID}:secret`).toString('base64')}`,
    },
    {
      what: 'an expired token (exp 10 minutes ago, past the 5-minute clock tolerance)',
      authorization: () => {
        const now = Math.floor(Date.now() / 1000);
        return bearer(
          signRs256(
            teamsKey,
            teamsClaims({ nbf: now - 3600, exp: now - TEN_MINUTES, iat: now - 3600 }),
          ),
        );
      },
    },
    {
      what: 'a token not valid yet (nbf in 10 minutes)',
      authorization: () => {
        const now = Math.floor(Date.now() / 1000);
        return bearer(signRs256(teamsKey, teamsClaims({ nbf: now + TEN_MINUTES })));
      },
    },
    {
      what: 'a token for another bot (aud is another app id)',
      authorization: () => bearer(signRs256(teamsKey, teamsClaims({ aud: randomUUID() }))),
    },
    {
      what: 'a token without an audience',
      authorization: () => bearer(signRs256(teamsKey, teamsClaims({ aud: undefined }))),
    },
    {
      what: 'a token from another issuer',
      authorization: () =>
        bearer(signRs256(teamsKey, teamsClaims({ iss: 'https://api.botframework.com' }))),
    },
    {
      what: 'a token whose claims were changed after signing (bad signature)',
      authorization: () => {
        const [, , signature] = signRs256(teamsKey, teamsClaims({ aud: randomUUID() })).split('.');
        const forged = signingInput({ alg: 'RS256', typ: 'JWT', kid: teamsKey.kid }, teamsClaims());
        return bearer(`${forged}.${signature ?? ''}`);
      },
    },
    {
      what: 'a token signed by another key under the trusted key id (bad signature)',
      authorization: () =>
        bearer(signRs256(newSigningKey(teamsKey.kid), teamsClaims(), { kid: teamsKey.kid })),
    },
    {
      what: 'a token signed by a key the metadata does not publish',
      authorization: () => bearer(signRs256(newSigningKey('unknown-key'), teamsClaims())),
    },
    {
      what: 'an unsigned token (alg none)',
      authorization: () => bearer(unsignedJwt(teamsClaims(), { kid: teamsKey.kid })),
    },
    {
      what: 'an HS256 token keyed with the published public key (algorithm confusion)',
      authorization: () => {
        const publicPem = teamsKey.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
        return bearer(signHs256(publicPem, teamsClaims(), { kid: teamsKey.kid }));
      },
    },
    {
      what: 'a token signed by a key endorsed for another channel (webchat), not msteams',
      authorization: () => bearer(signRs256(webChatKey, teamsClaims())),
    },
    {
      what: 'a token whose serviceurl claim names another service than the activity',
      authorization: () =>
        bearer(
          signRs256(teamsKey, teamsClaims({ serviceurl: 'https://smba.trafficmanager.net/emea/' })),
        ),
    },
    {
      what: "a valid Teams token replayed with an activity whose serviceUrl is an attacker's",
      authorization: () => bearer(signRs256(teamsKey, teamsClaims())),
      serviceUrl: () => attacker.url,
    },
    {
      what: 'a token without a serviceurl claim',
      authorization: () => bearer(signRs256(teamsKey, teamsClaims({ serviceurl: undefined }))),
    },
  ];

  for (const { what, authorization, serviceUrl } of refused) {
    it(`refuses ${what} with 401; nothing is stored or sent`, async () => {
      const user = makeUser('Mallory Onbekend');
      const activity = messageFrom(user, serviceUrl?.() ?? connector.url);
      const header = authorization();
      const callsBefore = connector.calls.length;
      const tokenRequestsBefore = identity.managedIdentityRequests().length;

      const status = await postActivity(
        bot.url,
        activity,
        header === undefined ? {} : { authorization: header },
      );

      const stored = await store.mentioning(user.aadObjectId, user.id, activity.conversation.id);
      assert.equal(stored.length, 0, `stored: ${describeDocuments(stored)}`);
      assert.equal(connector.calls.length, callsBefore, 'nothing was sent to the connector');
      assert.equal(attacker.calls.length, 0, "nothing was sent to the attacker's service");
      assert.equal(
        identity.managedIdentityRequests().length,
        tokenRequestsBefore,
        'no outgoing token was asked for',
      );
      assert.equal(bot.process.exit, undefined, 'the bot still runs');
      assert.equal(status, 401, 'refused as unauthorized');
    });
  }
});
