import { z } from 'zod';
import questionsFile from './questions.json';

const localizedSchema = z.object({ nl: z.string().min(1), en: z.string().min(1) });

const questionSchema = z.object({
  key: z.string().regex(/^[a-z]+$/i),
  section: z.enum(['trip', 'form']),
  type: z.enum(['shortText', 'longText', 'number', 'dateRange', 'people', 'yesNoText']),
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
});

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
      const needsSecondLabel = question.type === 'dateRange' || question.type === 'yesNoText';
      if (needsSecondLabel && !question.secondLabel) {
        ctx.addIssue({
          code: 'custom',
          message: `question "${question.key}" of type ${question.type} needs a secondLabel`,
        });
      }
    }
  });

/** Validates a catalogue; throws naming what is wrong so an editor of `questions.json` can fix it. */
export function parseCatalogue(data: unknown): readonly Question[] {
  const result = catalogueSchema.safeParse(data);
  if (!result.success) {
    throw new Error(
      `src/report/questions.json is not a valid question catalogue: ${z.prettifyError(result.error)}`,
    );
  }
  return result.data.questions;
}

/** The questions, in the order they are asked: first the trip's title and destination, then the form's. */
export const questions: readonly Question[] = parseCatalogue(questionsFile);

/** The question with this key, or undefined for a key the catalogue does not have. */
export function findQuestion(key: string): Question | undefined {
  return questions.find((question) => question.key === key);
}

// The most characters of a typed text that questionNamed reads.
const PART_NAME_TEXT_LIMIT = 100;

/**
 * The question a traveller means by a part's name in their own words (`doel`, `de datums`,
 * `wie heb ik ontmoet`): the longest catalogue name found as whole words in the text.
 */
export function questionNamed(text: string): Question | undefined {
  // A part's name is a few words; a long text names none and is not searched.
  if (text.trim().length > PART_NAME_TEXT_LIMIT) return undefined;
  const words = ` ${normalizeName(text)} `;
  let best: { question: Question; length: number } | undefined;
  for (const question of questions) {
    const names = [...question.editNames, question.name.nl, question.name.en, question.key];
    for (const name of names.map(normalizeName)) {
      if (name !== '' && words.includes(` ${name} `) && name.length > (best?.length ?? 0)) {
        best = { question, length: name.length };
      }
    }
  }
  return best?.question;
}

function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
