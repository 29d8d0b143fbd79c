import assert from 'node:assert/strict';
import { botChatDeepLink, postDeepLink } from '../../src/channel/deepLink';
import type { ChannelPost } from '../../src/report/report';

const post: ChannelPost = {
  conversationId: '19:a1b2c3@thread.tacv2;messageid=1762164000000',
  activityId: '1762164000000',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  teamId: '19:team@thread.tacv2',
  teamName: 'Internationale Zaken',
  channelId: '19:a1b2c3@thread.tacv2',
  channelName: 'Reisverslagen',
  teamAadGroupId: '4d6a1f3e-2b7c-4e8d-9f10-1a2b3c4d5e6f',
  postedAt: '2026-11-03T10:00:00.000Z',
  syncedVersion: 1,
};

describe('postDeepLink: the link to a report’s post in its channel', () => {
  it('follows Teams’ documented format of a deep link to a channel message, createdTime included', () => {
    const url = new URL(postDeepLink(post, 'tenant-1'));
    assert.equal(url.origin, 'https://teams.microsoft.com');
    assert.equal(
      url.pathname,
      `/l/message/${encodeURIComponent(post.channelId)}/${post.activityId}`,
    );
    assert.deepEqual(
      [...url.searchParams.entries()],
      [
        ['tenantId', 'tenant-1'],
        ['groupId', '4d6a1f3e-2b7c-4e8d-9f10-1a2b3c4d5e6f'],
        ['parentMessageId', '1762164000000'],
        ['teamName', 'Internationale Zaken'],
        ['channelName', 'Reisverslagen'],
        ['createdTime', String(Date.parse('2026-11-03T10:00:00.000Z'))],
      ],
    );
  });

  it('leaves out what the post lacks, and is empty without a post', () => {
    const { teamName: _t, channelName: _c, teamAadGroupId: _g, ...bare } = post;
    const url = new URL(postDeepLink({ ...bare, postedAt: 'onbekend' }, undefined));
    assert.deepEqual([...url.searchParams.keys()], ['parentMessageId']);
    assert.equal(postDeepLink(undefined, 'tenant-1'), '');
  });
});

describe('botChatDeepLink: the link to the personal chat with the bot', () => {
  it('opens the chat with the bot by its app id, with the command ready to send', () => {
    const link = new URL(botChatDeepLink('00000000-1111-2222-3333-444444444444', 'wijzig'));
    assert.equal(link.origin + link.pathname, 'https://teams.microsoft.com/l/chat/0/0');
    assert.equal(link.searchParams.get('users'), '28:00000000-1111-2222-3333-444444444444');
    assert.equal(link.searchParams.get('message'), 'wijzig');
  });
});
