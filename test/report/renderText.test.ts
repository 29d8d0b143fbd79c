import assert from 'node:assert/strict';
import type { Question } from '../../src/report/catalogue';
import { pinnedCatalogue } from '../support/catalogue';
import { answerText } from '../../src/report/renderText';
import { viennaReport } from './fixtures';

/** The catalogue's question `key`, which these tests need. */
function question(key: string): Question {
  const found = pinnedCatalogue.find(key);
  assert.ok(found, `the catalogue has the question ${key}`);
  return found;
}

describe('answerText: an answer as the paper form writes it', () => {
  const vienna = viennaReport();

  it('words the duration first, then its dates', () => {
    const duration = question('duration');
    assert.equal(
      answerText(duration, vienna.answers.duration, 'nl'),
      '3 dagen (2 nachten), van 12-03-2024 t/m 14-03-2024',
    );
    assert.equal(
      answerText(duration, vienna.answers.duration, 'en'),
      '3 days (2 nights), from 12 March 2024 to 14 March 2024',
    );
    assert.equal(
      answerText(duration, { type: 'dateRange', days: 2, nights: 1 }, 'nl'),
      '2 dagen (1 nacht)',
      'a trip given as a duration only, in the form’s own wording',
    );
  });

  it('lists the people met one a line, not as a count', () => {
    assert.equal(
      answerText(question('peopleMet'), vienna.answers.peopleMet, 'nl'),
      [
        'Lena Gruber (Hoofd Internationale Zaken, Stad Wenen)',
        'Tobias Weiss (Protocolchef Vienna International Centre)',
        'Marta Novak (Beleidsadviseur UN-Habitat)',
      ].join('\n'),
    );
  });

  it('writes yes with its agreements, a no as Nee, and marks a missing answer', () => {
    const followUp = question('followUp');
    assert.equal(
      answerText(followUp, vienna.answers.followUp, 'nl'),
      'Ja: In mei komt een Weense delegatie naar Den Haag.',
    );
    assert.equal(answerText(followUp, { type: 'yesNoText', yes: false }, 'nl'), 'Nee');
    assert.equal(answerText(question('outcome'), undefined, 'nl'), '(niet beantwoord)');
    assert.equal(answerText(question('outcome'), undefined, 'en'), '(not answered)');
  });

  it('keeps typed text exactly, line breaks included', () => {
    assert.equal(
      answerText(question('purpose'), vienna.answers.purpose, 'nl'),
      'Leren hoe Wenen internationale organisaties huisvest.\nEn Den Haag daar presenteren.',
    );
  });
});
