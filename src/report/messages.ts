import { formatDate, writtenDateRange } from './dates';
import { describeDuration } from './duration';
import { partWord } from './amounts';
import type { AmountPart } from './catalogue';
import type { Locale } from './locale';
import { formatEuro } from './money';

/** Which date of a trip a message is about. */
export type DateField = 'departure' | 'return';

/**
 * Every sentence the domain shows a traveller, in one place per language. A validation message
 * is one sentence: what is wrong, then what to do.
 */
export interface Messages {
  numberInvalid(min: number, max: number): string;
  numberOutOfRange(typed: string, min: number, max: number): string;
  textRequired: string;
  textTooLong(typed: number, limit: number): string;
  datesRequired: string;
  dateRequired(field: DateField): string;
  datesUnreadable(typed: string): string;
  /** A date that cannot be read or does not exist; `date` for a single date typed alone. */
  dateInvalid(field: DateField | 'date', typed: string): string;
  dateInFuture(field: DateField, today: string): string;
  returnBeforeDeparture(departure: string): string;
  durationTooShort: string;
  nightsMismatch(days: number): string;
  peopleRequired: string;
  personWithoutRole(line: string): string;
  tooManyPeople(count: number, max: number): string;
  yesNoRequired: string;
  agreementsRequired: string;
  /** `Ja` / `Yes`, and `Nee` / `No`, as shown before an answer's text. */
  yes: string;
  no: string;
  /** Two dates of a trip: `19-06-2023 t/m 20-06-2023`. */
  dateRange(departure: string, returnDate: string): string;
  /** The dates after a duration in the report text: `, van 19-06-2023 t/m 20-06-2023`. */
  datesAfterDuration(departure: string, returnDate: string): string;
  personCount(count: number): string;
  notAnswered: string;
  reportHeading: string;
  travellerLabel: string;
  versionLine(version: number, draft: boolean): string;
  changedLine(date: string): string;
  /** A list of people split without certainty: "Klopt dit? 3 personen:", the list follows. */
  askPeople(count: number): string;
  /** The sentence when a list of people cannot be read with certainty and cannot be asked back. */
  peopleUncertain: string;
  /** Dates typed without a year, taken as last year's: "Klopt dit? 18 t/m 22 november 2025". */
  askDates(departure: string, returnDate: string): string;
  datesUncertain: string;
  /** A text that may be a yes or a no: asks which, quoting it. */
  askYesOrNo(text: string): string;
  yesOrNoUncertain: string;
  /** A trip typed as a duration: asks for its departure date. */
  askDeparture(days: number, nights: number): string;
  departureRequired: string;
  departureInvalid(typed: string): string;
  /** A typed yes or no while an ask-back card waits for a button. */
  askBackUseButtons: string;
  /** The buttons of an ask-back: keep what was read, or change it. */
  askBackLabels: { confirm: string; adjust: string; departure: string };
  /** A no with a remark: "Nee — …". */
  noWithRemark(remark: string): string;
  /** An amount the traveller does not know yet, as shown: `nog niet bekend`. */
  amountUnknown: string;
  /** The total of an amounts answer: `Totaal: € 1.586,80`; with unknown amounts, of those known. */
  amountTotal(total: string, complete: boolean): string;
  /** Who paid, as shown; a third party's share reads as hospitality (gastvrijheid). */
  paidByMunicipality: string;
  paidByThirdParty(party: string): string;
  paidShared(split: string): string;
  /** The traveller went alone: no colleagues. */
  noColleagues: string;
  /** A typed amount that is not one. */
  amountInvalid(typed: string): string;
  /** `1,089`: a thousand and more or one euro and change; both readings in cents, to type either. */
  amountAmbiguous(typed: string, whole: number, small: number): string;
  amountTooPrecise(typed: string): string;
  amountNegative(typed: string): string;
  /** An amount over `most` cents. */
  amountTooLarge(typed: string, most: number): string;
  amountNotInEuros(typed: string): string;
  /** Nothing given for one amount: an empty card input, or a part's word without an amount. */
  amountRequired(part: AmountPart): string;
  /** Amounts without the parts' words, but not one a part: `count` were typed. */
  amountsCount(count: number, parts: readonly AmountPart[]): string;
  amountPartMissing(part: AmountPart): string;
  amountPartTwice(part: AmountPart): string;
  /** An amount with no part's word to say what it is for. */
  amountWithoutPart(typed: string, parts: readonly AmountPart[]): string;
  payerRequired: string;
  /** Text that says neither the municipality, nor a third party, nor shared. */
  payerUnclear(typed: string): string;
  payerPartyRequired: string;
  payerSplitRequired: string;
  colleaguesRequired: string;
  colleagueNameTooLong(name: string): string;
  /** A number or a date given as a colleague's name. */
  colleagueNotAName(typed: string): string;
  tooManyColleagues(count: number, max: number): string;
}

const EXAMPLE_DATE = '19-06-2023';
const DUTCH_DATE_NAMES = { departure: 'vertrekdatum', return: 'terugkeerdatum', date: 'datum' };
const ENGLISH_DATE_NAMES = { departure: 'departure date', return: 'return date', date: 'date' };

const nl: Messages = {
  numberInvalid: (min, max) => `Vul een heel getal in van ${min} tot en met ${max}.`,
  numberOutOfRange: (typed, min, max) =>
    `${shorten(typed, 12)} valt buiten de grenzen; vul een heel getal in van ${min} tot en met ${max}.`,
  textRequired: 'Deze vraag mag niet leeg blijven; typ je antwoord.',
  textTooLong: (typed, limit) =>
    `Je antwoord telt ${count('nl', typed)} tekens; kort het in tot hoogstens ${count('nl', limit)} tekens.`,
  datesRequired: `Vul de vertrek- en terugkeerdatum in, bijvoorbeeld ${EXAMPLE_DATE} t/m 20-06-2023.`,
  dateRequired: (field) =>
    field === 'departure'
      ? `Vul ook de vertrekdatum in, bijvoorbeeld ${EXAMPLE_DATE}.`
      : 'Vul ook de terugkeerdatum in; was het een dagreis, kies dan dezelfde datum als de vertrekdatum.',
  datesUnreadable: (typed) =>
    `Ik herken ‘${shorten(typed)}’ niet als datum of reisduur; typ bijvoorbeeld ${EXAMPLE_DATE} t/m 20-06-2023, of de duur, zoals 2 dagen (1 nacht).`,
  dateInvalid: (field, typed) =>
    `‘${shorten(typed)}’ is geen geldige ${DUTCH_DATE_NAMES[field]}; typ een bestaande datum, bijvoorbeeld ${EXAMPLE_DATE}.`,
  dateInFuture: (field, today) =>
    field === 'departure'
      ? `De vertrekdatum ligt in de toekomst; kies een vertrekdatum op of vóór vandaag, ${formatDate(today, 'nl')}.`
      : `De terugkeerdatum ligt in de toekomst; vul dit verslag in na terugkeer, of kies een terugkeerdatum op of vóór vandaag, ${formatDate(today, 'nl')}.`,
  returnBeforeDeparture: (departure) =>
    `De terugkeerdatum ligt vóór de vertrekdatum; kies een terugkeerdatum op of na ${formatDate(departure, 'nl')}.`,
  durationTooShort: 'Een reis duurt ten minste 1 dag; typ bijvoorbeeld 1 dag (0 nachten).',
  nightsMismatch: (days) =>
    `Een reis van ${days} ${days === 1 ? 'dag' : 'dagen'} telt ${days - 1} of ${days} ${days === 1 ? 'nacht' : 'nachten'}; typ bijvoorbeeld ${describeDuration(days, days - 1, 'nl')}.`,
  peopleRequired: 'Noem ten minste één persoon, één per regel als Naam (functie).',
  personWithoutRole: (line) =>
    `Bij ‘${shorten(line)}’ ontbreekt de functie; schrijf één persoon per regel als Naam (functie), bijvoorbeeld Anna de Vries (wethouder).`,
  tooManyPeople: (typed, max) =>
    `Je noemde ${typed} personen; noem er hoogstens ${max}, bijvoorbeeld de belangrijkste.`,
  yesNoRequired: 'Antwoord met ja of nee; bij ja beschrijf je ook de afspraken.',
  agreementsRequired:
    'Bij ja horen de afspraken zelf; beschrijf welke vervolgafspraken er zijn, bijvoorbeeld: ja, in september spreken we elkaar opnieuw.',
  yes: 'Ja',
  no: 'Nee',
  dateRange: (departure, returnDate) =>
    `${formatDate(departure, 'nl')} t/m ${formatDate(returnDate, 'nl')}`,
  datesAfterDuration: (departure, returnDate) =>
    departure === returnDate
      ? `, op ${formatDate(departure, 'nl')}`
      : `, van ${formatDate(departure, 'nl')} t/m ${formatDate(returnDate, 'nl')}`,
  personCount: (n) => `${n} ${n === 1 ? 'persoon' : 'personen'}`,
  notAnswered: '(niet beantwoord)',
  reportHeading: 'VERSLAG BUITENLANDSE DIENSTREIS',
  travellerLabel: 'Reiziger',
  versionLine: (version, draft) => `Versie: ${version}${draft ? ' (concept)' : ''}`,
  changedLine: (date) => `Laatst gewijzigd: ${formatDate(date, 'nl')}`,
  askPeople: (n) => `Klopt dit? ${n} ${n === 1 ? 'persoon' : 'personen'}:`,
  peopleUncertain:
    'Ik weet niet zeker waar de ene persoon ophoudt en de volgende begint; schrijf één persoon per regel als Naam (functie).',
  askDates: (departure, returnDate) =>
    `Klopt dit? ${writtenDateRange(departure, returnDate, 'nl')}`,
  datesUncertain: `Typ de datums met het jaar erbij, bijvoorbeeld ${EXAMPLE_DATE} t/m 20-06-2023.`,
  askYesOrNo: (text) => `Bedoel je ja of nee? Je schreef: ‘${shorten(text)}’`,
  yesOrNoUncertain: 'Ik weet niet zeker of je ja of nee bedoelt; begin je antwoord met ja of nee.',
  askDeparture: (days, nights) =>
    `De reis duurde ${describeDuration(days, nights, 'nl')}. Op welke datum vertrok je?`,
  departureRequired: `Vul de vertrekdatum in, bijvoorbeeld ${EXAMPLE_DATE}.`,
  departureInvalid: (typed) =>
    `‘${shorten(typed)}’ is geen geldige vertrekdatum; typ een bestaande datum, bijvoorbeeld ${EXAMPLE_DATE} of 19 juni.`,
  askBackUseButtons:
    'Kies een knop op de kaart hierboven, of typ je antwoord opnieuw in zijn geheel.',
  askBackLabels: { confirm: 'Ja', adjust: 'Aanpassen', departure: 'Vertrekdatum' },
  noWithRemark: (remark) => `Nee — ${remark}`,
  amountUnknown: 'nog niet bekend',
  amountTotal: (total, complete) =>
    complete
      ? `Totaal: ${total}`
      : `Totaal: ${total} (zonder de bedragen die nog niet bekend zijn)`,
  paidByMunicipality: 'De gemeente',
  paidByThirdParty: (party) => `Betaald door derde partij: ${party} (gastvrijheid)`,
  paidShared: (split) => `Betaald door derde partij: deels — ${split} (gastvrijheid)`,
  noColleagues: 'Niemand; ik reisde alleen',
  amountInvalid: (typed) =>
    `‘${shorten(typed)}’ is geen bedrag; typ een bedrag in euro, zoals 412,80, of ‘nog niet bekend’.`,
  amountAmbiguous: (typed, whole, small) =>
    `‘${shorten(typed)}’ is niet eenduidig; typ ${typedAmount(whole, 'nl')} als je ${formatEuro(whole, 'nl')} bedoelt, of ${typedAmount(small, 'nl')} als je ${formatEuro(small, 'nl')} bedoelt.`,
  amountTooPrecise: (typed) =>
    `‘${shorten(typed)}’ heeft meer dan twee cijfers achter de komma; typ het bedrag in hele centen, zoals 412,80.`,
  amountNegative: (typed) =>
    `‘${shorten(typed)}’ is een negatief bedrag; typ wat het kostte zonder minteken, of 0 als er geen kosten waren.`,
  amountTooLarge: (typed, most) =>
    `‘${shorten(typed)}’ is meer dan ${formatEuro(most, 'nl')}; controleer het bedrag en typ het opnieuw, zoals 1.089,50.`,
  amountNotInEuros: (typed) =>
    `‘${shorten(typed)}’ is geen bedrag in euro; reken het om naar euro en typ dat bedrag, zoals 78,40.`,
  amountRequired: (part) =>
    `Bij de ${labelOf(part, 'nl')} staat geen bedrag; typ het bedrag, 0 als er geen kosten waren, of ‘nog niet bekend’.`,
  amountsCount: (typed, parts) => {
    const what = `typ de ${list(
      parts.map((part) => labelOf(part, 'nl')),
      'en',
    )}, bijvoorbeeld ‘${amountsExample(parts, 'nl')}’`;
    return typed === 0
      ? `Er staan nog geen bedragen; ${what}.`
      : `Ik lees ${typed} ${typed === 1 ? 'bedrag' : 'bedragen'}, maar de vraag vraagt er ${parts.length}; ${what}, of één per regel in die volgorde.`;
  },
  amountPartMissing: (part) =>
    `Het bedrag voor de ${labelOf(part, 'nl')} ontbreekt; typ het erbij, bijvoorbeeld ‘${wordOf(part, 'nl')} 85’, of typ ‘${wordOf(part, 'nl')} nog niet bekend’.`,
  amountPartTwice: (part) =>
    `Je noemde de ${labelOf(part, 'nl')} twee keer; noem elk bedrag één keer.`,
  amountWithoutPart: (typed, parts) =>
    `Bij ‘${shorten(typed)}’ staat niet waarvoor het is; zet er ${list(
      parts.map((part) => wordOf(part, 'nl')),
      'of',
    )} voor.`,
  payerRequired:
    'Je hebt nog niet gezegd wie de reis betaalde; typ ‘gemeente’, ‘derde partij:’ met de naam van die partij, of ‘gedeeld:’ met wie wat betaalde.',
  payerUnclear: (typed) =>
    `Uit ‘${shorten(typed)}’ lees ik niet wie betaalde; typ ‘gemeente’, ‘derde partij:’ met de naam, zoals derde partij: UN-Habitat, of ‘gedeeld:’ met wie wat betaalde.`,
  payerPartyRequired:
    'Bij een derde partij hoort de naam van die partij; typ welke partij betaalde, bijvoorbeeld UN-Habitat.',
  payerSplitRequired:
    'Bij gedeelde kosten hoort wie wat betaalde; beschrijf het, bijvoorbeeld: reis gemeente, hotel UN-Habitat.',
  colleaguesRequired:
    'Je hebt nog niemand genoemd; typ de namen van je reisgenoten, één per regel, of ‘niemand’ als je alleen reisde.',
  colleagueNameTooLong: (name) =>
    `‘${shorten(name)}’ is te lang voor een naam; typ één naam per regel, of scheid de namen met een puntkomma.`,
  tooManyColleagues: (typed, max) => `Je noemde ${typed} reisgenoten; noem er hoogstens ${max}.`,
  colleagueNotAName: (typed) =>
    `‘${shorten(typed)}’ is geen naam; noem je reisgenoten bij naam, één per regel, of typ ‘niemand’ als je alleen reisde (het aantal personen vraag ik hierna).`,
};

const en: Messages = {
  numberInvalid: (min, max) => `Enter a whole number from ${min} to ${max}.`,
  numberOutOfRange: (typed, min, max) =>
    `${shorten(typed, 12)} is out of range; enter a whole number from ${min} to ${max}.`,
  textRequired: 'This question cannot be left empty; type your answer.',
  textTooLong: (typed, limit) =>
    `Your answer has ${count('en', typed)} characters; shorten it to at most ${count('en', limit)} characters.`,
  datesRequired: 'Enter the departure and return dates, for example 19-06-2023 to 20-06-2023.',
  dateRequired: (field) =>
    field === 'departure'
      ? `Enter the departure date too, for example ${EXAMPLE_DATE}.`
      : 'Enter the return date too; for a day trip, pick the departure date again.',
  datesUnreadable: (typed) =>
    `I cannot read ‘${shorten(typed)}’ as a date or duration; type for example ${EXAMPLE_DATE} to 20-06-2023, or the duration, such as 2 days (1 night).`,
  dateInvalid: (field, typed) =>
    `‘${shorten(typed)}’ is not a valid ${ENGLISH_DATE_NAMES[field]}; type a date that exists, for example ${EXAMPLE_DATE}.`,
  dateInFuture: (field, today) =>
    field === 'departure'
      ? `The departure date is in the future; pick a departure date on or before today, ${formatDate(today, 'en')}.`
      : `The return date is in the future; fill in this report after your return, or pick a return date on or before today, ${formatDate(today, 'en')}.`,
  returnBeforeDeparture: (departure) =>
    `The return date is before the departure date; pick a return date on or after ${formatDate(departure, 'en')}.`,
  durationTooShort: 'A trip lasts at least 1 day; type for example 1 day (0 nights).',
  nightsMismatch: (days) =>
    `A trip of ${days} ${days === 1 ? 'day' : 'days'} has ${days - 1} or ${days} ${days === 1 ? 'night' : 'nights'}; type for example ${describeDuration(days, days - 1, 'en')}.`,
  peopleRequired: 'Name at least one person, one a line as Name (position).',
  personWithoutRole: (line) =>
    `The position is missing for ‘${shorten(line)}’; write one person a line as Name (position), for example Jane Smith (mayor).`,
  tooManyPeople: (typed, max) =>
    `You named ${typed} people; name at most ${max}, for example the most important ones.`,
  yesNoRequired: 'Answer yes or no; if yes, describe the agreements too.',
  agreementsRequired:
    'A yes needs the agreements themselves; describe the follow-up agreements, for example: yes, we meet again in September.',
  yes: 'Yes',
  no: 'No',
  dateRange: (departure, returnDate) =>
    `${formatDate(departure, 'en')} to ${formatDate(returnDate, 'en')}`,
  datesAfterDuration: (departure, returnDate) =>
    departure === returnDate
      ? `, on ${formatDate(departure, 'en')}`
      : `, from ${formatDate(departure, 'en')} to ${formatDate(returnDate, 'en')}`,
  personCount: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
  notAnswered: '(not answered)',
  reportHeading: 'FOREIGN BUSINESS TRIP REPORT',
  travellerLabel: 'Traveller',
  versionLine: (version, draft) => `Version: ${version}${draft ? ' (draft)' : ''}`,
  changedLine: (date) => `Last changed: ${formatDate(date, 'en')}`,
  askPeople: (n) => `Is this right? ${n} ${n === 1 ? 'person' : 'people'}:`,
  peopleUncertain:
    'I am not sure where one person ends and the next begins; write one person a line as Name (position).',
  askDates: (departure, returnDate) =>
    `Is this right? ${writtenDateRange(departure, returnDate, 'en')}`,
  datesUncertain: 'Type the dates with their year, for example 19-06-2023 to 20-06-2023.',
  askYesOrNo: (text) => `Do you mean yes or no? You wrote: ‘${shorten(text)}’`,
  yesOrNoUncertain: 'I am not sure whether you mean yes or no; start your answer with yes or no.',
  askDeparture: (days, nights) =>
    `The trip lasted ${describeDuration(days, nights, 'en')}. On which date did you leave?`,
  departureRequired: `Enter the departure date, for example ${EXAMPLE_DATE}.`,
  departureInvalid: (typed) =>
    `‘${shorten(typed)}’ is not a valid departure date; type a date that exists, for example ${EXAMPLE_DATE} or 19 June.`,
  askBackUseButtons: 'Choose a button on the card above, or type your whole answer again.',
  askBackLabels: { confirm: 'Yes', adjust: 'Adjust', departure: 'Departure date' },
  noWithRemark: (remark) => `No — ${remark}`,
  amountUnknown: 'not known yet',
  amountTotal: (total, complete) =>
    complete ? `Total: ${total}` : `Total: ${total} (without the amounts not known yet)`,
  paidByMunicipality: 'The municipality',
  paidByThirdParty: (party) => `Paid by a third party: ${party} (hospitality)`,
  paidShared: (split) => `Paid by a third party: partly — ${split} (hospitality)`,
  noColleagues: 'Nobody; I travelled alone',
  amountInvalid: (typed) =>
    `‘${shorten(typed)}’ is not an amount; type an amount in euros, such as 412.80, or ‘not known yet’.`,
  amountAmbiguous: (typed, whole, small) =>
    `‘${shorten(typed)}’ is ambiguous; type ${typedAmount(whole, 'en')} if you mean ${formatEuro(whole, 'en')}, or ${typedAmount(small, 'en')} if you mean ${formatEuro(small, 'en')}.`,
  amountTooPrecise: (typed) =>
    `‘${shorten(typed)}’ has more than two decimals; type the amount in whole cents, such as 412.80.`,
  amountNegative: (typed) =>
    `‘${shorten(typed)}’ is a negative amount; type what it cost without a minus sign, or 0 if there were no costs.`,
  amountTooLarge: (typed, most) =>
    `‘${shorten(typed)}’ is more than ${formatEuro(most, 'en')}; check the amount and type it again, such as 1089.50.`,
  amountNotInEuros: (typed) =>
    `‘${shorten(typed)}’ is not an amount in euros; convert it to euros and type that amount, such as 78.40.`,
  amountRequired: (part) =>
    `No amount is given for ${labelOf(part, 'en')}; type the amount, 0 if there were no costs, or ‘not known yet’.`,
  amountsCount: (typed, parts) => {
    const what = `type the amounts for ${list(
      parts.map((part) => labelOf(part, 'en')),
      'and',
    )}, for example ‘${amountsExample(parts, 'en')}’`;
    return typed === 0
      ? `No amounts are given yet; ${what}.`
      : `I read ${typed} ${typed === 1 ? 'amount' : 'amounts'}, but the question asks for ${parts.length}; ${what}, or one a line in that order.`;
  },
  amountPartMissing: (part) =>
    `The amount for ${labelOf(part, 'en')} is missing; add it, for example ‘${wordOf(part, 'en')} 85’, or type ‘${wordOf(part, 'en')} not known yet’.`,
  amountPartTwice: (part) => `You gave ${labelOf(part, 'en')} twice; give each amount once.`,
  amountWithoutPart: (typed, parts) =>
    `‘${shorten(typed)}’ does not say what it is for; put ${list(
      parts.map((part) => wordOf(part, 'en')),
      'or',
    )} before it.`,
  payerRequired:
    'You have not said who paid for the trip yet; type ‘municipality’, ‘third party:’ with the party’s name, or ‘shared:’ with who paid what.',
  payerUnclear: (typed) =>
    `I cannot tell from ‘${shorten(typed)}’ who paid; type ‘municipality’, ‘third party:’ with the name, such as third party: UN-Habitat, or ‘shared:’ with who paid what.`,
  payerPartyRequired:
    'A third party needs its name; type which party paid, for example UN-Habitat.',
  payerSplitRequired:
    'Shared costs need who paid what; describe it, for example: travel municipality, hotel UN-Habitat.',
  colleaguesRequired:
    'You have not named anyone yet; type your fellow travellers’ names, one a line, or ‘nobody’ if you travelled alone.',
  colleagueNameTooLong: (name) =>
    `‘${shorten(name)}’ is too long for a name; type one name a line, or separate the names with semicolons.`,
  tooManyColleagues: (typed, max) => `You named ${typed} fellow travellers; name at most ${max}.`,
  colleagueNotAName: (typed) =>
    `‘${shorten(typed)}’ is not a name; name your fellow travellers, one a line, or type ‘nobody’ if you travelled alone (the number of people comes next).`,
};

/** The sentences in the traveller's language. */
export function messagesFor(locale: Locale): Messages {
  return locale === 'en' ? en : nl;
}

// A count with the language's thousands separator: nl 4.000, en 4,000.
function count(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL').format(value);
}

// Sample amounts for examples, as a traveller of each language types them (1,089 would be
// ambiguous: see amounts.ts).
const SAMPLE_AMOUNTS: Record<Locale, readonly string[]> = {
  nl: ['412,80', '1.089', '85'],
  en: ['412.80', '1089', '85'],
};

// "reis 412,80; verblijf 1.089; overig 85": the parts' words with sample amounts.
function amountsExample(parts: readonly AmountPart[], locale: Locale): string {
  const samples = SAMPLE_AMOUNTS[locale];
  return parts
    .map((part, i) => `${wordOf(part, locale)} ${samples[i % samples.length]!}`)
    .join('; ');
}

// A part's label in a sentence: "overige kosten", "accommodation".
function labelOf(part: AmountPart, locale: Locale): string {
  return lowerFirst(part.label[locale]);
}

// The word to type for a part: "overig" for Overige kosten, "travel" for Travel.
function wordOf(part: AmountPart, locale: Locale): string {
  return partWord(part, part.label[locale]);
}

// An amount as a traveller types it: 1089 (whole euros), 1,09 in Dutch, 1.09 in English.
function typedAmount(cents: number, locale: Locale): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return String(euros);
  return `${euros}${locale === 'en' ? '.' : ','}${String(rest).padStart(2, '0')}`;
}

// "a, b en c".
function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]!}`;
}

// A label in a sentence: "Overige kosten" → "overige kosten".
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// Quotes a traveller's text in a message without letting a pasted essay swamp the sentence.
function shorten(text: string, max = 60): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
