// The fake Bot Connector answers like Teams, over raw HTTP and to botbuilder's own client.
import assert from 'node:assert/strict';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsInfo,
  TurnContext,
  type ConversationReference,
} from 'botbuilder';
import { DEFAULT_BOT, makeTeam, makeUser, personalConversationId } from './activities';
import { askTeams } from '../../src/channel/teamMembership';
import { FakeConnector } from './fakeConnector';

describe('FakeConnector', () => {
  const connector = new FakeConnector();
  const team = makeTeam('Internationale Zaken', ['Reisverslagen']);
  const channelId = team.channels[1]?.id ?? '';

  before(() => connector.start());
  after(() => connector.stop());
  afterEach(() => connector.reset());

  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${connector.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  const enc = encodeURIComponent;

  it('creates a channel thread the way Teams answers: <channel>;messageid=<N>', async () => {
    const { status, body } = await call('POST', 'v3/conversations', {
      isGroup: true,
      channelData: { channel: { id: channelId } },
      activity: { type: 'message', text: 'Verslag' },
    });
    assert.equal(status, 201);
    assert.match(String(body.activityId), /^\d+$/);
    assert.equal(body.id, `${channelId};messageid=${String(body.activityId)}`);
    const [post, ...others] = connector.channelPosts(channelId);
    assert.equal(others.length, 0);
    assert.equal(post?.id, body.activityId);
    assert.equal(post?.activity.text, 'Verslag');
    assert.equal(connector.calls[0]?.kind, 'createConversation');
  });

  it('decodes conversation ids, threads replies and updates in place', async () => {
    const created = await call('POST', 'v3/conversations', {
      isGroup: true,
      channelData: { channel: { id: channelId } },
      activity: { type: 'message', text: 'v1' },
    });
    const thread = String(created.body.id);
    const rootId = String(created.body.activityId);
    const reply = await call('POST', `v3/conversations/${enc(thread)}/activities`, {
      type: 'message',
      text: 'gewijzigd: doel',
    });
    assert.equal(reply.status, 201);
    assert.equal(connector.calls[1]?.conversationId, thread);
    assert.deepEqual(
      connector.threadReplies(rootId).map((p) => p.activity.text),
      ['gewijzigd: doel'],
    );
    const update = await call('PUT', `v3/conversations/${enc(thread)}/activities/${rootId}`, {
      type: 'message',
      text: 'v2',
    });
    assert.deepEqual(update, { status: 200, body: { id: rootId } });
    assert.equal(connector.activity(rootId)?.activity.text, 'v2');
    assert.deepEqual(
      connector.updatesOf(rootId).map((a) => a.text),
      ['v2'],
    );
    // A send to the bare channel id starts another thread.
    const second = await call('POST', `v3/conversations/${enc(channelId)}/activities`, {
      type: 'message',
      text: 'tweede',
    });
    assert.equal(connector.channelPosts(channelId).length, 2);
    assert.equal(connector.activitiesIn(channelId).length, 3);
    assert.equal(connector.activitiesIn(thread).length, 2);
    assert.equal(connector.activity(String(second.body.id))?.rootId, second.body.id);
  });

  it('answers 404 to an update or delete of an unknown activity', async () => {
    const chat = personalConversationId(makeUser('Jan Jansen').id);
    const update = await call('PUT', `v3/conversations/${enc(chat)}/activities/123`, {
      type: 'message',
    });
    assert.equal(update.status, 404);
    const del = await call('DELETE', `v3/conversations/${enc(chat)}/activities/123`);
    assert.equal(del.status, 404);
    const sent = await call('POST', `v3/conversations/${enc(chat)}/activities`, {
      type: 'message',
    });
    const elsewhere = await call(
      'PUT',
      `v3/conversations/${enc(channelId)}/activities/${String(sent.body.id)}`,
      { type: 'message' },
    );
    assert.equal(elsewhere.status, 404, 'an activity is only found in its own conversation');
    assert.equal(connector.updatesOf(String(sent.body.id)).length, 0);
  });

  it('answers an update of a post a person deleted in Teams with 403 ServiceError, or 404', async () => {
    const posted = await call('POST', 'v3/conversations', {
      isGroup: true,
      channelData: { channel: { id: channelId } },
      activity: { type: 'message', text: 'Verslag' },
    });
    const thread = String(posted.body.id);
    const id = String(posted.body.activityId);
    const update = () =>
      call('PUT', `v3/conversations/${enc(thread)}/activities/${id}`, { type: 'message' });
    assert.equal((await update()).status, 200);

    connector.deleteInTeams(id);
    const refused = await update();
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, { error: { code: 'ServiceError', message: 'Unknown' } });
    assert.equal(connector.activity(id)?.deleted, true);

    connector.deleteInTeams(id, 404);
    assert.equal((await update()).status, 404);
    assert.throws(() => connector.deleteInTeams('999'), /no posted activity 999/);
  });

  it('sends the headers of an injected fault, such as Retry-After on a 429', async () => {
    connector.failNext(1, 429, { headers: { 'Retry-After': '7' } });
    const res = await fetch(`${connector.url}v3/conversations/a%3Ax/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message' }),
    });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '7');
  });

  it('waitFor resolves with the value once the call arrives', async () => {
    const chat = personalConversationId(makeUser('Fatima el Amrani').id);
    setTimeout(() => {
      void call('POST', `v3/conversations/${enc(chat)}/activities`, {
        type: 'message',
        text: 'Hoi',
      });
    }, 100);
    const posted = await connector.waitFor((c) => c.activitiesIn(chat)[0], 2000);
    assert.equal(posted.activity.text, 'Hoi');
  });

  it('waitFor rejects after the timeout, listing the calls', async () => {
    await call('POST', 'v3/conversations/a%3Ax/activities', { type: 'message', text: 'iets' });
    await assert.rejects(
      connector.waitFor((c) => c.channelPosts(channelId).length > 0, 150, 'a channel post'),
      (err: Error) => {
        assert.match(err.message, /waitFor\(a channel post\) timed out after 150 ms/);
        assert.match(err.message, /sendToConversation a:x/);
        return true;
      },
    );
  });

  it('fails the next N matching calls with the given status, then recovers', async () => {
    connector.failNext(2, 503, { when: (c) => c.kind === 'sendToConversation' });
    const path = 'v3/conversations/a%3Ay/activities';
    assert.equal((await call('GET', 'v3/conversations/a%3Ay/members/29%3A1abc')).status, 200);
    assert.equal((await call('POST', path, { type: 'message' })).status, 503);
    assert.equal((await call('POST', path, { type: 'message' })).status, 503);
    assert.equal((await call('POST', path, { type: 'message' })).status, 201);
    assert.equal(connector.activitiesIn('a:y').length, 1);
    assert.deepEqual(
      connector.calls.map((c) => c.injectedFault),
      [false, true, true, false],
    );
  });

  it('refuses an activity over the size limit with 413, and unknown routes with 404', async () => {
    const big = { type: 'message', text: 'x'.repeat(101 * 1024) };
    assert.equal((await call('POST', 'v3/conversations/a%3Az/activities', big)).status, 413);
    assert.equal((await call('GET', 'v3/nothing')).status, 404);
    assert.equal(connector.calls[1]?.kind, 'unknown');
  });

  describe("with botbuilder's CloudAdapter in anonymous mode", () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const user = makeUser('Jan Jansen', 'jan.jansen@gemeente.nl');

    it('posts, replies, updates and deletes through the real connector client', async () => {
      connector.addMember(user);
      let thread: ConversationReference | undefined;
      await adapter.createConversationAsync(
        '',
        'msteams',
        connector.url,
        '',
        {
          isGroup: true,
          channelData: { channel: { id: channelId } },
          activity: { type: 'message', text: 'Verslag v1' },
        } as never,
        async (context: TurnContext) => {
          thread = TurnContext.getConversationReference(context.activity) as ConversationReference;
        },
      );
      const threadId = thread?.conversation.id ?? '';
      const [post] = connector.channelPosts(channelId);
      assert.ok(post);
      assert.equal(threadId, `${channelId};messageid=${post.id}`);

      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: connector.url,
        bot: DEFAULT_BOT,
        conversation: { id: threadId, isGroup: true, conversationType: 'channel', name: '' },
      };
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity('Doel gewijzigd');
        await context.updateActivity({ id: post.id, type: 'message', text: 'Verslag v2' });
        const member = await TeamsInfo.getMember(context, user.id);
        assert.equal(member.name, 'Jan Jansen');
        assert.equal(member.email, 'jan.jansen@gemeente.nl');
      });
      assert.equal(connector.activity(post.id)?.activity.text, 'Verslag v2');
      assert.deepEqual(
        connector.threadReplies(post.id).map((p) => p.activity.text),
        ['Doel gewijzigd'],
      );
      const update = connector.callsOf('updateActivity')[0];
      assert.equal(update?.conversationId, threadId);
      assert.match(update?.path ?? '', /19%3A.*%40thread\.tacv2%3Bmessageid%3D\d+/);

      // botbuilder's client retries a 5xx itself; a 4xx reaches the bot as an error.
      connector.failNext(1, 500);
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.deleteActivity(post.id);
      });
      assert.deepEqual(
        connector.callsOf('deleteActivity').map((c) => c.status),
        [500, 200],
      );
      await assert.rejects(
        adapter.continueConversationAsync('', reference, async (context) => {
          await context.deleteActivity(post.id);
        }),
      );
      assert.equal(connector.activity(post.id)?.deleted, true);
    });

    it('answers team membership as Teams does: the member with their userRole, or 404 MemberNotFoundInConversation', async () => {
      const economie = makeTeam('Economie');
      const guest = makeUser('Gast Gerda');
      const outsider = makeUser('Buiten Bert');
      connector.addTeamMember(economie.id, user);
      connector.addTeamMember(economie.id, guest, 'guest');
      const reference: Partial<ConversationReference> = {
        channelId: 'msteams',
        serviceUrl: connector.url,
        bot: DEFAULT_BOT,
        conversation: { id: economie.id, isGroup: true, conversationType: 'channel', name: '' },
      };
      await adapter.continueConversationAsync('', reference, async (context) => {
        const member = await TeamsInfo.getTeamMember(context, economie.id, user.id);
        assert.equal(member.name, 'Jan Jansen');
        assert.equal(member.userRole, 'user');
        assert.equal(
          (await TeamsInfo.getTeamMember(context, economie.id, guest.id)).userRole,
          'guest',
        );
        const refused = await TeamsInfo.getTeamMember(context, economie.id, outsider.id).then(
          () => undefined,
          (error: unknown) =>
            error as { statusCode?: number; details?: { error?: { code?: string } } },
        );
        assert.equal(refused?.statusCode, 404);
        assert.equal(refused?.details?.error?.code, 'MemberNotFoundInConversation');
        // What the bot makes of it.
        assert.deepEqual(await askTeams(context, economie.id, guest.id), {
          name: 'Gast Gerda',
          userRole: 'guest',
        });
        assert.equal(await askTeams(context, economie.id, outsider.id), undefined);
        // Another team without a roster takes every Teams user for a member.
        assert.deepEqual(await askTeams(context, makeTeam('Open').id, outsider.id), {
          name: 'Teams-gebruiker',
          userRole: 'user',
        });
      });
      assert.deepEqual(
        connector
          .callsOf('getConversationMember')
          .map((call) => [call.conversationId, call.status]),
        [
          [economie.id, 200],
          [economie.id, 200],
          [economie.id, 404],
          [economie.id, 200],
          [economie.id, 404],
          [connector.callsOf('getConversationMember').at(-1)?.conversationId, 200],
        ],
      );
    });
  });
});
