// Thanks and greetings typed outside an interview ("Dank je wel!", "hoi", 👍🙏): recognised by
// looking up each word and emoji in a few lists, in one pass over the text, never by a pattern.
import { COMMAND_TEXT_LIMIT } from './commands';

/** What a message that is no command says: thanks (or a short "top!"), or hello. */
export type SmallTalk = 'thanks' | 'greeting';

/** Words of thanks, and of an acknowledgement that means as much ("top", "ok"). */
const THANKS_WORDS = new Set([
  'bedankt',
  'dank',
  'dankje',
  'dankjewel',
  'danku',
  'dankuwel',
  'merci',
  'thanks',
  'thank',
  'thankyou',
  'thx',
  'thnx',
  'tnx',
  'ty',
  'cheers',
  'top',
  'toppie',
  'super',
  'prima',
  'mooi',
  'fijn',
  'perfect',
  'geweldig',
  'fantastisch',
  'uitstekend',
  'great',
  'awesome',
  'excellent',
  'cool',
  'nice',
  'lovely',
  'ok',
  'oke',
  'oké',
  'okay',
  'okee',
  'oki',
]);

const GREETING_WORDS = new Set([
  'hoi',
  'hoihoi',
  'hallo',
  'hai',
  'hee',
  'hé',
  'hey',
  'heey',
  'hi',
  'hiya',
  'hello',
  'yo',
  'moi',
  'goedemorgen',
  'goedemiddag',
  'goedenavond',
  'goedendag',
  'morgen',
  'middag',
  'avond',
  'morning',
  'afternoon',
  'evening',
]);

/** Words that go with thanks or a greeting and change nothing ("heel erg bedankt voor je hulp"). */
const FILLER_WORDS = new Set([
  'je',
  'jij',
  'u',
  'jullie',
  'wel',
  'heel',
  'erg',
  'zeer',
  'enorm',
  'hartelijk',
  'hartelijke',
  'hartstikke',
  'veel',
  'voor',
  'de',
  'het',
  'hulp',
  'hoor',
  'allemaal',
  'iedereen',
  'nogmaals',
  'alvast',
  'weer',
  'goed',
  'goede',
  'goeden',
  'daar',
  'ja',
  'nou',
  'oh',
  'ah',
  'bot',
  'reisverslag',
  'you',
  'your',
  'so',
  'very',
  'much',
  'many',
  'a',
  'lot',
  'lots',
  'for',
  'the',
  'help',
  'all',
  'again',
  'there',
  'good',
  'everyone',
  'yes',
]);

/** Emoji that say thanks or "fine" (without variation selector or skin tone). */
const THANKS_EMOJI = new Set([
  ...'👍🙏😊🙂😀😃😄😁☺❤♥💙💚💛🧡💜🤍💪👌👏🎉🎊✅✔🥳😎🤝💯🙌😍🥰😉🤗👊✨⭐🌟☀🌞🍀',
]);
const GREETING_EMOJI = new Set([...'👋']);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Thanks or a greeting, when a message is only that: its words all thanks, greeting or filler
 * words, its emoji any. Emoji alone count when they say thanks (👍🙏) or hello (👋). Undefined
 * for anything else, and for a text too long to be small talk.
 */
export function smallTalkOf(text: string | undefined): SmallTalk | undefined {
  const trimmed = (text ?? '').trim();
  if (trimmed === '' || trimmed.length > COMMAND_TEXT_LIMIT) return undefined;
  let thanks = false;
  let greeting = false;
  let word = '';
  const endWord = (): boolean => {
    if (word === '') return true;
    const known = THANKS_WORDS.has(word) || GREETING_WORDS.has(word) || FILLER_WORDS.has(word);
    thanks ||= THANKS_WORDS.has(word);
    greeting ||= GREETING_WORDS.has(word);
    word = '';
    return known;
  };
  for (const character of trimmed.toLowerCase()) {
    if (LETTER_OR_DIGIT.test(character)) {
      word += character;
      continue;
    }
    if (!endWord()) return undefined;
    // Other emoji, skin tones, joiners, punctuation and spaces say nothing either way.
    thanks ||= THANKS_EMOJI.has(character);
    greeting ||= GREETING_EMOJI.has(character);
  }
  if (!endWord()) return undefined;
  if (thanks) return 'thanks';
  return greeting ? 'greeting' : undefined;
}
