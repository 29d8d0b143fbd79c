// Issue 17, item 6: the golden channel card of the form's own trip. The card is compared as JSON,
// structurally (mocha shows the differing properties), and as the lines colleagues read (a diff
// that reads like the card). After an intended change of the card, rewrite both golden files with
//   UPDATE_GOLDEN=1 npx mocha --no-config -r tsx/cjs --extension ts test/cards/channelCardGolden.test.ts
// and read `git diff test/cards/golden` before committing them.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardSize } from '../../src/cards/cardSize';
import { renderChannelCard, renderReportCard, reportCardData } from '../../src/cards/reportCard';
import type { AdaptiveCard } from '../../src/cards/template';
import { pinnedCatalogue as catalogue } from '../support/catalogue';
import { cardValidator, findCardSchema } from './cardSchema';
import { FORM_TRIP_CHAT, formTripReport } from './formTrip';

const GOLDEN_DIR = join(__dirname, 'golden');
const JSON_GOLDEN = 'channel-card-form-trip.json';
const TEXT_GOLDEN = 'channel-card-form-trip.txt';

/** The golden file's text; with UPDATE_GOLDEN=1, `actual` is written first. */
function golden(name: string, actual: string): string {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  return readFileSync(path, 'utf8');
}

/**
 * The card as colleagues read it, one line a TextBlock or RichTextBlock (its runs joined), a
 * blank line where the card draws a separator.
 */
function readingOf(card: AdaptiveCard): string {
  const lines: string[] = [];
  const visit = (elements: unknown): void => {
    for (const element of (elements ?? []) as Record<string, unknown>[]) {
      if (element.separator === true) lines.push('');
      if (element.type === 'TextBlock') lines.push(String(element.text));
      if (element.type === 'RichTextBlock') {
        lines.push((element.inlines as { text: string }[]).map((run) => run.text).join(''));
      }
      if (element.type === 'Container') visit(element.items);
    }
  };
  visit(card.body);
  return `${lines.join('\n')}\n`;
}

describe("cards: the golden channel card of the form's own trip (issue 17, item 6)", () => {
  const card = renderChannelCard(formTripReport(), catalogue);

  it(`is ${JSON_GOLDEN}, property for property`, () => {
    const expected: unknown = JSON.parse(golden(JSON_GOLDEN, `${JSON.stringify(card, null, 2)}\n`));
    assert.deepStrictEqual(
      card,
      expected,
      `the card differs from test/cards/golden/${JSON_GOLDEN}`,
    );
  });

  it(`reads as ${TEXT_GOLDEN}`, () => {
    const reading = readingOf(card);
    assert.equal(reading, golden(TEXT_GOLDEN, reading), `see test/cards/golden/${TEXT_GOLDEN}`);
  });

  it("is the same card when the author's Teams runs in English: the record is Dutch (item 7)", () => {
    assert.deepStrictEqual(renderChannelCard(formTripReport('en'), catalogue), card);
  });

  it('@mentions the traveller by their Teams id, in a TextBlock, and is a valid card', function () {
    const { entities } = card.msteams as { entities: Record<string, unknown>[] };
    assert.deepEqual(entities, [
      {
        type: 'mention',
        text: '<at>Sanne de Vries</at>',
        mentioned: { id: FORM_TRIP_CHAT.userId, name: 'Sanne de Vries' },
      },
    ]);
    const blocks = (card.body as Record<string, unknown>[]).filter((e) => e.type === 'TextBlock');
    assert.ok(blocks.some((block) => String(block.text).includes('<at>Sanne de Vries</at>')));
    const schemaPath = findCardSchema();
    if (!schemaPath) this.skip();
    const { validate, ajv } = cardValidator(schemaPath as string);
    assert.ok(validate(card), ajv.errorsText(validate.errors));
  });

  it('is not shortened: it is the whole card, far under the limit', () => {
    const whole = renderReportCard(reportCardData(formTripReport(), catalogue, 'nl'));
    assert.deepStrictEqual(card, whole);
    assert.ok(cardSize(card) < 16 * 1024, `${cardSize(card)} bytes`);
  });
});
