// Reading who paid for the trip (issue 18): the municipality, a third party (hospitality, which
// the register must show) or both. Text that names none of the three is refused, not guessed:
// reading a third party's hospitality as the municipality's, or the reverse, falsifies the register.
import { collapseWhitespace, isWhitespace } from './plainText';
import type { PaidBy } from './report';

/** Who paid, read from the traveller's text; or why it cannot be read. */
export type PayerReading =
  | { ok: true; payer: PaidBy; text?: string }
  | { ok: false; problem: 'required' | 'unclear' | 'partyRequired' | 'splitRequired' };

// The municipality, said in full. Only these whole answers: "gemeente, maar het hotel betaalde
// UN-Habitat" says more than the municipality. "wij", "zelf" and "ik" are the traveller's own
// side: what they paid themselves is declared, so the municipality bears it (no hospitality).
const MUNICIPALITY = new Set([
  'gemeente',
  'de gemeente',
  'onze gemeente',
  'mijn gemeente',
  'eigen gemeente',
  'de eigen gemeente',
  'de gemeente zelf',
  'gemeente betaalde',
  'de gemeente betaalde',
  'gemeente betaalde alles',
  'de gemeente betaalde alles',
  'gemeente heeft betaald',
  'de gemeente heeft betaald',
  'de gemeente heeft alles betaald',
  'betaald door de gemeente',
  'betaald door gemeente',
  'alles betaald door de gemeente',
  'door de gemeente',
  'volledig door de gemeente',
  'werkgever',
  'de werkgever',
  'mijn werkgever',
  'wij',
  'wijzelf',
  'wij zelf',
  'we',
  'zelf',
  'ik',
  'ikzelf',
  'ik zelf',
  'zelf betaald',
  'eigen budget',
  'municipality',
  'the municipality',
  'our municipality',
  'my municipality',
  'the municipality paid',
  'paid by the municipality',
  'my employer',
  'ourselves',
  'myself',
]);

// Words that open a third party's name: "derde partij: UN-Habitat", "third party UN-Habitat".
const THIRD_PARTY_LEADS = [
  'betaald door een derde partij',
  'betaald door derde partij',
  'betaald door derden',
  'door een derde partij',
  'door derde partij',
  'een derde partij',
  'derde partij',
  'derden',
  'paid by a third party',
  'paid by third party',
  'a third party',
  'third party',
  'third-party',
].map(words);

// Words that open who paid what: "gedeeld: reis gemeente, hotel UN-Habitat", "deels door …".
const SHARED_LEADS = [
  'gedeeld',
  'gedeeltelijk',
  'deels',
  'shared',
  'partly',
  'partially',
  'split',
].map(words);
// Words after a shared lead that say nothing of who paid: "gedeeld door …", "deels betaald door …".
const SHARED_FILLERS = ['betaald door', 'paid by', 'door', 'by'].map(words);

// A third party named before or after a verb: "UN-Habitat betaalde", "betaald door UN-Habitat".
const PARTY_BEFORE = [
  ' betaalde alle kosten',
  ' betaalde alles',
  ' betaalde',
  ' heeft alles betaald',
  ' heeft betaald',
  ' paid for everything',
  ' paid everything',
  ' paid',
];
const PARTY_AFTER = ['alles betaald door ', 'betaald door ', 'paid by ', 'door '];
// A name with these words in it may be the traveller's own side ("gemeente Den Haag betaalde"):
// asked to say which, with "derde partij:" for another municipality.
const OWN_SIDE_WORDS = new Set(['gemeente', 'municipality', 'wij', 'we', 'zelf', 'ik', 'our']);
// Verbs alone after a third-party lead: "derde partij betaalde alles" names no party.
const VERBS_ONLY = new Set(PARTY_BEFORE.map((verb) => verb.trim()));
// What may stand between a lead and what follows it.
const LEAD_SEPARATORS = ':-–—,=';

/**
 * The card's choice: `municipality`, `thirdParty`, `shared` as the card sends them, or the Dutch
 * `gemeente`, `derde partij`, `gedeeld`; undefined for anything else.
 */
export function readPayerChoice(value: unknown): PaidBy | undefined {
  if (typeof value !== 'string') return undefined;
  const said = collapseWhitespace(value.trim().toLowerCase());
  if (said === 'municipality' || said === 'gemeente' || said === 'de gemeente') {
    return 'municipality';
  }
  if (['thirdparty', 'third party', 'third-party', 'derde partij', 'derden'].includes(said)) {
    return 'thirdParty';
  }
  if (said === 'shared' || said === 'gedeeld' || said === 'deels') return 'shared';
  return undefined;
}

/**
 * Reads who paid as typed: `gemeente` (`de gemeente`, `gemeente betaalde alles`, `wij`, `zelf`,
 * `the municipality`); `derde partij: UN-Habitat`, `UN-Habitat betaalde`, `betaald door
 * UN-Habitat`, `third party: X`; `gedeeld: reis gemeente, hotel UN-Habitat`, `deels …`,
 * `shared: …`. A third party needs its name, shared costs who paid what. Text that says none of
 * these (a bare `UN-Habitat`) is `unclear`.
 */
export function readPayer(text: string): PayerReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'required' };
  if (MUNICIPALITY.has(said(trimmed))) return { ok: true, payer: 'municipality' };

  const party = afterLead(trimmed, THIRD_PARTY_LEADS);
  if (party !== undefined) {
    const name = withoutParentheses(party);
    if (name === '' || VERBS_ONLY.has(said(name))) return { ok: false, problem: 'partyRequired' };
    return { ok: true, payer: 'thirdParty', text: name };
  }
  const shared = afterLead(trimmed, SHARED_LEADS);
  if (shared !== undefined) {
    const split = afterLead(shared, SHARED_FILLERS) ?? shared;
    if (split === '') return { ok: false, problem: 'splitRequired' };
    return { ok: true, payer: 'shared', text: split };
  }
  const named = partyNamed(collapseWhitespace(trimmed));
  if (named !== undefined && named !== '') {
    if (MUNICIPALITY.has(said(named))) return { ok: true, payer: 'municipality' };
    if (!mentionsOwnSide(named)) return { ok: true, payer: 'thirdParty', text: named };
  }
  return { ok: false, problem: 'unclear' };
}

// "UN-Habitat betaalde alles" or "betaald door UN-Habitat": the name; undefined without the verb.
function partyNamed(text: string): string | undefined {
  const stripped = withoutEndPunctuation(text);
  for (const verb of PARTY_BEFORE) {
    if (stripped.slice(-verb.length).toLowerCase() === verb) {
      return stripped.slice(0, -verb.length).trim();
    }
  }
  for (const lead of PARTY_AFTER) {
    if (stripped.slice(0, lead.length).toLowerCase() === lead) {
      return stripped.slice(lead.length).trim();
    }
  }
  return undefined;
}

function mentionsOwnSide(name: string): boolean {
  return name
    .toLowerCase()
    .split(/\P{L}+/u)
    .some((word) => OWN_SIDE_WORDS.has(word));
}

// The text after one of the leads (as whole words, any whitespace between them) and the
// separators after it; undefined when it opens with none.
function afterLead(text: string, leads: readonly string[][]): string | undefined {
  for (const lead of leads) {
    const end = wordsEnd(text, lead);
    if (end === undefined) continue;
    let at = end;
    while (at < text.length) {
      const character = text.charAt(at);
      if (!isWhitespace(character) && !LEAD_SEPARATORS.includes(character)) break;
      at += 1;
    }
    return text.slice(at).trim();
  }
  return undefined;
}

// Where the words end when the text opens with them (any whitespace between, a word's end after).
function wordsEnd(text: string, lead: readonly string[]): number | undefined {
  let at = 0;
  for (const [index, word] of lead.entries()) {
    if (index > 0) {
      const before = at;
      while (isWhitespace(text.charAt(at))) at += 1;
      if (at === before) return undefined;
    }
    if (text.slice(at, at + word.length).toLowerCase() !== word) return undefined;
    at += word.length;
  }
  return /[\p{L}\p{N}]/u.test(text.charAt(at)) ? undefined : at;
}

// "(UN-Habitat)" after "derde partij": the name inside.
function withoutParentheses(text: string): string {
  return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1).trim() : text;
}

function said(text: string): string {
  return withoutEndPunctuation(collapseWhitespace(text.trim()).toLowerCase());
}

function withoutEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && '.!'.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end).trimEnd();
}

function words(phrase: string): string[] {
  return phrase.split(' ');
}
