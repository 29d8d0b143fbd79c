import assert from 'node:assert/strict';
import {
  answerLimit,
  answerToFields,
  parseCardAnswer,
  parseTypedAnswer,
  type ParseResult,
} from '../../src/report/answerInput';
import { pinnedCatalogue, productCatalogue } from '../support/catalogue';
import { questionOf } from '../support/sampleAnswers';
import type { Locale } from '../../src/report/locale';
import type { Answer } from '../../src/report/report';
import { FORM_PEOPLE_TEXT, TODAY, VIENNA_ANSWERS, question } from './fixtures';

// The fixtures answer the catalogue pinned in test/, so the unit tests do not change with the product's.
const { questions } = pinnedCatalogue;

function typed(key: string, text: string, locale: Locale = 'nl'): ParseResult {
  return parseTypedAnswer(question(key), text, locale, TODAY);
}

function card(key: string, fields: Record<string, unknown>, locale: Locale = 'nl'): ParseResult {
  return parseCardAnswer(question(key), fields, locale, TODAY);
}

function accepted(result: ParseResult): Answer {
  if (!result.ok) assert.fail(`expected an answer, got: ${result.error}`);
  return result.answer;
}

function refused(result: ParseResult): string {
  if (result.ok) assert.fail(`expected a refusal, got: ${JSON.stringify(result.answer)}`);
  return result.error;
}

function peopleLines(count: number): string {
  return Array.from({ length: count }, (_, i) => `Persoon ${i + 1} (functie)`).join('\n');
}

describe('answerInput', () => {
  describe('number of persons, typed', () => {
    for (const [text, value] of [
      ['3', 3],
      ['3 personen', 3],
      [' 12 ', 12],
      ['1', 1],
      ['500', 500],
      ['2 people', 2],
    ] as const) {
      it(`reads "${text}" as ${value}`, () => {
        assert.deepEqual(accepted(typed('persons', text)), { type: 'number', value });
      });
    }

    for (const text of ['', 'drie', '2,5', '2.5', '-1', '3 of 4']) {
      it(`asks for a whole number for "${text}"`, () => {
        assert.equal(
          refused(typed('persons', text)),
          'Vul een heel getal in van 1 tot en met 500.',
        );
      });
    }

    it('says which number is out of range and what the range is', () => {
      assert.equal(
        refused(typed('persons', '0')),
        '0 valt buiten de grenzen; vul een heel getal in van 1 tot en met 500.',
      );
      assert.match(refused(typed('persons', '501')), /^501 valt buiten .* 1 tot en met 500\.$/);
    });

    it('asks in English for an English-speaking traveller', () => {
      assert.equal(refused(typed('persons', 'three', 'en')), 'Enter a whole number from 1 to 500.');
      assert.equal(
        refused(typed('persons', '600', 'en')),
        '600 is out of range; enter a whole number from 1 to 500.',
      );
    });
  });

  describe('duration, typed', () => {
    const twoDays = {
      type: 'dateRange',
      departure: '2024-03-12',
      return: '2024-03-13',
      days: 2,
      nights: 1,
    };
    for (const text of [
      '12-03-2024 t/m 13-03-2024',
      '12-03-2024 - 13-03-2024',
      '12-03-2024 – 13-03-2024',
      '12/3/2024 tot 13/3/2024',
      '12.03.2024 tot en met 13.03.2024',
      '12 maart 2024 tot en met 13 maart 2024',
      '12 mrt 2024 t/m 13 mrt 2024',
      'van 12-03-2024 tot 13-03-2024',
      '12 t/m 13 maart 2024',
      '2024-03-12 to 2024-03-13',
      '12 March 2024 to 13 March 2024',
      'from 12 March 2024 until 13 March 2024',
      '12-03-2024 t/m 13-03-2024.',
    ]) {
      it(`reads "${text}" as 12–13 March, 2 days and 1 night`, () => {
        assert.deepEqual(accepted(typed('duration', text)), twoDays);
      });
    }

    it('reads a single date as a one-day trip', () => {
      assert.deepEqual(accepted(typed('duration', '14-03-2024')), {
        type: 'dateRange',
        departure: '2024-03-14',
        return: '2024-03-14',
        days: 1,
        nights: 0,
      });
    });

    it('accepts a trip that ended today', () => {
      assert.equal(accepted(typed('duration', '18-03-2024 t/m 20-03-2024')).type, 'dateRange');
    });

    it('counts days and nights across a month end', () => {
      assert.deepEqual(accepted(typed('duration', '28 feb t/m 2 mrt 2024')), {
        type: 'dateRange',
        departure: '2024-02-28',
        return: '2024-03-02',
        days: 4,
        nights: 3,
      });
    });

    for (const [text, days, nights] of [
      ['2 dagen (1 nacht)', 2, 1],
      ['2 dagen', 2, 1],
      ['3 days (2 nights)', 3, 2],
      ['1 dag', 1, 0],
    ] as const) {
      it(`asks "${text}" back for its departure date, so that the register has dates`, () => {
        assert.deepEqual(typed('duration', text), {
          ok: false,
          error: 'Vul de vertrek- en terugkeerdatum in, bijvoorbeeld 19-06-2023 t/m 20-06-2023.',
          askBack: { kind: 'departure', days, nights },
        });
      });
    }

    it('asks for the dates when nothing is typed', () => {
      assert.equal(
        refused(typed('duration', '  ')),
        'Vul de vertrek- en terugkeerdatum in, bijvoorbeeld 19-06-2023 t/m 20-06-2023.',
      );
    });

    it('refuses a return before the departure, naming the earliest possible return', () => {
      assert.equal(
        refused(typed('duration', '19-06-2023 t/m 18-06-2023')),
        'De terugkeerdatum ligt vóór de vertrekdatum; kies een terugkeerdatum op of na 19-06-2023.',
      );
      assert.equal(
        refused(typed('duration', '19 June 2023 to 18 June 2023', 'en')),
        'The return date is before the departure date; pick a return date on or after 19 June 2023.',
      );
    });

    it('refuses a departure in the future, naming today', () => {
      assert.equal(
        refused(typed('duration', '21-03-2024 t/m 22-03-2024')),
        'De vertrekdatum ligt in de toekomst; kies een vertrekdatum op of vóór vandaag, 20-03-2024.',
      );
      assert.match(
        refused(typed('duration', '21-03-2024')),
        /^De vertrekdatum ligt in de toekomst/,
      );
    });

    it('refuses a return in the future', () => {
      assert.equal(
        refused(typed('duration', '19-03-2024 t/m 21-03-2024')),
        'De terugkeerdatum ligt in de toekomst; vul dit verslag in na terugkeer, of kies een terugkeerdatum op of vóór vandaag, 20-03-2024.',
      );
      assert.match(
        refused(typed('duration', '19-03-2024 to 21-03-2024', 'en')),
        /^The return date is in the future; .* 20 March 2024\.$/,
      );
    });

    it('names a date that does not exist, and which of the two it is', () => {
      assert.equal(
        refused(typed('duration', '31-02-2023')),
        '‘31-02-2023’ is geen geldige datum; typ een bestaande datum, bijvoorbeeld 19-06-2023.',
      );
      assert.match(
        refused(typed('duration', '31-02-2023 t/m 02-03-2023')),
        /^‘31-02-2023’ is geen geldige vertrekdatum; /,
      );
      assert.match(
        refused(typed('duration', '28-02-2023 t/m 30-02-2023')),
        /^‘30-02-2023’ is geen geldige terugkeerdatum; /,
      );
      assert.match(
        refused(typed('duration', '28-02-2023 to 30-02-2023', 'en')),
        /^‘30-02-2023’ is not a valid return date; /,
      );
    });

    it('shows the accepted forms for text it cannot read', () => {
      assert.equal(
        refused(typed('duration', 'een week')),
        'Ik herken ‘een week’ niet als datum of reisduur; typ bijvoorbeeld 19-06-2023 t/m 20-06-2023, of de duur, zoals 2 dagen (1 nacht).',
      );
      assert.match(refused(typed('duration', 'a week', 'en')), /^I cannot read ‘a week’ as a date/);
    });

    it('quotes only the start of a long unreadable text', () => {
      // 190 characters: under the 200 a date is read from, over the 60 a message quotes.
      const error = refused(typed('duration', 'x'.repeat(190)));
      assert.ok(error.length < 250, error);
      assert.match(error, /x…’/);
    });

    it('explains how many nights a duration can have', () => {
      assert.equal(
        refused(typed('duration', '2 dagen (5 nachten)')),
        'Een reis van 2 dagen telt 1 of 2 nachten; typ bijvoorbeeld 2 dagen (1 nacht).',
      );
      assert.equal(
        refused(typed('duration', '1 day (3 nights)', 'en')),
        'A trip of 1 day has 0 or 1 night; type for example 1 day (0 nights).',
      );
    });

    it('refuses a trip of 0 days', () => {
      assert.equal(
        refused(typed('duration', '0 dagen')),
        'Een reis duurt ten minste 1 dag; typ bijvoorbeeld 1 dag (0 nachten).',
      );
    });
  });

  describe('texts, typed', () => {
    it('keeps the text as typed, only trimmed at the ends', () => {
      const text = 'Eerste regel\n\n  tweede  regel <b>&amp;</b>';
      assert.deepEqual(accepted(typed('purpose', `  ${text}\n `)), { type: 'longText', text });
      assert.deepEqual(accepted(typed('title', ' Host City Dialogue ')), {
        type: 'shortText',
        text: 'Host City Dialogue',
      });
    });

    it('refuses an empty or blank answer', () => {
      assert.equal(
        refused(typed('purpose', '')),
        'Deze vraag mag niet leeg blijven; typ je antwoord.',
      );
      assert.equal(
        refused(typed('locations', ' \n\t ')),
        'Deze vraag mag niet leeg blijven; typ je antwoord.',
      );
      assert.equal(
        refused(typed('outcome', '', 'en')),
        'This question cannot be left empty; type your answer.',
      );
    });

    it('accepts exactly the limit and names the limit and the count beyond it', () => {
      assert.equal(accepted(typed('purpose', 'a'.repeat(4000))).type, 'longText');
      assert.equal(
        refused(typed('purpose', 'a'.repeat(4312))),
        'Je antwoord telt 4.312 tekens; kort het in tot hoogstens 4.000 tekens.',
      );
      assert.equal(
        refused(typed('purpose', 'a'.repeat(4001), 'en')),
        'Your answer has 4,001 characters; shorten it to at most 4,000 characters.',
      );
    });

    it('counts an emoji as one character', () => {
      assert.equal(accepted(typed('purpose', '😀'.repeat(4000))).type, 'longText');
      assert.match(refused(typed('purpose', '😀'.repeat(4001))), /4\.001 tekens/);
    });

    it("applies the title's own limit of 200 characters", () => {
      assert.equal(
        refused(typed('title', 'T'.repeat(201))),
        'Je antwoord telt 201 tekens; kort het in tot hoogstens 200 tekens.',
      );
    });
  });

  describe('people met, typed', () => {
    it("reads the form's list of 7 people", () => {
      const answer = accepted(typed('peopleMet', FORM_PEOPLE_TEXT));
      assert.equal(answer.type, 'people');
      assert.equal(answer.type === 'people' && answer.people.length, 7);
    });

    it('names the line that lacks a role and shows the form to use', () => {
      assert.equal(
        refused(typed('peopleMet', 'Lena Gruber (burgemeester)\nJan Jansen')),
        'Bij ‘Jan Jansen’ ontbreekt de functie; schrijf één persoon per regel als Naam (functie), bijvoorbeeld Anna de Vries (wethouder).',
      );
      assert.equal(
        refused(typed('peopleMet', 'Jan Jansen', 'en')),
        'The position is missing for ‘Jan Jansen’; write one person a line as Name (position), for example Jane Smith (mayor).',
      );
    });

    it('asks for at least one person, also when only an intro line is typed', () => {
      const message = 'Noem ten minste één persoon, één per regel als Naam (functie).';
      assert.equal(refused(typed('peopleMet', '')), message);
      assert.equal(refused(typed('peopleMet', 'Ik heb gesproken met:')), message);
    });

    it('accepts 100 people and refuses 101', () => {
      const answer = accepted(typed('peopleMet', peopleLines(100)));
      assert.equal(answer.type === 'people' && answer.people.length, 100);
      assert.equal(
        refused(typed('peopleMet', peopleLines(101))),
        'Je noemde 101 personen; noem er hoogstens 100, bijvoorbeeld de belangrijkste.',
      );
      assert.equal(
        refused(typed('peopleMet', peopleLines(101), 'en')),
        'You named 101 people; name at most 100, for example the most important ones.',
      );
    });

    it('refuses a list longer than 4,000 characters, naming the count', () => {
      const long = `Lena Gruber (${'r'.repeat(4000)})`;
      assert.equal(
        refused(typed('peopleMet', long)),
        'Je antwoord telt 4.014 tekens; kort het in tot hoogstens 4.000 tekens.',
      );
    });
  });

  describe('follow-up agreements, typed', () => {
    for (const text of ['nee', 'Nee.', 'no', 'NO', 'geen', 'n.v.t.', 'Geen vervolgafspraken']) {
      it(`reads "${text}" as no`, () => {
        assert.deepEqual(accepted(typed('followUp', text)), { type: 'yesNoText', yes: false });
      });
    }

    for (const text of ['ja', 'Ja!', 'yes', 'ja -']) {
      it(`asks for the agreements after a bare "${text}"`, () => {
        assert.equal(
          refused(typed('followUp', text)),
          'Bij ja horen de afspraken zelf; beschrijf welke vervolgafspraken er zijn, bijvoorbeeld: ja, in september spreken we elkaar opnieuw.',
        );
      });
    }

    it('asks in English too', () => {
      assert.match(refused(typed('followUp', 'yes', 'en')), /^A yes needs the agreements/);
    });

    for (const text of [
      'ja, we spreken in mei af',
      'Ja: we spreken in mei af',
      'yes - we spreken in mei af',
      'Ja we spreken in mei af',
      'ja,\nwe spreken in mei af',
    ]) {
      it(`reads "${text.replace('\n', '\\n')}" as yes with the agreements`, () => {
        assert.deepEqual(accepted(typed('followUp', text)), {
          type: 'yesNoText',
          yes: true,
          text: 'we spreken in mei af',
        });
      });
    }

    it('reads any other text as the agreements themselves', () => {
      const text = 'Er is afgesproken om vaker bijeen te komen.\nJapan doet ook mee.';
      assert.deepEqual(accepted(typed('followUp', text)), { type: 'yesNoText', yes: true, text });
      assert.deepEqual(accepted(typed('followUp', 'Japan wil aansluiten')), {
        type: 'yesNoText',
        yes: true,
        text: 'Japan wil aansluiten',
      });
    });

    it('keeps a remark after a no, and reads "geen …" as a no', () => {
      assert.deepEqual(accepted(typed('followUp', 'Nee, maar we houden contact')), {
        type: 'yesNoText',
        yes: false,
        text: 'maar we houden contact',
      });
      assert.deepEqual(accepted(typed('followUp', 'Geen concrete afspraken, wel contact')), {
        type: 'yesNoText',
        yes: false,
        text: 'Geen concrete afspraken, wel contact',
      });
    });

    it('asks for yes or no when nothing is typed', () => {
      assert.equal(
        refused(typed('followUp', '')),
        'Antwoord met ja of nee; bij ja beschrijf je ook de afspraken.',
      );
    });

    it('refuses agreements longer than 4,000 characters', () => {
      assert.match(refused(typed('followUp', `ja, ${'a'.repeat(4001)}`)), /4\.001 tekens/);
      assert.match(refused(typed('followUp', 'a'.repeat(4001))), /hoogstens 4\.000 tekens/);
    });
  });

  describe('parseCardAnswer', () => {
    it('reads the number input as text or as a number', () => {
      assert.deepEqual(accepted(card('persons', { answer: '3' })), { type: 'number', value: 3 });
      assert.deepEqual(accepted(card('persons', { answer: 3 })), { type: 'number', value: 3 });
    });

    it('refuses a number input that is missing, fractional or of another type', () => {
      const message = 'Vul een heel getal in van 1 tot en met 500.';
      for (const answer of [undefined, null, 3.5, Number.NaN, [3], { value: 3 }, true, '']) {
        assert.equal(refused(card('persons', { answer })), message, JSON.stringify(answer));
      }
    });

    it('reads the two date inputs, as the date picker sends them or as typed', () => {
      const expected = {
        type: 'dateRange',
        departure: '2024-03-12',
        return: '2024-03-14',
        days: 3,
        nights: 2,
      };
      assert.deepEqual(
        accepted(card('duration', { departure: '2024-03-12', return: '2024-03-14' })),
        expected,
      );
      assert.deepEqual(
        accepted(card('duration', { departure: '12-03-2024', return: '14 maart 2024' })),
        expected,
      );
    });

    it('asks for whichever date is missing', () => {
      assert.equal(
        refused(card('duration', {})),
        'Vul de vertrek- en terugkeerdatum in, bijvoorbeeld 19-06-2023 t/m 20-06-2023.',
      );
      assert.equal(
        refused(card('duration', { return: '2024-03-14' })),
        'Vul ook de vertrekdatum in, bijvoorbeeld 19-06-2023.',
      );
      assert.equal(
        refused(card('duration', { departure: '2024-03-12', return: ' ' })),
        'Vul ook de terugkeerdatum in; was het een dagreis, kies dan dezelfde datum als de vertrekdatum.',
      );
      assert.equal(
        refused(card('duration', { departure: '2024-03-12' }, 'en')),
        'Enter the return date too; for a day trip, pick the departure date again.',
      );
    });

    it('treats date inputs of another type as missing', () => {
      assert.match(
        refused(card('duration', { departure: ['2024-03-12'], return: { iso: '2024-03-14' } })),
        /^Vul de vertrek- en terugkeerdatum in/,
      );
    });

    it('names an invalid date input', () => {
      assert.equal(
        refused(card('duration', { departure: '2023-02-31', return: '2023-03-02' })),
        '‘2023-02-31’ is geen geldige vertrekdatum; typ een bestaande datum, bijvoorbeeld 19-06-2023.',
      );
      assert.match(
        refused(card('duration', { departure: '2023-02-27', return: 'gisteren' })),
        /^‘gisteren’ is geen geldige terugkeerdatum/,
      );
    });

    it('applies the same date rules as typed answers', () => {
      assert.match(
        refused(card('duration', { departure: '2024-03-14', return: '2024-03-12' })),
        /^De terugkeerdatum ligt vóór de vertrekdatum; kies een terugkeerdatum op of na 14-03-2024\.$/,
      );
      assert.match(
        refused(card('duration', { departure: '2024-03-22', return: '2024-03-23' })),
        /^De vertrekdatum ligt in de toekomst/,
      );
    });

    it('reads text and people inputs like typed text', () => {
      assert.deepEqual(accepted(card('purpose', { answer: '  Leren van Wenen. ' })), {
        type: 'longText',
        text: 'Leren van Wenen.',
      });
      assert.equal(
        refused(card('purpose', { answer: { text: 'x' } })),
        'Deze vraag mag niet leeg blijven; typ je antwoord.',
      );
      const people = accepted(card('peopleMet', { answer: FORM_PEOPLE_TEXT }));
      assert.equal(people.type === 'people' && people.people.length, 7);
    });

    it('reads the yes/no choice with the agreements', () => {
      assert.deepEqual(accepted(card('followUp', { choice: 'yes', answer: ' In mei weer. ' })), {
        type: 'yesNoText',
        yes: true,
        text: 'In mei weer.',
      });
      assert.deepEqual(accepted(card('followUp', { choice: 'true', answer: 'In mei weer.' })), {
        type: 'yesNoText',
        yes: true,
        text: 'In mei weer.',
      });
    });

    it('drops agreements the card was pre-filled with when the choice is no', () => {
      assert.deepEqual(
        accepted(
          card('followUp', {
            choice: 'no',
            answer: 'Oude tekst',
            prefill: 'Oude tekst',
            prefillChoice: 'yes',
          }),
        ),
        { type: 'yesNoText', yes: false },
      );
      assert.deepEqual(accepted(card('followUp', { choice: false })), {
        type: 'yesNoText',
        yes: false,
      });
    });

    it('asks for the agreements after yes, and for a choice when there is none', () => {
      assert.match(
        refused(card('followUp', { choice: 'yes', answer: '  ' })),
        /^Bij ja horen de afspraken/,
      );
      assert.equal(
        refused(card('followUp', {})),
        'Antwoord met ja of nee; bij ja beschrijf je ook de afspraken.',
      );
      assert.equal(
        refused(card('followUp', { choice: ['yes'] }, 'en')),
        'Answer yes or no; if yes, describe the agreements too.',
      );
    });

    it('reads the agreements box as typed text when no choice came along', () => {
      assert.deepEqual(accepted(card('followUp', { choice: 'misschien', answer: 'nee' })), {
        type: 'yesNoText',
        yes: false,
      });
      assert.deepEqual(accepted(card('followUp', { answer: 'ja, in mei' })), {
        type: 'yesNoText',
        yes: true,
        text: 'in mei',
      });
    });

    it('refuses agreements longer than the limit', () => {
      assert.match(
        refused(card('followUp', { choice: 'yes', answer: 'a'.repeat(4001) })),
        /^Je antwoord telt 4\.001 tekens/,
      );
    });

    it('ignores inherited properties of the submitted object', () => {
      const fields = Object.create({ answer: '3' }) as Record<string, unknown>;
      assert.equal(refused(card('persons', fields)), 'Vul een heel getal in van 1 tot en met 500.');
      const parsed = JSON.parse('{"__proto__": {"answer": "3"}}') as Record<string, unknown>;
      assert.equal(refused(card('persons', parsed)), 'Vul een heel getal in van 1 tot en met 500.');
    });

    it('never throws on hostile input, and always gives one sentence', () => {
      const hostile: unknown[] = [
        null,
        undefined,
        'text',
        42,
        [],
        { answer: null, departure: 7, return: [], choice: {} },
        { answer: { toString: 'boom' }, departure: { length: 3 }, choice: Symbol('x') },
        { answer: 10n, choice: 10n },
        { answer: ['a', 'b'], departure: ['2024-03-12'], return: ['2024-03-14'] },
      ];
      for (const q of questions) {
        for (const fields of hostile) {
          const result = parseCardAnswer(q, fields as Record<string, unknown>, 'nl', TODAY);
          assert.equal(result.ok, false, `${q.key}: ${String(fields)}`);
          if (!result.ok) assert.match(result.error, /^\S.*\.$/s);
        }
      }
    });
  });

  describe('answerToFields', () => {
    it('prefills each card with the given answer as the card writes it', () => {
      assert.deepEqual(answerToFields(question('persons'), VIENNA_ANSWERS.persons), {
        answer: '2',
      });
      assert.deepEqual(answerToFields(question('duration'), VIENNA_ANSWERS.duration), {
        departure: '2024-03-12',
        return: '2024-03-14',
      });
      assert.deepEqual(answerToFields(question('peopleMet'), VIENNA_ANSWERS.peopleMet), {
        answer:
          'Lena Gruber (Hoofd Internationale Zaken, Stad Wenen)\nTobias Weiss (Protocolchef Vienna International Centre)\nMarta Novak (Beleidsadviseur UN-Habitat)',
      });
      assert.deepEqual(answerToFields(question('followUp'), VIENNA_ANSWERS.followUp), {
        choice: 'yes',
        answer: 'In mei komt een Weense delegatie naar Den Haag.',
      });
      assert.deepEqual(answerToFields(question('followUp'), { type: 'yesNoText', yes: false }), {
        choice: 'no',
        answer: '',
      });
    });

    it('gives back the same answer when the prefilled card is submitted unchanged', () => {
      for (const q of questions) {
        const answer = VIENNA_ANSWERS[q.key];
        assert.ok(answer, `the fixture answers ${q.key}`);
        assert.deepEqual(
          accepted(parseCardAnswer(q, answerToFields(q, answer), 'nl', TODAY)),
          answer,
        );
      }
    });

    it('leaves the date pickers empty for a duration typed without dates', () => {
      assert.deepEqual(
        answerToFields(question('duration'), { type: 'dateRange', days: 2, nights: 1 }),
        { departure: '', return: '' },
      );
    });

    it('fills in nothing for an answer of another type than the question', () => {
      assert.deepEqual(answerToFields(question('duration'), { type: 'number', value: 3 }), {
        departure: '',
        return: '',
      });
      assert.deepEqual(answerToFields(question('persons'), { type: 'longText', text: 'x' }), {
        answer: '',
      });
    });
  });

  describe('length limits, before any pattern reads the answer', () => {
    const tooLong = (count: number, limit: number) =>
      `Je antwoord telt ${count.toLocaleString('nl')} tekens; kort het in tot hoogstens ${limit.toLocaleString('nl')} tekens.`;

    it('reads a number or dates from at most 200 characters, text up to its maxLength', () => {
      const limits = Object.fromEntries(questions.map((q) => [q.key, answerLimit(q)]));
      assert.deepEqual(limits, {
        title: 200,
        destination: 200,
        persons: 200,
        duration: 200,
        purpose: 4000,
        locations: 4000,
        peopleMet: 4000,
        outcome: 4000,
        followUp: 4000,
      });
    });

    it('gives text without a maxLength in the catalogue 200 (short) or 4,000 characters (long)', () => {
      const { maxLength: _short, ...shortText } = question('title');
      const { maxLength: _long, ...longText } = question('purpose');
      assert.equal(answerLimit(shortText), 200);
      assert.equal(answerLimit(longText), 4000);
      assert.equal(
        refused(parseTypedAnswer(shortText, 'T'.repeat(201), 'nl', TODAY)),
        tooLong(201, 200),
      );
    });

    it('reads a number of 200 characters, and refuses 201 with the count and the limit', () => {
      const padded = (length: number) => `3${' '.repeat(length - 'personen'.length - 1)}personen`;
      assert.deepEqual(accepted(typed('persons', padded(200))), { type: 'number', value: 3 });
      assert.equal(refused(typed('persons', padded(201))), tooLong(201, 200));
      assert.equal(
        refused(typed('persons', padded(30_000), 'en')),
        'Your answer has 30,000 characters; shorten it to at most 200 characters.',
      );
    });

    it('reads typed dates of 200 characters, and refuses 201', () => {
      const dates = (length: number) =>
        `12-03-2024${' '.repeat(length - '12-03-2024'.length - ' t/m 14-03-2024'.length)} t/m 14-03-2024`;
      assert.equal(dates(200).length, 200);
      assert.deepEqual(accepted(typed('duration', dates(200))), {
        type: 'dateRange',
        departure: '2024-03-12',
        return: '2024-03-14',
        days: 3,
        nights: 2,
      });
      assert.equal(refused(typed('duration', dates(201))), tooLong(201, 200));
      // The shape that once kept the bot busy for 40 seconds.
      assert.equal(refused(typed('duration', `1 dag${' '.repeat(6000)}x`)), tooLong(6006, 200));
    });

    it('refuses a date field of a card over 200 characters', () => {
      assert.equal(
        refused(card('duration', { departure: '2024-03-12', return: '1'.repeat(201) })),
        tooLong(201, 200),
      );
      assert.equal(
        refused(card('duration', { departure: `${'('.repeat(500)}x`, return: '2024-03-14' })),
        tooLong(501, 200),
      );
    });

    it('refuses a text field of a card over its limit, as typed text', () => {
      assert.equal(refused(card('title', { answer: 'T'.repeat(201) })), tooLong(201, 200));
      assert.equal(refused(card('peopleMet', { answer: 'a ('.repeat(2000) })), tooLong(6000, 4000));
      assert.equal(
        refused(card('followUp', { choice: 'yes', answer: 'x'.repeat(4001) })),
        tooLong(4001, 4000),
      );
      // A "no" drops the pre-filled agreements unread, however long; a new remark has the limit.
      const left = 'x'.repeat(30_000);
      assert.deepEqual(
        accepted(
          card('followUp', { choice: 'no', answer: left, prefill: left, prefillChoice: 'yes' }),
        ),
        { type: 'yesNoText', yes: false },
      );
      assert.equal(
        refused(card('followUp', { choice: 'no', answer: left })),
        tooLong(30_000, 4000),
      );
    });

    it('lets "ja, " precede agreements of the full 4,000 characters, but not a page of spaces', () => {
      const agreements = 'a'.repeat(4000);
      assert.deepEqual(accepted(typed('followUp', `ja, ${agreements}`)), {
        type: 'yesNoText',
        yes: true,
        text: agreements,
      });
      assert.equal(refused(typed('followUp', `ja${' '.repeat(5000)}x`)), tooLong(5003, 4000));
    });
  });
  // Issue 18's questions are in the product's catalogue, not (yet) in the pinned one.
  describe('costs, who paid and fellow travellers, on their cards', () => {
    const costsQuestion = questionOf(productCatalogue, 'costs');
    const paidByQuestion = questionOf(productCatalogue, 'paidBy');
    const coTravellersQuestion = questionOf(productCatalogue, 'coTravellers');
    const submit = (q: typeof costsQuestion, fields: unknown, locale: Locale = 'nl') =>
      parseCardAnswer(q, fields as Record<string, unknown>, locale, TODAY);
    const SANNE = '6f0c3a52-1b2d-4c8e-9f10-aa11bb22cc33';
    const PIET = '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b';

    it('reads each amount input like a typed amount', () => {
      assert.deepEqual(
        accepted(
          submit(costsQuestion, {
            amount_travel: '€ 412,80',
            amount_stay: '1.089',
            amount_other: 'nog niet bekend',
          }),
        ),
        { type: 'amounts', amounts: { travel: 41_280, stay: 108_900, other: null } },
      );
      assert.deepEqual(
        accepted(
          submit(costsQuestion, { amount_travel: 85, amount_stay: '0', amount_other: 'geen' }),
        ),
        { type: 'amounts', amounts: { travel: 8_500, stay: 0, other: 0 } },
      );
    });

    it('names the amount left empty, and says to type 0 or nog niet bekend', () => {
      assert.equal(
        refused(
          submit(costsQuestion, { amount_travel: '412,80', amount_stay: ' ', amount_other: '85' }),
        ),
        'Bij de verblijfkosten staat geen bedrag; typ het bedrag, 0 als er geen kosten waren, of ‘nog niet bekend’.',
      );
      assert.equal(
        refused(submit(costsQuestion, {}, 'en')),
        'No amount is given for travel; type the amount, 0 if there were no costs, or ‘not known yet’.',
      );
    });

    it('refuses an amount input that cannot be read, with the amount rules', () => {
      const fields = { amount_travel: '412,80', amount_stay: '1,089', amount_other: '85' };
      assert.equal(
        refused(submit(costsQuestion, fields)),
        '‘1,089’ is niet eenduidig; typ 1089 als je € 1.089,00 bedoelt, of 1,09 als je € 1,09 bedoelt.',
      );
      assert.equal(
        refused(submit(costsQuestion, fields, 'en')),
        '‘1,089’ is ambiguous; type 1089 if you mean €1,089.00, or 1.09 if you mean €1.09.',
      );
      assert.match(
        refused(submit(costsQuestion, { ...fields, amount_stay: '12.000.000' })),
        /^‘12\.000\.000’ is meer dan € 10\.000\.000,00; /,
      );
      assert.match(
        refused(submit(costsQuestion, { ...fields, amount_stay: '9'.repeat(201) })),
        /^Je antwoord telt 201 tekens; kort het in tot hoogstens 200 tekens\.$/,
      );
    });

    it('refuses typed costs over 1,000 characters unread', () => {
      assert.equal(answerLimit(costsQuestion), 1000);
      assert.match(
        refused(parseTypedAnswer(costsQuestion, `reis ${'1'.repeat(996)}`, 'nl', TODAY)),
        /^Je antwoord telt 1\.001 tekens/,
      );
    });

    it('reads who paid from the choice and the text box', () => {
      assert.deepEqual(
        accepted(submit(paidByQuestion, { choice: 'municipality', answer: 'oude tekst' })),
        { type: 'payer', payer: 'municipality' },
      );
      assert.deepEqual(accepted(submit(paidByQuestion, { choice: 'gemeente' })), {
        type: 'payer',
        payer: 'municipality',
      });
      assert.deepEqual(
        accepted(submit(paidByQuestion, { choice: 'thirdParty', answer: ' UN-Habitat ' })),
        { type: 'payer', payer: 'thirdParty', text: 'UN-Habitat' },
      );
      assert.deepEqual(
        accepted(
          submit(paidByQuestion, { choice: 'derde partij', answer: 'derde partij: UN-Habitat' }),
        ),
        { type: 'payer', payer: 'thirdParty', text: 'UN-Habitat' },
      );
      assert.deepEqual(
        accepted(
          submit(paidByQuestion, { choice: 'shared', answer: 'reis gemeente, hotel UN-Habitat' }),
        ),
        { type: 'payer', payer: 'shared', text: 'reis gemeente, hotel UN-Habitat' },
      );
      assert.deepEqual(
        accepted(
          submit(paidByQuestion, { choice: 'gedeeld', answer: 'gedeeld: hotel UN-Habitat' }),
        ),
        { type: 'payer', payer: 'shared', text: 'hotel UN-Habitat' },
      );
    });

    it('asks for the party or the split when the text box is empty', () => {
      assert.equal(
        refused(submit(paidByQuestion, { choice: 'thirdParty', answer: '' })),
        'Bij een derde partij hoort de naam van die partij; typ welke partij betaalde, bijvoorbeeld UN-Habitat.',
      );
      assert.equal(
        refused(submit(paidByQuestion, { choice: 'shared' }, 'en')),
        'Shared costs need who paid what; describe it, for example: travel municipality, hotel UN-Habitat.',
      );
    });

    it('reads the text box as typed when no choice came along', () => {
      assert.deepEqual(accepted(submit(paidByQuestion, { answer: 'UN-Habitat betaalde' })), {
        type: 'payer',
        payer: 'thirdParty',
        text: 'UN-Habitat',
      });
      assert.equal(
        refused(submit(paidByQuestion, { choice: 'misschien' })),
        'Je hebt nog niet gezegd wie de reis betaalde; typ ‘gemeente’, ‘derde partij:’ met de naam van die partij, of ‘gedeeld:’ met wie wat betaalde.',
      );
      assert.match(
        refused(submit(paidByQuestion, { answer: 'UN-Habitat' }, 'en')),
        /^I cannot tell from ‘UN-Habitat’ who paid; /,
      );
    });

    it("limits the party's text to the catalogue's 500 characters", () => {
      assert.equal(answerLimit(paidByQuestion), 500);
      assert.match(
        refused(submit(paidByQuestion, { choice: 'thirdParty', answer: 'x'.repeat(501) })),
        /^Je antwoord telt 501 tekens; kort het in tot hoogstens 500 tekens\.$/,
      );
    });

    it('puts the colleagues picked in Teams first, then those typed', () => {
      assert.deepEqual(
        accepted(
          submit(coTravellersQuestion, {
            picked: `${SANNE},${PIET.toUpperCase()}`,
            answer: 'Karin de Boer',
          }),
        ),
        {
          type: 'colleagues',
          colleagues: [
            { name: '', aadObjectId: SANNE },
            { name: '', aadObjectId: PIET },
            { name: 'Karin de Boer' },
          ],
        },
      );
    });

    it('leaves out picker values that are not object ids, and ids picked twice', () => {
      assert.deepEqual(
        accepted(submit(coTravellersQuestion, { picked: `${SANNE}, Sanne Visser,${SANNE},x` })),
        { type: 'colleagues', colleagues: [{ name: '', aadObjectId: SANNE }] },
      );
    });

    it('reads typed names alone on a client without a picker, and niemand as nobody', () => {
      assert.deepEqual(
        accepted(submit(coTravellersQuestion, { answer: 'Visser, Sanne; Jansen, Piet' })),
        {
          type: 'colleagues',
          colleagues: [{ name: 'Visser, Sanne' }, { name: 'Jansen, Piet' }],
        },
      );
      assert.deepEqual(accepted(submit(coTravellersQuestion, { picked: '', answer: 'niemand' })), {
        type: 'colleagues',
        colleagues: [],
      });
    });

    it('asks for names or niemand when nothing is picked or typed', () => {
      assert.equal(
        refused(submit(coTravellersQuestion, { picked: '', answer: ' ' })),
        'Je hebt nog niemand genoemd; typ de namen van je reisgenoten, één per regel, of ‘niemand’ als je alleen reisde.',
      );
      assert.match(
        refused(submit(coTravellersQuestion, { picked: 'not-an-id' }, 'en')),
        /^You have not named anyone yet; /,
      );
    });

    it('accepts 20 colleagues and refuses 21, picked and typed together', () => {
      assert.equal(coTravellersQuestion.maxItems, 20);
      const names = (count: number) =>
        Array.from({ length: count }, (_, i) => `Collega ${i + 1}`).join('\n');
      const answer = accepted(submit(coTravellersQuestion, { answer: names(20) }));
      assert.equal(answer.type === 'colleagues' && answer.colleagues.length, 20);
      assert.equal(
        refused(submit(coTravellersQuestion, { picked: SANNE, answer: names(20) })),
        'Je noemde 21 reisgenoten; noem er hoogstens 20.',
      );
      assert.equal(
        refused(parseTypedAnswer(coTravellersQuestion, names(21), 'en', TODAY)),
        'You named 21 fellow travellers; name at most 20.',
      );
    });

    it('refuses a "name" longer than 200 characters', () => {
      assert.match(
        refused(submit(coTravellersQuestion, { answer: `Sanne Visser\n${'a'.repeat(201)}` })),
        /^‘a+…’ is te lang voor een naam; typ één naam per regel, of scheid de namen met een puntkomma\.$/,
      );
    });

    it('gives back the same answer when a prefilled card is submitted unchanged', () => {
      const answers: [typeof costsQuestion, Answer][] = [
        [
          costsQuestion,
          { type: 'amounts', amounts: { travel: 41_280, stay: 108_900, other: null } },
        ],
        [costsQuestion, { type: 'amounts', amounts: { travel: 0, stay: 1, other: 1_000_000_000 } }],
        [paidByQuestion, { type: 'payer', payer: 'municipality' }],
        [paidByQuestion, { type: 'payer', payer: 'thirdParty', text: 'UN-Habitat' }],
        [
          paidByQuestion,
          { type: 'payer', payer: 'shared', text: 'reis gemeente, hotel UN-Habitat' },
        ],
        [coTravellersQuestion, { type: 'colleagues', colleagues: [{ name: 'Sanne Visser' }] }],
        [
          coTravellersQuestion,
          {
            type: 'colleagues',
            colleagues: [{ name: '', aadObjectId: SANNE }, { name: 'Piet Jansen' }],
          },
        ],
      ];
      for (const [q, answer] of answers) {
        assert.deepEqual(accepted(submit(q, answerToFields(q, answer))), answer);
        assert.deepEqual(accepted(submit(q, answerToFields(q, answer, 'en'), 'en')), answer);
      }
      assert.deepEqual(answerToFields(costsQuestion, answers[0]![1], 'en'), {
        amount_travel: '412,80',
        amount_stay: '1089',
        amount_other: 'not known yet',
      });
    });

    it('never throws on hostile input, and always gives one sentence', () => {
      const hostile: unknown[] = [
        null,
        undefined,
        'text',
        42,
        [],
        { answer: null, picked: 7, choice: {}, amount_travel: [] },
        { answer: { toString: 'boom' }, picked: { length: 3 }, choice: Symbol('x') },
        { answer: 10n, choice: 10n, amount_travel: 10n, amount_stay: '1', amount_other: '1' },
        { answer: ['a', 'b'], picked: [SANNE], amount_travel: ['1'] },
        { amount_travel: Number.POSITIVE_INFINITY, amount_stay: -1, amount_other: 1e300 },
      ];
      for (const q of [costsQuestion, paidByQuestion, coTravellersQuestion]) {
        for (const fields of hostile) {
          const result = submit(q, fields);
          assert.equal(result.ok, false, `${q.key}: ${String(fields)}`);
          if (!result.ok) assert.match(result.error, /^\S.*\.$/s);
        }
      }
    });
  });
});
