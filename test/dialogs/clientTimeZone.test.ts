import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { clientTimeZoneOf } from '../../src/dialogs/clientTimeZone';

/** A turn whose activity carries these entities, as Teams sends them. */
const turnWith = (entities: unknown[] | undefined) =>
  ({ activity: { entities } }) as unknown as TurnContext;

describe('the traveller’s time zone from Teams', () => {
  it('takes the clientInfo entity’s IANA time zone', () => {
    const entities = [
      { type: 'mention' },
      {
        type: 'clientInfo',
        locale: 'nl-NL',
        country: 'NL',
        platform: 'Web',
        timezone: 'Asia/Tokyo',
      },
    ];
    assert.equal(clientTimeZoneOf(turnWith(entities)), 'Asia/Tokyo');
  });

  it('falls back to Europe/Amsterdam when Teams sends none, or nonsense', () => {
    assert.equal(clientTimeZoneOf(turnWith(undefined)), 'Europe/Amsterdam');
    assert.equal(clientTimeZoneOf(turnWith([{ type: 'clientInfo' }])), 'Europe/Amsterdam');
    assert.equal(
      clientTimeZoneOf(turnWith([{ type: 'clientInfo', timezone: 'Mars/Olympus_Mons' }])),
      'Europe/Amsterdam',
    );
    assert.equal(
      clientTimeZoneOf(turnWith([{ type: 'clientInfo', timezone: 42 }])),
      'Europe/Amsterdam',
    );
  });
});
