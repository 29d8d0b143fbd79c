// What travellers really type, each with what must be stored (issue 17, Tests: "a table-driven
// test of at least 150 realistic typed answers"). A row is a question key, the typed text, and
// the stored answer; or ASKED_BACK when the bot must ask before storing anything (a list of
// people split without certainty, a yes/no that may be either, dates whose year was guessed, a
// duration without dates); or REFUSED with a pattern of the sentence saying what to fix.
import assert from 'node:assert/strict';
import { parseTypedAnswer } from '../../src/report/answerInput';
import type { AskBack } from '../../src/report/askBack';
import { durationOf } from '../../src/report/duration';
import type { Question } from '../../src/report/catalogue';
import type { Amount, Answer, PaidBy } from '../../src/report/report';
import { productCatalogue } from '../support/catalogue';
import { questionOf } from '../support/sampleAnswers';
import { FORM_PEOPLE_TEXT, TODAY, question } from './fixtures';

// The pinned catalogue's questions; those it does not have yet (issue 18's costs, paidBy and
// coTravellers) from the product's.
const questionFor = (key: string): Question =>
  ['costs', 'paidBy', 'coTravellers'].includes(key)
    ? questionOf(productCatalogue, key)
    : question(key);

const ASKED_BACK = { askedBack: true } as const;
type Refused = { refused: RegExp };
type Expected = Answer | typeof ASKED_BACK | Refused;
type Row = [key: string, typed: string, expected: Expected, askBack?: AskBack['kind']];

const refused = (pattern: RegExp): Refused => ({ refused: pattern });
const people = (...pairs: [string, string][]): Answer => ({
  type: 'people',
  people: pairs.map(([name, role]) => ({ name, role })),
});
const dates = (departure: string, returnDate: string): Answer => ({
  type: 'dateRange',
  departure,
  return: returnDate,
  ...durationOf(departure, returnDate),
});
const yes = (text: string): Answer => ({ type: 'yesNoText', yes: true, text });
const no = (text?: string): Answer => ({
  type: 'yesNoText',
  yes: false,
  ...(text === undefined ? {} : { text }),
});
const number = (value: number): Answer => ({ type: 'number', value });
const costs = (travel: Amount, stay: Amount, other: Amount): Answer => ({
  type: 'amounts',
  amounts: { travel, stay, other },
});
const paid = (payer: PaidBy, text?: string): Answer => ({
  type: 'payer',
  payer,
  ...(text === undefined ? {} : { text }),
});
const colleagues = (...names: string[]): Answer => ({
  type: 'colleagues',
  colleagues: names.map((name) => ({ name })),
});
const SAMPLE_COSTS = costs(41_280, 108_900, 8_500);

const lena: [string, string] = ['Lena Gruber', 'burgemeester'];
const sami: [string, string] = ['Sami Kanaan', 'wethouder'];
const marta: [string, string] = ['Marta Novak', 'adviseur'];
const MARCH_12_14 = dates('2024-03-12', '2024-03-14');

// "Today" is 20 March 2024 (fixtures.TODAY).
const ROWS: Row[] = [
  // People met: one a line, several on a line, lists, dashes, tabs.
  ['peopleMet', 'Lena Gruber (burgemeester)', people(lena)],
  ['peopleMet', 'Lena Gruber - burgemeester', people(lena)],
  ['peopleMet', 'Lena Gruber – burgemeester', people(lena)],
  ['peopleMet', 'Lena Gruber — burgemeester', people(lena)],
  ['peopleMet', 'Lena Gruber—burgemeester', people(lena)],
  ['peopleMet', '- Lena Gruber (burgemeester)', people(lena)],
  ['peopleMet', '   Lena Gruber   (burgemeester)  ', people(lena)],
  ['peopleMet', 'Lena Gruber (burgemeester).', people(lena)],
  ['peopleMet', 'Dr. Lena Gruber (burgemeester)', people(['Dr. Lena Gruber', 'burgemeester'])],
  ['peopleMet', 'Anne-Marie Dupont (maire)', people(['Anne-Marie Dupont', 'maire'])],
  ['peopleMet', 'Anne-Marie Dupont – maire', people(['Anne-Marie Dupont', 'maire'])],
  ['peopleMet', 'Piet Smit (directeur (a.i.))', people(['Piet Smit', 'directeur (a.i.)'])],
  ['peopleMet', '• Lena Gruber (burgemeester)\n• Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', '* Lena Gruber (burgemeester)\n* Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', '- Lena Gruber (burgemeester)\n- Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', '1. Lena Gruber (burgemeester)\n2. Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', '1) Lena Gruber – burgemeester\n2) Sami Kanaan – wethouder', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester); Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester)\r\nSami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester)\n\n\nSami Kanaan (wethouder)\n', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester),\nSami Kanaan (wethouder)', people(lena, sami)],
  [
    'peopleMet',
    'Uit Wenen:\nLena Gruber (burgemeester)\nUit Genève:\nSami Kanaan (wethouder)',
    people(lena, sami),
  ],
  ['peopleMet', 'Ik sprak met:\nLena Gruber (burgemeester)', people(lena)],
  [
    'peopleMet',
    'Lena Gruber (burgemeester), Sami Kanaan (wethouder) en Marta Novak (adviseur)',
    people(lena, sami, marta),
  ],
  [
    'peopleMet',
    'Lena Gruber (burgemeester), Sami Kanaan (wethouder) and Marta Novak (adviseur)',
    people(lena, sami, marta),
  ],
  [
    'peopleMet',
    'Lena Gruber (burgemeester), Sami Kanaan (wethouder), Marta Novak (adviseur)',
    people(lena, sami, marta),
  ],
  ['peopleMet', 'Lena Gruber (burgemeester) en Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester) & Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester) met Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester) Sami Kanaan (wethouder)', people(lena, sami)],
  ['peopleMet', 'Lena Gruber (burgemeester), Sami Kanaan (wethouder).', people(lena, sami)],
  [
    'peopleMet',
    'Lena Gruber (Hoofd Internationale Zaken, Stad Wenen), Sami Kanaan (wethouder van Genève en Lausanne)',
    people(
      ['Lena Gruber', 'Hoofd Internationale Zaken, Stad Wenen'],
      ['Sami Kanaan', 'wethouder van Genève en Lausanne'],
    ),
  ],
  ['peopleMet', 'Lena Gruber - burgemeester, Sami Kanaan - wethouder', people(lena, sami)],
  ['peopleMet', 'Lena Gruber - burgemeester en Sami Kanaan - wethouder', people(lena, sami)],
  [
    'peopleMet',
    'Lena Gruber – burgemeester, Sami Kanaan – wethouder en Marta Novak – adviseur',
    people(lena, sami, marta),
  ],
  [
    'peopleMet',
    'Lena Gruber – Directeur Relaties en Samenwerking',
    people(['Lena Gruber', 'Directeur Relaties en Samenwerking']),
  ],
  [
    'peopleMet',
    'Lena Gruber\tburgemeester\tStad Wenen',
    people(['Lena Gruber', 'burgemeester, Stad Wenen']),
  ],
  ['peopleMet', 'Lena Gruber\tburgemeester', people(lena)],
  ['peopleMet', 'Lena Gruber\t\tburgemeester\t', people(lena)],
  [
    'peopleMet',
    'Naam\tFunctie\tOrganisatie\nLena Gruber\tburgemeester\tStad Wenen\nSami Kanaan\twethouder\tGenève',
    people(['Lena Gruber', 'burgemeester, Stad Wenen'], ['Sami Kanaan', 'wethouder, Genève']),
  ],
  [
    'peopleMet',
    'Jane Smith (Mayor of Vienna), John Doe (Head of Protocol)',
    people(['Jane Smith', 'Mayor of Vienna'], ['John Doe', 'Head of Protocol']),
  ],
  [
    'peopleMet',
    'Jane Smith – Mayor\nJohn Doe – Head of Protocol',
    people(['Jane Smith', 'Mayor'], ['John Doe', 'Head of Protocol']),
  ],
  ['peopleMet', '• Jane Smith - Mayor of Vienna', people(['Jane Smith', 'Mayor of Vienna'])],
  // People that may be more than were read: shown back first, never stored merged.
  ['peopleMet', 'Lena Gruber, burgemeester', ASKED_BACK, 'people'],
  ['peopleMet', 'Lena Gruber, Sami Kanaan (wethouders)', ASKED_BACK, 'people'],
  ['peopleMet', 'Lena Gruber en Sami Kanaan (wethouders)', ASKED_BACK, 'people'],
  ['peopleMet', 'Lena Gruber & Sami Kanaan (wethouders)', ASKED_BACK, 'people'],
  ['peopleMet', 'Lena Gruber/Sami Kanaan (wethouders)', ASKED_BACK, 'people'],
  ['peopleMet', 'Anne-Marie Dupont - burgemeester - Genève', ASKED_BACK, 'people'],
  ['peopleMet', 'Jan Jansen, wethouder (VVD)', ASKED_BACK, 'people'],
  ['peopleMet', 'Jan Jansen (wethouder) (VVD)', ASKED_BACK, 'people'],
  ['peopleMet', 'Jan Jansen (VVD) wethouder', ASKED_BACK, 'people'],
  ['peopleMet', 'Jan Jansen (wethouder', ASKED_BACK, 'people'],
  ['peopleMet', 'Lena Gruber - burgemeester, Sami Kanaan', ASKED_BACK, 'people'],
  // People that cannot be read: a sentence that names what is missing.
  ['peopleMet', 'Lena Gruber (burgemeester), Sami Kanaan', refused(/^Bij ‘Sami Kanaan’ ontbreekt/)],
  ['peopleMet', 'Lena Gruber', refused(/^Bij ‘Lena Gruber’ ontbreekt de functie/)],
  ['peopleMet', 'Lena Gruber (burgemeester)\nSami Kanaan', refused(/^Bij ‘Sami Kanaan’/)],
  ['peopleMet', '(burgemeester)', refused(/ontbreekt de functie/)],
  ['peopleMet', 'Jan Jansen ()', refused(/^Bij ‘Jan Jansen \(\)’ ontbreekt/)],
  ['peopleMet', '', refused(/^Noem ten minste één persoon/)],
  ['peopleMet', 'Ik heb gesproken met:', refused(/^Noem ten minste één persoon/)],

  // Follow-up agreements: yes with the agreements.
  ['followUp', 'ja, in mei komt een delegatie', yes('in mei komt een delegatie')],
  ['followUp', 'Ja: in mei komt een delegatie', yes('in mei komt een delegatie')],
  ['followUp', 'Ja we bellen in april', yes('we bellen in april')],
  ['followUp', 'ja,\nwe bellen in april', yes('we bellen in april')],
  ['followUp', 'Jazeker, in mei terug naar Wenen', yes('in mei terug naar Wenen')],
  ['followUp', 'Zeker, een werkbezoek in mei', yes('een werkbezoek in mei')],
  ['followUp', 'Klopt, we spreken in mei weer af', yes('we spreken in mei weer af')],
  ['followUp', 'yes, a visit in May', yes('a visit in May')],
  ['followUp', 'Yes - follow-up call in June', yes('follow-up call in June')],
  ['followUp', 'Yep: a call in June', yes('a call in June')],
  [
    'followUp',
    'Er is afgesproken om vaker bijeen te komen.',
    yes('Er is afgesproken om vaker bijeen te komen.'),
  ],
  [
    'followUp',
    'In mei komt een Weense delegatie naar Den Haag.',
    yes('In mei komt een Weense delegatie naar Den Haag.'),
  ],
  ['followUp', 'Japan wil aansluiten bij het netwerk', yes('Japan wil aansluiten bij het netwerk')],
  ['followUp', 'Neenah en Wenen delen kennis', yes('Neenah en Wenen delen kennis')],
  ['followUp', 'ja', refused(/^Bij ja horen de afspraken zelf/)],
  ['followUp', 'Ja!', refused(/^Bij ja horen de afspraken zelf/)],
  ['followUp', 'yes', refused(/^Bij ja horen de afspraken zelf/)],
  ['followUp', 'zeker', refused(/^Bij ja horen de afspraken zelf/)],
  ['followUp', 'ja -', refused(/^Bij ja horen de afspraken zelf/)],
  // No, with or without a remark.
  ['followUp', 'nee', no()],
  ['followUp', 'Nee.', no()],
  ['followUp', 'neen', no()],
  ['followUp', 'nope', no()],
  ['followUp', 'no', no()],
  ['followUp', 'NO', no()],
  ['followUp', 'geen', no()],
  ['followUp', 'niet', no()],
  ['followUp', 'nog niet', no()],
  ['followUp', 'Nog niet.', no()],
  ['followUp', 'n.v.t.', no()],
  ['followUp', 'N.v.t', no()],
  ['followUp', 'nvt', no()],
  ['followUp', 'n/a', no()],
  ['followUp', 'niet van toepassing', no()],
  ['followUp', 'geen afspraken', no()],
  ['followUp', 'Geen vervolgafspraken', no()],
  ['followUp', 'none', no()],
  ['followUp', 'not yet', no()],
  ['followUp', 'nee, geen', no()],
  ['followUp', 'Nee, maar we houden contact', no('maar we houden contact')],
  ['followUp', 'Nee: wel contact via LinkedIn', no('wel contact via LinkedIn')],
  ['followUp', 'Nog niet, eerst de begroting', no('eerst de begroting')],
  ['followUp', 'Nog niet besproken', no('Nog niet besproken')],
  ['followUp', 'Nog niet, misschien in het najaar', no('misschien in het najaar')],
  ['followUp', 'Geen concrete afspraken, wel contact', no('Geen concrete afspraken, wel contact')],
  ['followUp', 'Niet van toepassing, het was een congres', no('het was een congres')],
  ['followUp', 'No, but we keep in touch', no('but we keep in touch')],
  ['followUp', 'Not yet - waiting for the budget', no('waiting for the budget')],
  // Yes or no? Asked back with two buttons.
  ['followUp', 'misschien later dit jaar', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Wellicht een vervolg in het najaar', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Geen idee, dat hoor ik nog', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Weet ik niet', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Maybe in the autumn', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Er zijn nog geen afspraken gemaakt', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Voorlopig niet', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Helaas niets concreets', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'ja nee, dat moet nog blijken', ASKED_BACK, 'yesOrNo'],
  ['followUp', 'Nothing concrete yet', ASKED_BACK, 'yesOrNo'],
  ['followUp', '', refused(/^Antwoord met ja of nee/)],

  // Dates: ranges with and without the year, Dutch and English.
  ['duration', '12 t/m 14 maart', MARCH_12_14],
  ['duration', '12-14 maart', MARCH_12_14],
  ['duration', '12 - 14 maart', MARCH_12_14],
  ['duration', '12–14 maart', MARCH_12_14],
  ['duration', 'van 12 tot en met 14 maart 2024', MARCH_12_14],
  ['duration', 'van 12 t/m 14 maart', MARCH_12_14],
  ['duration', '12 mrt - 14 mrt', MARCH_12_14],
  ['duration', '12 mrt. t/m 14 mrt. 2024', MARCH_12_14],
  ['duration', '12 t/m 14 mar', MARCH_12_14],
  ['duration', '12 t.e.m. 14 maart', MARCH_12_14],
  ['duration', '12 tm 14 maart', MARCH_12_14],
  ['duration', '12 tot 14 maart', MARCH_12_14],
  ['duration', '12 t/m 14 maart.', MARCH_12_14],
  ['duration', 'di 12 t/m do 14 maart', MARCH_12_14],
  ['duration', 'dinsdag 12 maart t/m donderdag 14 maart 2024', MARCH_12_14],
  ['duration', 'March 12-14', MARCH_12_14],
  ['duration', 'March 12 - March 14, 2024', MARCH_12_14],
  ['duration', 'March 12-14, 2024', MARCH_12_14],
  ['duration', '12th to 14th March', MARCH_12_14],
  ['duration', '12 March to 14 March', MARCH_12_14],
  ['duration', 'from 12 to 14 March 2024', MARCH_12_14],
  ['duration', '2024-03-12 t/m 2024-03-14', MARCH_12_14],
  ['duration', '2024-03-12 - 2024-03-14', MARCH_12_14],
  ['duration', '12-3-2024 t/m 14-3-2024', MARCH_12_14],
  ['duration', '12-03-2024 – 14-03-2024', MARCH_12_14],
  ['duration', '12.03.2024 tot en met 14.03.2024', MARCH_12_14],
  ['duration', '12/3 t/m 14/3', MARCH_12_14],
  ['duration', '12/3 - 14/3', MARCH_12_14],
  ['duration', '12-03 t/m 14-03-2024', MARCH_12_14],
  ['duration', '19 June 2023 to 20 June 2023', dates('2023-06-19', '2023-06-20')],
  ['duration', '18 t/m 20 maart', dates('2024-03-18', '2024-03-20')],
  ['duration', '28 feb t/m 1 mrt', dates('2024-02-28', '2024-03-01')],
  ['duration', '27 dec t/m 2 jan', dates('2023-12-27', '2024-01-02')],
  ['duration', '3 t/m 5 nov', dates('2023-11-03', '2023-11-05')],
  ['duration', '3-5 november', dates('2023-11-03', '2023-11-05')],
  ['duration', '3 nov - 5 nov', dates('2023-11-03', '2023-11-05')],
  // A single date: a day trip.
  ['duration', '12 maart', dates('2024-03-12', '2024-03-12')],
  ['duration', '12/3', dates('2024-03-12', '2024-03-12')],
  ['duration', '2024-03-12', dates('2024-03-12', '2024-03-12')],
  ['duration', '12-3-2024', dates('2024-03-12', '2024-03-12')],
  ['duration', '12.03.2024', dates('2024-03-12', '2024-03-12')],
  ['duration', 'June 19, 2023', dates('2023-06-19', '2023-06-19')],
  ['duration', '19-06-23', dates('2023-06-19', '2023-06-19')],
  ['duration', '29 feb', dates('2024-02-29', '2024-02-29')],
  // Asked back: last year's dates when this year's run past today, and durations without dates.
  ['duration', '19 t/m 22 maart', ASKED_BACK, 'dates'],
  ['duration', '20 t/m 21 maart', ASKED_BACK, 'dates'],
  ['duration', '2 dagen (1 nacht)', ASKED_BACK, 'departure'],
  ['duration', '3 days (2 nights)', ASKED_BACK, 'departure'],
  ['duration', '1 dag', ASKED_BACK, 'departure'],
  // Refused, with what to fix.
  ['duration', '3 t/m 5 nov 2024', refused(/^De vertrekdatum ligt in de toekomst/)],
  ['duration', '21-03-2024', refused(/^De vertrekdatum ligt in de toekomst/)],
  ['duration', '19-03-2024 t/m 22-03-2024', refused(/^De terugkeerdatum ligt in de toekomst/)],
  ['duration', '14 t/m 12 maart 2024', refused(/^De terugkeerdatum ligt vóór de vertrekdatum/)],
  ['duration', '2 dagen (5 nachten)', refused(/^Een reis van 2 dagen telt 1 of 2 nachten/)],
  ['duration', '31 feb', refused(/^‘31 feb’ is geen geldige datum/)],
  ['duration', '30 feb t/m 2 mrt', refused(/^‘30 feb’ is geen geldige vertrekdatum/)],
  ['duration', 'volgende week', refused(/^Ik herken ‘volgende week’ niet als datum/)],
  ['duration', '', refused(/^Vul de vertrek- en terugkeerdatum in/)],

  // Costs: labelled in any order, one a line, pasted from Excel; every way of writing an amount.
  ['costs', 'reis 412,80; verblijf 1.089; overig 85', SAMPLE_COSTS],
  ['costs', '412,80\n1.089\n85', SAMPLE_COSTS],
  ['costs', '412,80\r\n1.089\r\n85\r\n', SAMPLE_COSTS],
  ['costs', '412,80; 1.089; 85', SAMPLE_COSTS],
  ['costs', '412,80\t1.089\t85', SAMPLE_COSTS],
  ['costs', 'Reiskosten: € 412,80\nVerblijfkosten: € 1.089\nOverige kosten: € 85', SAMPLE_COSTS],
  [
    'costs',
    'Reiskosten\t€ 412,80\nVerblijfkosten\t€ 1.089,00\nOverige kosten\t€ 85,00',
    SAMPLE_COSTS,
  ],
  ['costs', 'Post\tBedrag\nReis\t412,80\nHotel\t1089\nOverig\t85\nTotaal\t1.586,80', SAMPLE_COSTS],
  ['costs', 'overig 85, reis 412,80, hotel 1089', SAMPLE_COSTS],
  ['costs', 'reis 412,80 verblijf 1.089 overig 85', SAMPLE_COSTS],
  ['costs', 'vervoer 412,80 en hotel 1.089 en overige kosten 85', SAMPLE_COSTS],
  ['costs', 'reiskosten - 412,80\nverblijfskosten = 1.089\noverig: 85.', SAMPLE_COSTS],
  ['costs', 'Kosten:\nReis 412,80\nOvernachtingen 1.089\nOverig 85', SAMPLE_COSTS],
  ['costs', '412,80 reis, 1.089 verblijf en 85 overig', SAMPLE_COSTS],
  ['costs', 'travel 412.80; accommodation 1,089.00; other costs 85', SAMPLE_COSTS],
  ['costs', 'reis €85; verblijf € 85; overig 85 euro', costs(8_500, 8_500, 8_500)],
  ['costs', 'reis 85 EUR; verblijf 85,-; overig 85,—', costs(8_500, 8_500, 8_500)],
  ['costs', 'reis EUR 1234.50; verblijf 1234.50; overig 1,5', costs(123_450, 123_450, 150)],
  ['costs', 'reis 1.234,50; verblijf 1 234,50; overig 1,234.50', costs(123_450, 123_450, 123_450)],
  ['costs', 'reis 1\u00a0234,50; verblijf 1.234.567; overig 0,50', costs(123_450, 123_456_700, 50)],
  ['costs', 'reis 0; verblijf 1.089,5; overig 1.089', costs(0, 108_950, 108_900)],
  ['costs', 'reis 10.000.000; verblijf 0,01; overig 0', costs(1_000_000_000, 1, 0)],
  ['costs', 'hotel 1089, overig nog niet bekend, reis 412,80', costs(41_280, 108_900, null)],
  ['costs', 'reis onbekend; verblijf weet ik nog niet; overig ?', costs(null, null, null)],
  ['costs', 'travel not known yet; stay unknown; other TBD', costs(null, null, null)],
  ['costs', 'reis geen; verblijf nvt; overig -', costs(0, 0, 0)],
  ['costs', '412,80\nnog niet bekend\ngeen', costs(41_280, null, 0)],
  ['costs', 'Nog niet bekend.', costs(null, null, null)],
  ['costs', 'geen', costs(0, 0, 0)],
  // Costs refused: a sentence with what to fix.
  [
    'costs',
    '85',
    refused(
      /^Ik lees 1 bedrag, maar de vraag vraagt er 3; .*‘reis 412,80; verblijf 1\.089; overig 85’/,
    ),
  ],
  ['costs', '412,80, 1.089, 85', refused(/^Ik lees 1 bedrag, maar de vraag vraagt er 3/)],
  ['costs', '412,80\n1.089', refused(/^Ik lees 2 bedragen, maar de vraag vraagt er 3/)],
  [
    'costs',
    '',
    refused(/^Er staan nog geen bedragen; typ de reiskosten, verblijfkosten en overige kosten/),
  ],
  [
    'costs',
    'reis 412,80; verblijf 1.089',
    refused(/^Het bedrag voor de overige kosten ontbreekt; .* of typ ‘overig nog niet bekend’\.$/),
  ],
  ['costs', 'reis 412,80; reis 1.089; overig 85', refused(/^Je noemde de reiskosten twee keer/)],
  ['costs', 'reis; verblijf 0; overig 0', refused(/^Bij de reiskosten staat geen bedrag/)],
  [
    'costs',
    'reis 412,80; verblijf 1,089; overig 85',
    refused(
      /^‘1,089’ is niet eenduidig; typ 1089 als je € 1\.089,00 bedoelt, of 1,09 als je € 1,09 bedoelt\.$/,
    ),
  ],
  [
    'costs',
    'reis 12,3456; verblijf 0; overig 0',
    refused(/^‘12,3456’ heeft meer dan twee cijfers/),
  ],
  ['costs', 'reis 0,089; verblijf 0; overig 0', refused(/^‘0,089’ heeft meer dan twee cijfers/)],
  ['costs', 'reis -85; verblijf 0; overig 0', refused(/^‘-85’ is een negatief bedrag/)],
  ['costs', 'reis € -85; verblijf 0; overig 0', refused(/^‘€ -85’ is een negatief bedrag/)],
  ['costs', 'reis 10.000.000,01; verblijf 0; overig 0', refused(/is meer dan € 10\.000\.000,00; /)],
  ['costs', 'reis 85 USD; verblijf 0; overig 0', refused(/^‘85 USD’ is geen bedrag in euro/)],
  ['costs', 'reis $85; verblijf 0; overig 0', refused(/^‘\$85’ is geen bedrag in euro/)],
  [
    'costs',
    'reis veel; verblijf 0; overig 0',
    refused(/^‘veel’ is geen bedrag; typ een bedrag in euro/),
  ],
  ['costs', 'reis 1.234.50; verblijf 0; overig 0', refused(/^‘1\.234\.50’ is geen bedrag/)],
  [
    'costs',
    'reis 412,80 (trein); verblijf 0; overig 0',
    refused(/^‘412,80 \(trein\)’ is geen bedrag/),
  ],
  [
    'costs',
    '412,80 en reis 85 verblijf 1 overig 2',
    refused(/^Bij ‘412,80’ staat niet waarvoor het is; zet er reis, verblijf of overig voor\.$/),
  ],

  // Who paid: the municipality, a third party by name, or shared.
  ['paidBy', 'gemeente', paid('municipality')],
  ['paidBy', 'De gemeente.', paid('municipality')],
  ['paidBy', 'gemeente betaalde alles', paid('municipality')],
  ['paidBy', 'De gemeente heeft alles betaald', paid('municipality')],
  ['paidBy', 'wij', paid('municipality')],
  ['paidBy', 'zelf', paid('municipality')],
  ['paidBy', 'the municipality', paid('municipality')],
  ['paidBy', 'derde partij: UN-Habitat', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'derde partij UN-Habitat', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'Derde partij (UN-Habitat)', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'Een derde partij – UN-Habitat', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'derde partij: gemeente Wenen', paid('thirdParty', 'gemeente Wenen')],
  ['paidBy', 'UN-Habitat betaalde', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'UN-Habitat betaalde alles.', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'betaald door UN-Habitat', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'third party: City of Vienna', paid('thirdParty', 'City of Vienna')],
  ['paidBy', 'UN-Habitat paid', paid('thirdParty', 'UN-Habitat')],
  ['paidBy', 'paid by UN-Habitat', paid('thirdParty', 'UN-Habitat')],
  [
    'paidBy',
    'gedeeld: reis gemeente, hotel UN-Habitat',
    paid('shared', 'reis gemeente, hotel UN-Habitat'),
  ],
  [
    'paidBy',
    'Gedeeld:\nreis: gemeente\nhotel: UN-Habitat',
    paid('shared', 'reis: gemeente\nhotel: UN-Habitat'),
  ],
  ['paidBy', 'deels door UN-Habitat (hotel)', paid('shared', 'UN-Habitat (hotel)')],
  [
    'paidBy',
    'shared: travel municipality, hotel UN-Habitat',
    paid('shared', 'travel municipality, hotel UN-Habitat'),
  ],
  // Who paid, refused: never guessed.
  ['paidBy', 'UN-Habitat', refused(/^Uit ‘UN-Habitat’ lees ik niet wie betaalde; typ ‘gemeente’/)],
  [
    'paidBy',
    'reis gemeente, hotel UN-Habitat',
    refused(/^Uit ‘reis gemeente, hotel UN-Habitat’ lees ik niet/),
  ],
  ['paidBy', 'gemeente, maar het hotel betaalde UN-Habitat', refused(/^Uit ‘gemeente, maar/)],
  [
    'paidBy',
    'gemeente Den Haag betaalde',
    refused(/^Uit ‘gemeente Den Haag betaalde’ lees ik niet/),
  ],
  ['paidBy', 'derde partij', refused(/^Bij een derde partij hoort de naam van die partij/)],
  ['paidBy', 'Derde partij:', refused(/^Bij een derde partij hoort de naam/)],
  ['paidBy', 'derde partij betaalde alles', refused(/^Bij een derde partij hoort de naam/)],
  ['paidBy', 'gedeeld', refused(/^Bij gedeelde kosten hoort wie wat betaalde/)],
  ['paidBy', '', refused(/^Je hebt nog niet gezegd wie de reis betaalde/)],

  // Fellow travellers: typed, or pasted from Outlook's To line.
  ['coTravellers', 'Sanne Visser', colleagues('Sanne Visser')],
  ['coTravellers', 'Sanne Visser\nPiet Jansen', colleagues('Sanne Visser', 'Piet Jansen')],
  ['coTravellers', '- Sanne Visser\n- Piet Jansen\n', colleagues('Sanne Visser', 'Piet Jansen')],
  ['coTravellers', 'Sanne Visser; Piet Jansen', colleagues('Sanne Visser', 'Piet Jansen')],
  ['coTravellers', 'Sanne Visser, Piet Jansen', colleagues('Sanne Visser', 'Piet Jansen')],
  ['coTravellers', 'Sanne Visser en Piet Jansen', colleagues('Sanne Visser', 'Piet Jansen')],
  ['coTravellers', 'Sanne Visser and Piet Jansen', colleagues('Sanne Visser', 'Piet Jansen')],
  ['coTravellers', 'Sanne Visser & Piet Jansen', colleagues('Sanne Visser', 'Piet Jansen')],
  ['coTravellers', 'Sanne Visser / Piet Jansen', colleagues('Sanne Visser', 'Piet Jansen')],
  [
    'coTravellers',
    'Sanne Visser, Piet Jansen en Karin de Boer',
    colleagues('Sanne Visser', 'Piet Jansen', 'Karin de Boer'),
  ],
  ['coTravellers', 'Visser, Sanne; Jansen, Piet', colleagues('Visser, Sanne', 'Jansen, Piet')],
  ['coTravellers', 'Visser, Sanne; Boer, Karin de', colleagues('Visser, Sanne', 'Boer, Karin de')],
  [
    'coTravellers',
    'Sanne Visser, Piet Jansen; Karin de Boer',
    colleagues('Sanne Visser', 'Piet Jansen', 'Karin de Boer'),
  ],
  [
    'coTravellers',
    'Sanne Visser <s.visser@gemeente.nl>; Piet Jansen <p.jansen@gemeente.nl>',
    colleagues('Sanne Visser', 'Piet Jansen'),
  ],
  [
    'coTravellers',
    '"Visser, Sanne" <s.visser@gemeente.nl>, "Jansen, Piet" <p.jansen@gemeente.nl>',
    colleagues('Visser, Sanne', 'Jansen, Piet'),
  ],
  [
    'coTravellers',
    'Visser, Sanne <s.visser@gemeente.nl>; Jansen, Piet <p.jansen@gemeente.nl>',
    colleagues('Visser, Sanne', 'Jansen, Piet'),
  ],
  [
    'coTravellers',
    '<s.visser@gemeente.nl>; p.jansen@gemeente.nl',
    colleagues('s.visser@gemeente.nl', 'p.jansen@gemeente.nl'),
  ],
  [
    'coTravellers',
    'Sanne Visser (beleidsadviseur, BZ), Piet Jansen',
    colleagues('Sanne Visser (beleidsadviseur, BZ)', 'Piet Jansen'),
  ],
  [
    'coTravellers',
    'Sanne Visser\nsanne visser\nPiet Jansen',
    colleagues('Sanne Visser', 'Piet Jansen'),
  ],
  ['coTravellers', 'ik en Sanne Visser', colleagues('Sanne Visser')],
  ['coTravellers', 'niemand', colleagues()],
  ['coTravellers', 'Ik reisde alleen.', colleagues()],
  ['coTravellers', 'ik ging alleen', colleagues()],
  ['coTravellers', 'alleen', colleagues()],
  ['coTravellers', 'geen', colleagues()],
  ['coTravellers', '-', colleagues()],
  ['coTravellers', 'nobody', colleagues()],
  ['coTravellers', 'No one', colleagues()],
  ['coTravellers', 'alone', colleagues()],
  [
    'coTravellers',
    '',
    refused(/^Je hebt nog niemand genoemd; .*‘niemand’ als je alleen reisde\.$/),
  ],
  ['coTravellers', 'x'.repeat(201), refused(/^‘x+…’ is te lang voor een naam/)],
  // The headcount or the dates typed to the wrong question are no names.
  ['coTravellers', '3', refused(/^‘3’ is geen naam; noem je reisgenoten bij naam/)],
  ['coTravellers', "2 collega's", refused(/^‘2 collega's’ is geen naam/)],
  [
    'coTravellers',
    '12-06-2026 t/m 14-06-2026',
    refused(/^‘12-06-2026 t\/m 14-06-2026’ is geen naam/),
  ],
  ['coTravellers', 'Sanne Visser; 42', refused(/^‘42’ is geen naam/)],
  ['coTravellers', 'Collega 1\nCollega 2', colleagues('Collega 1', 'Collega 2')],

  // The other questions, as they are.
  ['persons', '3', number(3)],
  ['persons', '3 personen', number(3)],
  ['persons', '2 people', number(2)],
  ['persons', ' 12 ', number(12)],
  ['persons', 'drie', refused(/^Vul een heel getal in van 1 tot en met 500\.$/)],
  ['persons', '0', refused(/^0 valt buiten de grenzen/)],
  ['persons', '2,5', refused(/^Vul een heel getal in/)],
  [
    'title',
    'Brussels Urban Summit 2023',
    { type: 'shortText', text: 'Brussels Urban Summit 2023' },
  ],
  ['destination', 'Brussel, België', { type: 'shortText', text: 'Brussel, België' }],
  [
    'locations',
    'Het SQUARE conferentiecentrum in Brussel.',
    { type: 'longText', text: 'Het SQUARE conferentiecentrum in Brussel.' },
  ],
  ['purpose', '', refused(/^Deze vraag mag niet leeg blijven/)],
];

describe('typed answers: what travellers type, and what is stored', () => {
  it(`has at least 150 rows (${ROWS.length})`, () => {
    assert.ok(ROWS.length >= 150, `${ROWS.length} rows`);
  });

  it("reads the form's own list of 7 people", () => {
    const result = parseTypedAnswer(question('peopleMet'), FORM_PEOPLE_TEXT, 'nl', TODAY);
    assert.ok(result.ok && result.answer.type === 'people');
    assert.equal(result.answer.people.length, 7);
  });

  for (const [key, typed, expected, kind] of ROWS) {
    const shown = JSON.stringify(typed);
    const outcome =
      'askedBack' in expected
        ? `asked back (${kind})`
        : 'refused' in expected
          ? `refused with ${String(expected.refused)}`
          : JSON.stringify(expected);
    it(`${key}: ${shown} → ${outcome}`, () => {
      const result = parseTypedAnswer(questionFor(key), typed, 'nl', TODAY);
      if ('askedBack' in expected) {
        assert.ok(!result.ok && result.askBack, `asked back, got ${JSON.stringify(result)}`);
        assert.equal(result.askBack.kind, kind);
      } else if ('refused' in expected) {
        assert.ok(!result.ok && !result.askBack, `refused, got ${JSON.stringify(result)}`);
        assert.match(result.error, expected.refused);
      } else {
        assert.deepEqual(result, { ok: true, answer: expected });
      }
    });
  }
});
