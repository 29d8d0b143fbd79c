import assert from 'node:assert/strict';
import { formatAnswer } from '../../src/report/formatAnswer';
import { FORM_PEOPLE_TEXT, VIENNA_ANSWERS, question } from './fixtures';
import { parsePeople } from '../../src/report/people';
import type { Answer } from '../../src/report/report';

describe('formatAnswer', () => {
  it('shows a number as the number', () => {
    assert.deepEqual(formatAnswer(question('persons'), { type: 'number', value: 3 }, 'nl'), {
      text: '3',
    });
  });

  it('shows the dates and the duration in the form’s wording', () => {
    const duration = question('duration');
    const answer = {
      type: 'dateRange',
      departure: '2023-06-19',
      return: '2023-06-20',
      days: 2,
      nights: 1,
    } as const;
    assert.equal(
      formatAnswer(duration, answer, 'nl').text,
      '19-06-2023 t/m 20-06-2023 · 2 dagen (1 nacht)',
    );
    assert.equal(
      formatAnswer(duration, answer, 'en').text,
      '19 June 2023 to 20 June 2023 · 2 days (1 night)',
    );
  });

  it('shows a day trip with its one date', () => {
    const answer = {
      type: 'dateRange',
      departure: '2023-06-19',
      return: '2023-06-19',
      days: 1,
      nights: 0,
    } as const;
    assert.equal(
      formatAnswer(question('duration'), answer, 'nl').text,
      '19-06-2023 · 1 dag (0 nachten)',
    );
  });

  it('shows only the duration when no dates were given', () => {
    const answer = { type: 'dateRange', days: 4, nights: 3 } as const;
    assert.equal(formatAnswer(question('duration'), answer, 'nl').text, '4 dagen (3 nachten)');
    assert.equal(formatAnswer(question('duration'), answer, 'en').text, '4 days (3 nights)');
  });

  it('shows people as a count with one item a person', () => {
    const parsed = parsePeople(FORM_PEOPLE_TEXT);
    assert.ok(parsed.ok);
    const shown = formatAnswer(
      question('peopleMet'),
      { type: 'people', people: parsed.people },
      'nl',
    );
    assert.equal(shown.text, '7 personen');
    assert.equal(shown.items?.length, 7);
    assert.equal(shown.items?.[5], 'Sami Kaanan (Wethouder van de stad Geneve)');
  });

  it('counts one person in the singular, in both languages', () => {
    const one: Answer = {
      type: 'people',
      people: [{ name: 'Lena Gruber', role: 'burgemeester' }],
    };
    assert.equal(formatAnswer(question('peopleMet'), one, 'nl').text, '1 persoon');
    assert.equal(formatAnswer(question('peopleMet'), one, 'en').text, '1 person');
    assert.equal(
      formatAnswer(question('peopleMet'), VIENNA_ANSWERS.peopleMet, 'en').text,
      '3 people',
    );
  });

  it('shows yes with the agreements, and no', () => {
    const followUp = question('followUp');
    assert.equal(
      formatAnswer(followUp, { type: 'yesNoText', yes: true, text: 'In mei weer.' }, 'nl').text,
      'Ja: In mei weer.',
    );
    assert.equal(formatAnswer(followUp, { type: 'yesNoText', yes: false }, 'nl').text, 'Nee');
    assert.equal(
      formatAnswer(followUp, { type: 'yesNoText', yes: true, text: 'In May.' }, 'en').text,
      'Yes: In May.',
    );
    assert.equal(formatAnswer(followUp, { type: 'yesNoText', yes: false }, 'en').text, 'No');
    assert.equal(
      formatAnswer(
        followUp,
        { type: 'yesNoText', yes: false, text: 'maar we houden contact' },
        'nl',
      ).text,
      'Nee — maar we houden contact',
    );
  });

  it('shows text exactly as typed, markup and spacing included', () => {
    const text = 'Regel 1\n\n  <b>Regel</b>   2 & ${title}';
    assert.deepEqual(formatAnswer(question('purpose'), { type: 'longText', text }, 'nl'), { text });
  });
});
