import assert from 'node:assert/strict';
import { smallTalkOf } from '../../src/dialogs/smallTalk';

describe('smallTalk: thanks and greetings typed outside an interview', () => {
  const cases: [string, ReturnType<typeof smallTalkOf>][] = [
    ['Dank je wel!', 'thanks'],
    ['dankjewel', 'thanks'],
    ['bedankt', 'thanks'],
    ['Heel erg bedankt voor je hulp!', 'thanks'],
    ['hartelijk dank', 'thanks'],
    ['thanks', 'thanks'],
    ['Thank you so much!', 'thanks'],
    ['Top, bedankt 👍', 'thanks'],
    ['👍', 'thanks'],
    ['👍🙏', 'thanks'],
    ['🙏🏽', 'thanks'],
    ['❤️', 'thanks'],
    ['Oké', 'thanks'],
    ['Hoi, dank je!', 'thanks'],
    ['hoi', 'greeting'],
    ['Hallo!', 'greeting'],
    ['Goedemorgen', 'greeting'],
    ['goede middag', 'greeting'],
    ['Good morning!', 'greeting'],
    ['hey 👋', 'greeting'],
    ['👋', 'greeting'],
    ['Hoi Reisverslag', 'greeting'],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => {
      assert.equal(smallTalkOf(text), expected);
    });
  }

  for (const text of [
    '',
    '   ',
    'ja',
    'nee',
    '🤔',
    '?!',
    'Ik ben net terug uit Wenen',
    'Dank je wel, maar hoe maak ik een verslag?',
    'Wiener Städtedialog 2026',
    `bedankt ${'heel '.repeat(30)}`,
  ]) {
    it(`reads no thanks or greeting in ${JSON.stringify(text.length > 30 ? `${text.slice(0, 20)}…` : text)}`, () => {
      assert.equal(smallTalkOf(text), undefined);
    });
  }
});
