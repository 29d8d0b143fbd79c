// User text on a card goes into RichTextBlock/TextRun, which no Teams client reads as markdown,
// so it is shown as typed with no escaping. TextBlocks (markdown in Teams) keep the bot's words.

/** A TextRun's spacing above its line: none within a paragraph, more after a blank line. */
export type LineSpacing = 'Small' | 'None' | 'Medium';

/** One line of user text, shown as a RichTextBlock of one TextRun. */
export interface TextLine {
  text: string;
  spacing: LineSpacing;
}

/** One run of a sentence: the bot's words in normal weight, a value from the user in bold. */
export interface TextPart {
  text: string;
  weight: 'Default' | 'Bolder';
}

/**
 * User text as lines, one RichTextBlock each: a line break inside a TextRun is not shown the same
 * way by every Teams client, a block per line is. Blank lines become spacing, not blocks.
 */
export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let blankBefore = false;
  for (const line of text.split(/\r\n|[\r\n\u2028\u2029]/)) {
    if (line.trim() === '') {
      blankBefore = lines.length > 0;
      continue;
    }
    lines.push({
      text: line,
      spacing: lines.length === 0 ? 'Small' : blankBefore ? 'Medium' : 'None',
    });
    blankBefore = false;
  }
  return lines;
}

/** One entry of a list on a card (a person met), shown after a bullet as a TextRun of its own. */
export interface TextItem {
  text: string;
}

/** An answer as a card shows it: its text line by line, and for a list one item an entry. */
export interface AnswerText {
  lines: TextLine[];
  items: TextItem[];
}

/** The card form of an answer as formatAnswer shows it. */
export function answerText(shown: { text: string; items?: string[] }): AnswerText {
  return {
    lines: textLines(shown.text),
    items: (shown.items ?? []).map((text) => ({ text })),
  };
}

// Private-use characters stand in for the values while the bot's sentence is composed.
const PLACEHOLDER_BASE = 0xe000;

/**
 * A sentence of the bot's (from texts.ts) with user text in it, as runs: `compose` is called with
 * stand-ins, which are then replaced by the values, each a run of its own, never markdown.
 */
export function sentence<TValues extends string[]>(
  compose: (...values: TValues) => string,
  ...values: TValues
): TextPart[] {
  const placeholders = values.map((_, index) => String.fromCharCode(PLACEHOLDER_BASE + index));
  const composed = compose(...(placeholders as TValues));
  const parts: TextPart[] = [];
  let words = '';
  for (const character of composed) {
    const index = character.charCodeAt(0) - PLACEHOLDER_BASE;
    if (character.length === 1 && index >= 0 && index < values.length) {
      if (words !== '') parts.push({ text: words, weight: 'Default' });
      words = '';
      if (values[index] !== '') parts.push({ text: values[index] as string, weight: 'Bolder' });
    } else {
      words += character;
    }
  }
  if (words !== '') parts.push({ text: words, weight: 'Default' });
  return parts;
}

/** The runs of a sentence as one string, e.g. for a card's `speak`. */
export function sentenceText(parts: TextPart[]): string {
  return parts.map((part) => part.text).join('');
}

/** Text for a card's `speak`, which hosts read as SSML: `&`, `<` and `>` escaped. */
export function speakable(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// How far before a cut its character is looked for: longer than any emoji sequence.
const CUT_WINDOW = 64;

/**
 * The start of a text, at most `units` UTF-16 units long, cut between characters as people see
 * them (an emoji with ZWJ or a flag is never split). Only a window around the cut is segmented:
 * segmenting a whole long text is slow, and this runs on whatever a traveller sent.
 */
export function textBefore(text: string, units: number): string {
  if (units >= text.length) return text;
  const start = Math.max(0, units - CUT_WINDOW);
  let end = start;
  for (const { index } of segmenter.segment(text.slice(start, units + CUT_WINDOW))) {
    if (start + index > units) break;
    end = start + index;
  }
  return text.slice(0, end);
}
