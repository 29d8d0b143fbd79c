// Who gets in: with ALLOWED_TENANT_IDS set, only those Entra tenants use the bot. Anyone else
// gets one short refusal, and nothing of theirs is stored: no report, no dialog state, no
// report channel. Checked in the bot's Cosmos DB database directly.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { textsFor } from '../../src/texts';
import {
  cardSubmit,
  makeTeam,
  makeUser,
  personalMessage,
  teamInstallationUpdate,
  type TeamsActivity,
  type TeamsUser,
} from '../support/activities';
import { postActivity } from '../support/processes';
import { useBotInTeams } from '../support/teams';
import { describeDocuments, StoreProbe } from './support/probes';

const ALLOWED_A = randomUUID();
const ALLOWED_B = randomUUID();

describe('security: only the allowed tenants use the bot (ALLOWED_TENANT_IDS)', function () {
  this.timeout(60_000);
  // As an operator may write it: spaces around the ids.
  const teams = useBotInTeams({ env: { ALLOWED_TENANT_IDS: ` ${ALLOWED_A} , ${ALLOWED_B} ` } });
  const { connector } = teams;
  let store: StoreProbe;

  before(() => {
    store = new StoreProbe(teams.cosmos, teams.bot.env.COSMOS_DATABASE ?? '');
  });

  after(() => store?.dispose());
  /** Asserts the bot answered `activity` with exactly one short text, `expected`. */
  function assertRefused(activity: TeamsActivity, expected: string): void {
    const replies = connector.activitiesIn(activity.conversation.id);
    assert.equal(replies.length, 1, 'one reply');
    const reply = replies[0]?.activity;
    assert.equal(reply?.text, expected);
    assert.ok(expected.length <= 200, 'a short refusal');
    assert.equal(reply?.attachments?.length ?? 0, 0, 'no card');
  }

  /** Asserts no document in any container mentions the user, the conversation or the tenant. */
  async function assertNothingStored(user: TeamsUser, activity: TeamsActivity, tenantId?: string) {
    const needles = [user.aadObjectId, user.id, activity.conversation.id];
    if (tenantId) needles.push(tenantId);
    const stored = await store.mentioning(...needles);
    assert.equal(stored.length, 0, `stored: ${describeDocuments(stored)}`);
    assert.equal(
      (await store.reportsOf(user.aadObjectId)).length,
      0,
      'no report for the traveller',
    );
    assert.equal(
      (await store.statesOf(activity.conversation.id)).length,
      0,
      'no state for the conversation',
    );
  }

  it('refuses a personal message from another tenant with one short message, storing nothing', async () => {
    const tenantId = randomUUID();
    const user = makeUser('Eva Huber');
    const activity = personalMessage({
      serviceUrl: connector.url,
      tenantId,
      user,
      text: 'nieuw verslag',
    });

    assert.equal(await postActivity(teams.bot.url, activity), 200);

    assertRefused(activity, textsFor('nl').tenantRefused);
    await assertNothingStored(user, activity, tenantId);
  });

  it('refuses in English when the Teams client is English', async () => {
    const tenantId = randomUUID();
    const user = makeUser('Lukas Gruber');
    const activity = personalMessage({
      serviceUrl: connector.url,
      tenantId,
      locale: 'en-US',
      user,
      text: 'new report',
    });

    assert.equal(await postActivity(teams.bot.url, activity), 200);

    assertRefused(activity, textsFor('en').tenantRefused);
    await assertNothingStored(user, activity, tenantId);
  });

  it('refuses a card submit from another tenant the same way', async () => {
    const tenantId = randomUUID();
    const user = makeUser('Ana Costa');
    const activity = cardSubmit({
      serviceUrl: connector.url,
      tenantId,
      user,
      value: { action: 'newReport' },
    });

    assert.equal(await postActivity(teams.bot.url, activity), 200);

    assertRefused(activity, textsFor('nl').tenantRefused);
    await assertNothingStored(user, activity, tenantId);
  });

  it('refuses an activity that names no tenant at all', async () => {
    const user = makeUser('Zonder Tenant');
    const activity = personalMessage({ serviceUrl: connector.url, user, text: 'nieuw verslag' });
    const { tenantId: _dropped, ...conversation } = activity.conversation;
    const withoutTenant = { ...activity, conversation, channelData: {} };

    assert.equal(await postActivity(teams.bot.url, withoutTenant), 200);

    assertRefused(activity, textsFor('nl').tenantRefused);
    await assertNothingStored(user, activity);
  });

  it("stores no report channel when the app is installed in another tenant's team, and says nothing", async () => {
    const tenantId = randomUUID();
    const team = makeTeam('Fremdes Team', ['Berichte']);
    const channel = team.channels[1];
    assert.ok(channel);
    const activity = teamInstallationUpdate({
      serviceUrl: connector.url,
      tenantId,
      user: makeUser('Fremde Eigentümerin'),
      team,
      channel,
    });
    const callsBefore = connector.calls.length;

    assert.equal(await postActivity(teams.bot.url, activity), 200);

    assert.equal((await store.channelsOf(tenantId)).length, 0, 'no report channel stored');
    const stored = await store.mentioning(tenantId, team.id, channel.id);
    assert.equal(stored.length, 0, `stored: ${describeDocuments(stored)}`);
    assert.equal(connector.calls.length, callsBefore, 'nothing sent');
  });

  for (const [name, tenantId] of [
    ['the first', ALLOWED_A],
    ['the second', ALLOWED_B],
  ] as const) {
    it(`interviews a traveller of ${name} allowed tenant and stores the draft and dialog state`, async () => {
      const user = makeUser('Noor Bakker');
      const activity = personalMessage({
        serviceUrl: connector.url,
        tenantId,
        user,
        text: 'nieuw verslag',
      });

      assert.equal(await postActivity(teams.bot.url, activity), 200);

      const replies = connector.activitiesIn(activity.conversation.id);
      assert.equal(replies.length, 1, 'one reply: the first question');
      assert.ok(replies[0]?.activity.attachments?.length, 'the question is a card');
      assert.notEqual(replies[0]?.activity.text, textsFor('nl').tenantRefused);
      const reports = await store.reportsOf(user.aadObjectId);
      assert.equal(reports.length, 1, 'a draft report');
      assert.ok((await store.statesOf(activity.conversation.id)).length > 0, 'dialog state');
    });
  }

  it("stores the report channel when the app is installed in an allowed tenant's team", async () => {
    const team = makeTeam('Internationale Zaken', ['Reisverslagen']);
    const channel = team.channels[1];
    assert.ok(channel);
    const activity = teamInstallationUpdate({
      serviceUrl: connector.url,
      tenantId: ALLOWED_A,
      user: makeUser('Iris Vos'),
      team,
      channel,
    });

    assert.equal(await postActivity(teams.bot.url, activity), 200);

    const channels = await store.channelsOf(ALLOWED_A);
    assert.ok(
      channels.some((c) => (c as { channelId?: string }).channelId === channel.id),
      'the report channel is stored',
    );
  });
});
