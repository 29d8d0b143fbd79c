import assert from 'node:assert/strict';
import { questions } from '../../src/report/catalogue';
import { renderReportText } from '../../src/report/renderText';
import { viennaReport } from './fixtures';

const formQuestions = questions.filter((q) => q.section === 'form');

describe('renderReportText', () => {
  it('lays the Vienna report out like the paper form', () => {
    assert.equal(
      renderReportText(viennaReport(), 'nl'),
      [
        'VERSLAG BUITENLANDSE DIENSTREIS',
        '',
        'Titel: Host City Dialogue Wenen 2024',
        'Reiziger: Sanne Bakker',
        'Bestemming: Wenen, Oostenrijk',
        'Versie: 2',
        'Laatst gewijzigd: 21-03-2024',
        '',
        'HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT',
        '',
        '2',
        '',
        'HOELANG DUURDE DE REIS?',
        '',
        '3 dagen (2 nachten), van 12-03-2024 t/m 14-03-2024',
        '',
        'WAT WAS HET DOEL VAN DE REIS?',
        '',
        'Leren hoe Wenen internationale organisaties huisvest.',
        'En Den Haag daar presenteren.',
        '',
        'WELKE LOCATIES ZIJN BEZOCHT?',
        '',
        'Het Vienna International Centre en het Weense stadhuis.',
        '',
        'WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)',
        '',
        'Lena Gruber (Hoofd Internationale Zaken, Stad Wenen)',
        'Tobias Weiss (Protocolchef Vienna International Centre)',
        'Marta Novak (Beleidsadviseur UN-Habitat)',
        '',
        'WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?',
        '',
        'Een contactpersoon bij de stad Wenen en twee ideeën.',
        '',
        'ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?',
        '',
        'Ja: In mei komt een Weense delegatie naar Den Haag.',
        '',
      ].join('\n'),
    );
  });

  it("asks every form question in the catalogue's order, each with a blank line and its answer beneath", () => {
    const lines = renderReportText(viennaReport(), 'nl').split('\n');
    assert.equal(lines[0], 'VERSLAG BUITENLANDSE DIENSTREIS');
    const positions = formQuestions.map((q) => lines.indexOf(q.text.nl));
    assert.ok(
      positions.every((p) => p > 0),
      'every question appears',
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
      'in order',
    );
    for (const position of positions) {
      assert.equal(lines[position - 1], '', 'a blank line before the question');
      assert.equal(lines[position + 1], '', 'a blank line between question and answer');
      assert.notEqual(lines[position + 2], '', 'the answer directly beneath');
    }
  });

  it('gives a duration without dates in the form’s own wording', () => {
    const report = viennaReport();
    report.answers.duration = { type: 'dateRange', days: 2, nights: 1 };
    const lines = renderReportText(report, 'nl').split('\n');
    assert.equal(lines[lines.indexOf('HOELANG DUURDE DE REIS?') + 2], '2 dagen (1 nacht)');
  });

  it('marks unanswered questions and a draft', () => {
    const report = viennaReport({ status: 'draft', version: 1 });
    delete report.answers.outcome;
    delete report.answers.destination;
    const lines = renderReportText(report, 'nl').split('\n');
    assert.ok(lines.includes('Versie: 1 (concept)'));
    assert.ok(lines.includes('Bestemming: (niet beantwoord)'));
    assert.equal(
      lines[lines.indexOf('WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?') + 2],
      '(niet beantwoord)',
    );
  });

  it('writes a no to the follow-up question as Nee', () => {
    const report = viennaReport();
    report.answers.followUp = { type: 'yesNoText', yes: false };
    assert.match(
      renderReportText(report, 'nl'),
      /ZIJN ER VERVOLGAFSPRAKEN\? ZO JA, WELKE\?\n\nNee\n$/,
    );
  });

  it('renders in English for an English-speaking reader', () => {
    const text = renderReportText(viennaReport(), 'en');
    const lines = text.split('\n');
    assert.equal(lines[0], 'FOREIGN BUSINESS TRIP REPORT');
    assert.ok(lines.includes('Traveller: Sanne Bakker'));
    assert.ok(lines.includes('Last changed: 21 March 2024'));
    assert.equal(
      lines[lines.indexOf('HOW LONG DID THE TRIP LAST?') + 2],
      '3 days (2 nights), from 12 March 2024 to 14 March 2024',
    );
    assert.ok(lines.includes('Yes: In mei komt een Weense delegatie naar Den Haag.'));
    assert.ok(!text.includes('HOELANG'));
  });
});
