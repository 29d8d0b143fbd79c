// Issue 16, item 3: Teams counts a message's size in UTF-16 and advises keeping it under 80 KB.
// Every card the bot can send, with every answer at its catalogue maximum in characters of two
// UTF-16 units (astral) or three UTF-8 bytes (CJK), on one line or one character a line, stays
// under MAX_CARD_BYTES and valid.
import assert from 'node:assert/strict';
import { cardSize, MAX_CARD_BYTES } from '../../src/cards/cardSize';
import { myReportsCardData, renderMyReportsCard } from '../../src/cards/myReportsCard';
import { questionCardData, renderQuestionCard } from '../../src/cards/questionCard';
import { answerLimit, parseCardAnswer } from '../../src/report/answerInput';
import type { Question } from '../../src/report/catalogue';
import type { Answer } from '../../src/report/report';
import { productCatalogue as catalogue } from '../support/catalogue';
import { cardValidator, findCardSchema } from './cardSchema';
import { draftOf, everyCard, postedOf, type CardFixture } from './everyCard';

const ASTRAL = '𓀀'; // 2 UTF-16 units, 4 UTF-8 bytes
const CJK = '中'; // 1 UTF-16 unit, 3 UTF-8 bytes

/** How the characters of a maximum answer are laid out. */
type Shape = 'one line of astral' | 'one line of CJK' | 'a character a line';

/** `count` characters (code points, as answers are counted) in the shape. */
function textOf(shape: Shape, count: number): string {
  if (shape === 'one line of CJK') return CJK.repeat(count);
  if (shape === 'one line of astral') return ASTRAL.repeat(count);
  // "𓀀\n" is two characters: a line for every second one.
  return `${ASTRAL}\n`.repeat(Math.floor(count / 2));
}

/** The longest answer the interview accepts for the question, parsed as the card's answer is. */
function maxAnswer(question: Question, shape: Shape): Answer | undefined {
  const limit = answerLimit(question);
  const parse = (fields: Record<string, string>) =>
    parseCardAnswer(question, fields, 'nl', '2026-11-20');
  switch (question.type) {
    case 'shortText':
    case 'longText': {
      const parsed = parse({ answer: textOf(shape, limit) });
      return parsed.ok ? parsed.answer : assert.fail(`${question.key}: ${parsed.error}`);
    }
    case 'yesNoText': {
      const parsed = parse({ choice: 'yes', answer: textOf(shape, limit) });
      return parsed.ok ? parsed.answer : assert.fail(`${question.key}: ${parsed.error}`);
    }
    case 'people': {
      // As many people as are accepted, short ones (more blocks) or long ones (more text).
      const line =
        shape === 'a character a line'
          ? `${ASTRAL} (${ASTRAL})`
          : `${ASTRAL.repeat(40)} (${CJK.repeat(40)})`;
      let count = Math.floor(limit / (Array.from(line).length + 1));
      for (; count > 0; count = Math.floor(count * 0.9)) {
        const parsed = parse({ answer: Array(count).fill(line).join('\n') });
        if (parsed.ok) return parsed.answer;
      }
      return assert.fail(`${question.key}: no list of people is accepted`);
    }
    case 'number':
      return { type: 'number', value: question.max ?? 500 };
    case 'dateRange':
      return {
        type: 'dateRange',
        departure: '2026-10-12',
        return: '2026-10-14',
        days: 3,
        nights: 2,
      };
  }
}

/** The names Teams gives, at lengths Teams allows (display and team names up to 256). */
const LONG_NAME = ASTRAL.repeat(256);

function fixtureOf(shape: Shape): CardFixture {
  const answers: Record<string, Answer> = {};
  for (const question of catalogue.questions) {
    const answer = maxAnswer(question, shape);
    if (answer) answers[question.key] = answer;
  }
  return {
    catalogue,
    answers,
    travellerName: LONG_NAME,
    teamName: LONG_NAME,
    channelName: ASTRAL.repeat(50),
    fileName: `${ASTRAL.repeat(200)}.docx`,
    // A refused input as long as a request body may be (256 KB): far over any limit.
    rejected: { answer: textOf(shape, 100_000) },
  };
}

describe('cards: sizes as Teams counts them, under 80 KB with every answer at its maximum (issue 16, item 3)', () => {
  it('counts a card in UTF-16: 2 bytes a code unit, so an astral character is 4, a CJK one 2', () => {
    const card = { type: 'AdaptiveCard' as const, version: '1.5', speak: `${ASTRAL}${CJK}` };
    assert.equal(cardSize(card), JSON.stringify(card).length * 2);
    assert.equal(cardSize({ ...card, speak: '' }) + 6, cardSize(card));
  });

  for (const shape of ['one line of astral', 'one line of CJK', 'a character a line'] as Shape[]) {
    it(`keeps every card under ${MAX_CARD_BYTES} bytes, and valid, with ${shape}`, function () {
      const cards = everyCard(fixtureOf(shape));
      const schemaPath = findCardSchema();
      const validator = schemaPath ? cardValidator(schemaPath) : undefined;
      for (const { name, card } of cards) {
        assert.ok(cardSize(card) <= MAX_CARD_BYTES, `${name}: ${cardSize(card)} bytes`);
        if (validator) {
          assert.ok(
            validator.validate(card),
            `${name}: ${validator.ajv.errorsText(validator.validate.errors)}`,
          );
        }
      }
      // Where the answers do not fit whole (CJK does), the channel card says it is shortened.
      const channel = JSON.stringify(cards.find((c) => c.name === 'channel card (nl)')?.card);
      const shortened = /ingekort voor Teams; het volledige verslag is bewaard/.test(channel);
      assert.equal(
        shortened,
        shape !== 'one line of CJK',
        'the note on the shortened channel card',
      );
    });
  }

  it('shows as many of a long list of reports as fit, newest first, and says so', () => {
    const fixture = fixtureOf('one line of astral');
    const reports = Array.from({ length: 300 }, (_, index) => ({
      ...(index % 2 ? postedOf(fixture, 'nl') : draftOf(fixture, 'nl', ['title', 'duration'])),
      id: `report-${index}`,
    }));
    const card = renderMyReportsCard(myReportsCardData(reports, catalogue, 'nl'));
    assert.ok(cardSize(card) <= MAX_CARD_BYTES, `${cardSize(card)} bytes`);
    const json = JSON.stringify(card);
    const shown = Number(/De nieuwste (\d+) van je 300 verslagen/.exec(json)?.[1]);
    assert.ok(shown > 10 && shown < 300, `shows the newest ${shown}`);
    assert.ok(json.includes('report-0') && !json.includes(`"report-${shown}"`), 'the newest ones');
  });

  it('shows a refused input again cut to fit, never over the limit', () => {
    const question = catalogue.questions.find((q) => q.type === 'longText') as Question;
    const typed = textOf('one line of astral', 100_000);
    const card = renderQuestionCard(
      questionCardData(
        catalogue,
        question,
        draftOf(fixtureOf('one line of CJK'), 'nl', []),
        'nl',
        '2026-11-20',
        {
          error: 'Te lang.',
          fields: { answer: typed },
        },
      ),
    );
    assert.ok(cardSize(card) <= MAX_CARD_BYTES, `${cardSize(card)} bytes`);
    const shown = JSON.stringify(card).match(/𓀀+/u)?.[0] ?? '';
    assert.ok(shown.length > 0 && typed.startsWith(shown), 'the start of what was typed');
  });
});
