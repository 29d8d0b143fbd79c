import assert from 'node:assert/strict';
import { reportDocument } from '../../src/publication/reportDocument';
import { renderReportMarkdown } from '../../src/publication/reportMarkdown';
import { barcelonaReport, osakaReport } from './fixtures';
import { assertGolden } from './golden';
import { pinnedCatalogue as catalogue } from '../support/catalogue';

describe('publication: the report as Markdown', () => {
  it('lays out the Barcelona report like the form (golden file)', () => {
    assertGolden(
      'barcelona.md',
      renderReportMarkdown(reportDocument(barcelonaReport(), catalogue)),
    );
  });

  it('shows hostile text as typed and in other scripts (golden file)', () => {
    assertGolden('osaka.md', renderReportMarkdown(reportDocument(osakaReport(), catalogue)));
  });

  it('lets no answer add a heading, link, emphasis or HTML of its own', () => {
    const markdown = renderReportMarkdown(reportDocument(osakaReport(), catalogue));
    const headings = markdown.split('\n').filter((line) => /^#/.test(line));
    assert.deepEqual(headings, [
      '# VERSLAG BUITENLANDSE DIENSTREIS',
      '## HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT',
      '## HOELANG DUURDE DE REIS?',
      '## WAT WAS HET DOEL VAN DE REIS?',
      '## WELKE LOCATIES ZIJN BEZOCHT?',
      '## WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)',
      '## WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?',
      '## ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?',
    ]);
    assert.doesNotMatch(markdown, /(?<!\\)\[geen link\]/);
    assert.doesNotMatch(markdown, /(?<!\\)<b>/);
    assert.doesNotMatch(markdown, /(?<!\\)\*\*geen vet/);
  });

  it('writes an English report with the English questions', () => {
    const markdown = renderReportMarkdown(
      reportDocument(barcelonaReport({ locale: 'en' }), catalogue),
    );
    assert.match(markdown, /^## WHAT WAS THE PURPOSE OF THE TRIP\?$/m);
    assert.match(markdown, /^\*\*Traveller:\*\* Joost Verhoeven {2}$/m);
  });
});
