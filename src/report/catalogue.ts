import { z } from 'zod';

const localizedSchema = z.object({ nl: z.string().min(1), en: z.string().min(1) });

/** One amount of an `amounts` question: its key in the answer, its label, the words that name it when typed. */
const amountPartSchema = z.object({
  key: z.string().regex(/^[a-z]+$/i),
  label: localizedSchema,
  words: z.array(z.string().min(1)).min(1),
});

const questionSchema = z.object({
  key: z.string().regex(/^[a-z]+$/i),
  section: z.enum(['trip', 'form']),
  type: z.enum([
    'shortText',
    'longText',
    'number',
    'dateRange',
    'people',
    'yesNoText',
    'amounts',
    'payer',
    'colleagues',
  ]),
  required: z.boolean(),
  name: localizedSchema,
  text: localizedSchema,
  label: localizedSchema,
  secondLabel: localizedSchema.optional(),
  hint: localizedSchema,
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  maxLength: z.number().int().positive().optional(),
  maxItems: z.number().int().positive().optional(),
  editNames: z.array(z.string().min(1)).default([]),
  /** The amounts an `amounts` question asks, in order (travel, accommodation, other costs). */
  parts: z.array(amountPartSchema).min(1).optional(),
  /**
   * For a number question: the key of an earlier `colleagues` question whose colleagues, plus the
   * traveller, pre-fill it (the number of travellers), for the traveller to confirm.
   */
  countOf: z.string().optional(),
});

/** One amount an `amounts` question asks for. */
export type AmountPart = z.infer<typeof amountPartSchema>;

/** One question of the form, as the catalogue file `questions.json` describes it. */
export type Question = z.infer<typeof questionSchema>;
/** The kinds of answer a question can take. */
export type QuestionType = Question['type'];

const catalogueSchema = z
  .object({ questions: z.array(questionSchema).min(1) })
  .superRefine((catalogue, ctx) => {
    const keys = new Set<string>();
    for (const question of catalogue.questions) {
      if (keys.has(question.key)) {
        ctx.addIssue({ code: 'custom', message: `question key "${question.key}" appears twice` });
      }
      keys.add(question.key);
      const needsSecondLabel =
        question.type === 'dateRange' || question.type === 'yesNoText' || question.type === 'payer';
      if (needsSecondLabel && !question.secondLabel) {
        ctx.addIssue({
          code: 'custom',
          message: `question "${question.key}" of type ${question.type} needs a secondLabel`,
        });
      }
      if (question.type === 'amounts' && !question.parts) {
        ctx.addIssue({
          code: 'custom',
          message: `question "${question.key}" of type amounts needs its "parts" (the amounts it asks)`,
        });
      }
      if (question.countOf !== undefined) {
        const countedAt = catalogue.questions.findIndex((other) => other.key === question.countOf);
        const counted = catalogue.questions[countedAt];
        const before = countedAt < catalogue.questions.indexOf(question);
        if (question.type !== 'number' || counted?.type !== 'colleagues' || !before) {
          ctx.addIssue({
            code: 'custom',
            message: `question "${question.key}" has countOf "${question.countOf}": countOf belongs on a number question and must name a colleagues question asked before it`,
          });
        }
      }
    }
  });

/**
 * The questions of the form, in the order they are asked (first the trip's title and destination,
 * then the form's), as one catalogue file lists them. The code that asks, shows or exports
 * answers is handed a catalogue, so that another one (a test's, an organisation's) can be used.
 */
export class Catalogue {
  readonly questions: readonly Question[];

  constructor(questions: readonly Question[]) {
    this.questions = questions;
  }

  /** How many questions there are. */
  get size(): number {
    return this.questions.length;
  }

  /** The questions of the form itself, without those identifying the trip. */
  get formQuestions(): readonly Question[] {
    return this.questions.filter((question) => question.section === 'form');
  }

  /** The question with this key, or undefined for a key the catalogue does not have. */
  find(key: string): Question | undefined {
    return this.questions.find((question) => question.key === key);
  }

  /** Where the question with this key is asked: 1 for the first; 0 for a key not in the catalogue. */
  position(key: string): number {
    return this.questions.findIndex((question) => question.key === key) + 1;
  }

  /**
   * The question a traveller means by a part's name in their own words (`doel`, `de datums`,
   * `wie heb ik ontmoet`): the longest catalogue name found as whole words in the text.
   */
  named(text: string): Question | undefined {
    // A part's name is a few words; a long text names none and is not searched.
    if (text.trim().length > PART_NAME_TEXT_LIMIT) return undefined;
    const words = ` ${normalizeName(text)} `;
    let best: { question: Question; length: number } | undefined;
    for (const question of this.questions) {
      const names = [...question.editNames, question.name.nl, question.name.en, question.key];
      for (const name of names.map(normalizeName)) {
        if (name !== '' && words.includes(` ${name} `) && name.length > (best?.length ?? 0)) {
          best = { question, length: name.length };
        }
      }
    }
    return best?.question;
  }
}

/**
 * Validates a catalogue; throws naming what is wrong (and in which file, `source`) so that an
 * editor of the catalogue can fix it.
 */
export function parseCatalogue(data: unknown, source = 'src/report/questions.json'): Catalogue {
  const result = catalogueSchema.safeParse(data);
  if (!result.success) {
    throw new Error(
      `${source} is not a valid question catalogue: ${z.prettifyError(result.error)}`,
    );
  }
  return new Catalogue(result.data.questions);
}

// The most characters of a typed text that Catalogue.named reads.
const PART_NAME_TEXT_LIMIT = 100;

function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
