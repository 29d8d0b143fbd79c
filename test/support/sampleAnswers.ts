// Sample answers by answer type: what the tests give for a question they know only from the
// catalogue (a question added to questions.json), typed in the chat or filled in on its card,
// the answer stored, and how the bot shows it back. One helper per answer type.
import {
  parseCatalogue,
  type Catalogue,
  type Question,
  type QuestionType,
} from '../../src/report/catalogue';
import { amountField } from '../../src/report/answerInput';
import { formatEuro } from '../../src/report/money';
import type { Answer } from '../../src/report/report';

/** One answer to a question, as the traveller gives it and as the bot keeps and shows it. */
export interface SampleAnswer {
  /** What a traveller types in the chat. */
  typed: string;
  /** What the question's card submits (input id → value). */
  inputs: Record<string, string>;
  /** The answer as stored in the report. */
  stored: Answer;
  /** The lines the bot shows for it in Dutch: on the review card, the channel card, the answered line. */
  shown: string[];
}

/** The card inputs of each answer type: input id → Adaptive Card input type. */
const CARD_INPUTS: Record<Exclude<QuestionType, 'amounts'>, Record<string, string>> = {
  shortText: { answer: 'Input.Text' },
  longText: { answer: 'Input.Text' },
  number: { answer: 'Input.Number' },
  dateRange: { departure: 'Input.Date', return: 'Input.Date' },
  people: { answer: 'Input.Text' },
  yesNoText: { choice: 'Input.ChoiceSet', answer: 'Input.Text' },
  payer: { choice: 'Input.ChoiceSet', answer: 'Input.Text' },
  // The people picker, and the names typed where a client has none.
  colleagues: { picked: 'Input.ChoiceSet', answer: 'Input.Text' },
};

/** The inputs a question's card has (id → type), in order, by its answer type. */
export function cardInputTypes(question: Question): Record<string, string> {
  // Amounts are typed (Dutch notation), one input an amount the question asks.
  if (question.type === 'amounts') {
    return Object.fromEntries(
      (question.parts ?? []).map((part) => [amountField(part.key), 'Input.Text']),
    );
  }
  return CARD_INPUTS[question.type];
}

// The amounts of the sample trip's costs, in the order of the question's parts, as typed and in cents.
const SAMPLE_AMOUNTS = [
  { typed: '412,80', cents: 41_280 },
  { typed: '1.089', cents: 108_900 },
  { typed: '85', cents: 8_500 },
];

const SAMPLES: Record<QuestionType, (question: Question) => SampleAnswer> = {
  shortText: (question) => textSample('shortText', `Kort antwoord op ${question.key}`),
  longText: (question) => textSample('longText', `Een langer antwoord op ${question.key}.`),
  number: (question) => {
    const value = Math.min(Math.max(2, question.min ?? 2), question.max ?? 2);
    return {
      typed: String(value),
      inputs: { answer: String(value) },
      stored: { type: 'number', value },
      shown: [String(value)],
    };
  },
  // 20 Nov 2026 is the dialog tests' today; the e2e tests run later: in the past for both.
  dateRange: () => ({
    typed: '3-11-2026 t/m 5-11-2026',
    inputs: { departure: '2026-11-03', return: '2026-11-05' },
    stored: {
      type: 'dateRange',
      departure: '2026-11-03',
      return: '2026-11-05',
      days: 3,
      nights: 2,
    },
    shown: ['03-11-2026 t/m 05-11-2026 · 3 dagen (2 nachten)'],
  }),
  people: () => ({
    typed: 'Eva Huber (wethouder)',
    inputs: { answer: 'Eva Huber (wethouder)' },
    stored: { type: 'people', people: [{ name: 'Eva Huber', role: 'wethouder' }] },
    shown: ['1 persoon', 'Eva Huber (wethouder)'],
  }),
  yesNoText: () => ({
    typed: 'nee',
    inputs: { choice: 'no', answer: '' },
    stored: { type: 'yesNoText', yes: false },
    shown: ['Nee'],
  }),
  amounts: (question) => {
    const parts = (question.parts ?? []).map((part, index) => ({
      part,
      ...SAMPLE_AMOUNTS[index % SAMPLE_AMOUNTS.length]!,
    }));
    const total = parts.reduce((sum, { cents }) => sum + cents, 0);
    return {
      typed: parts.map(({ part, typed }) => `${part.words[0]} ${typed}`).join('; '),
      inputs: Object.fromEntries(parts.map(({ part, typed }) => [amountField(part.key), typed])),
      stored: {
        type: 'amounts',
        amounts: Object.fromEntries(parts.map(({ part, cents }) => [part.key, cents])),
      },
      shown: [
        `Totaal: ${formatEuro(total, 'nl')}`,
        ...parts.map(({ part, cents }) => `${part.label.nl}: ${formatEuro(cents, 'nl')}`),
      ],
    };
  },
  payer: () => ({
    typed: 'derde partij: UN-Habitat',
    inputs: { choice: 'thirdParty', answer: 'UN-Habitat' },
    stored: { type: 'payer', payer: 'thirdParty', text: 'UN-Habitat' },
    shown: ['Betaald door derde partij: UN-Habitat (gastvrijheid)'],
  }),
  // One colleague typed by name: with the traveller, the 2 of the number sample.
  colleagues: () => ({
    typed: 'Sanne Visser',
    inputs: { picked: '', answer: 'Sanne Visser' },
    stored: { type: 'colleagues', colleagues: [{ name: 'Sanne Visser' }] },
    shown: ['Sanne Visser'],
  }),
};

function textSample(type: 'shortText' | 'longText', text: string): SampleAnswer {
  return { typed: text, inputs: { answer: text }, stored: { type, text }, shown: [text] };
}

/** A valid answer to any question of the catalogue, by its answer type. */
export function sampleAnswer(question: Question): SampleAnswer {
  return SAMPLES[question.type](question);
}

/** The question with this key; fails the test naming the key when the catalogue lacks it. */
export function questionOf(catalogue: Catalogue, key: string): Question {
  const question = catalogue.find(key);
  if (!question) throw new Error(`the catalogue has no question "${key}"`);
  return question;
}

/** "Vraag 3 van 9" (or "Question 3 of 9"): the header of the card asking `key`. */
export function progressOf(catalogue: Catalogue, key: string, locale: 'nl' | 'en' = 'nl'): string {
  const position = catalogue.position(questionOf(catalogue, key).key);
  return locale === 'nl'
    ? `Vraag ${position} van ${catalogue.size}`
    : `Question ${position} of ${catalogue.size}`;
}

/** "3 van 9 vragen beantwoord" (or "3 of 9 questions answered"). */
export function answeredOf(
  catalogue: Catalogue,
  count: number,
  locale: 'nl' | 'en' = 'nl',
): string {
  return locale === 'nl'
    ? `${count} van ${catalogue.size} vragen beantwoord`
    : `${count} of ${catalogue.size} questions answered`;
}

/** How many questions come before `key`: those answered when the card of `key` is asked. */
export function answeredBefore(catalogue: Catalogue, key: string): number {
  return catalogue.position(questionOf(catalogue, key).key) - 1;
}

/**
 * A copy of a catalogue with one more long-text question, `extraNotes`, placed after the
 * question `afterKey` (by default at the end): the dialog tests run on it too, so that adding a
 * question stays a change of data only.
 */
export function withExtraLongTextQuestion(catalogue: Catalogue, afterKey?: string): Catalogue {
  const extra: Question = {
    key: 'extraNotes',
    section: 'form',
    type: 'longText',
    required: true,
    maxLength: 4000,
    name: { nl: 'Aanvullende opmerkingen', en: 'Further remarks' },
    text: { nl: 'HEB JE NOG AANVULLENDE OPMERKINGEN?', en: 'DO YOU HAVE ANY FURTHER REMARKS?' },
    label: { nl: 'Aanvullende opmerkingen', en: 'Further remarks' },
    hint: { nl: 'Wat verder van belang is.', en: 'Whatever else matters.' },
    editNames: ['opmerkingen', 'remarks'],
  };
  const questions = [...catalogue.questions];
  const at = afterKey ? catalogue.position(afterKey) : questions.length;
  questions.splice(at, 0, extra);
  return parseCatalogue({ questions }, 'the catalogue with a long-text question added');
}
