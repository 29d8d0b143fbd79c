import assert from 'node:assert/strict';
import { reportDocument } from '../../src/publication/reportDocument';
import { renderReportMarkdown } from '../../src/publication/reportMarkdown';
import { barcelonaReport, osakaReport } from './fixtures';
import { brusselsReport, copenhagenReport, costCatalogue, genevaReport } from './costFixtures';
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

  it('shows the fellow travellers, each cost with the total and who paid (golden file)', () => {
    assertGolden('geneva.md', renderReportMarkdown(reportDocument(genevaReport(), costCatalogue)));
  });

  it('says which amount is not known yet and that the total leaves it out', () => {
    const markdown = renderReportMarkdown(reportDocument(brusselsReport(), costCatalogue));
    assert.match(
      markdown,
      /## WAT HEEFT DE REIS GEKOST\?\n\n- Reiskosten: € 129,50\n- Verblijfkosten: nog niet bekend\n- Overige kosten: € 0,00\n\nTotaal: € 129,50 \(zonder de bedragen die nog niet bekend zijn\)\n/,
    );
    assert.match(
      markdown,
      /## WIE HEEFT BETAALD\?\n\nBetaald door derde partij: Eurocities \(gastvrijheid\)\n/,
    );
    assert.match(markdown, /## MET WIE REISDE JE\?\n\n- Lotte Jansen\n/);
  });

  it('says the traveller went alone and the municipality paid, without hospitality', () => {
    const markdown = renderReportMarkdown(reportDocument(copenhagenReport(), costCatalogue));
    assert.match(markdown, /## MET WIE REISDE JE\?\n\nNiemand; ik reisde alleen\n/);
    assert.match(markdown, /## WIE HEEFT BETAALD\?\n\nDe gemeente\n/);
    assert.doesNotMatch(markdown, /gastvrijheid/);
    assert.match(markdown, /\nTotaal: € 338,95\n/);
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

  it("writes the report of an author whose Teams is English in Dutch, the form's language (issue 17, item 7)", () => {
    const english = barcelonaReport({ locale: 'en' });
    const markdown = renderReportMarkdown(reportDocument(english, catalogue));
    assert.equal(markdown, renderReportMarkdown(reportDocument(barcelonaReport(), catalogue)));
    assert.match(markdown, /^## WAT WAS HET DOEL VAN DE REIS\?$/m);
    assert.match(markdown, /^\*\*Reiziger:\*\* Joost Verhoeven {2}$/m);
  });

  it('writes English questions only when asked for', () => {
    const markdown = renderReportMarkdown(reportDocument(barcelonaReport(), catalogue, 'en'));
    assert.match(markdown, /^## WHAT WAS THE PURPOSE OF THE TRIP\?$/m);
    assert.match(markdown, /^\*\*Traveller:\*\* Joost Verhoeven {2}$/m);
  });
});
