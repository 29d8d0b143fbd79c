import assert from 'node:assert/strict';
import { reportDocument } from '../../src/publication/reportDocument';
import { renderReportDocx } from '../../src/publication/reportDocx';
import { docxParagraphs, readZipEntry } from './docxText';
import { barcelonaReport, osakaReport } from './fixtures';
import { costCatalogue, genevaReport } from './costFixtures';
import { pinnedCatalogue as catalogue } from '../support/catalogue';

describe('publication: the report as a Word document', () => {
  it('is a docx whose document holds the heading, the trip and each question with its answer, in order', async () => {
    const docx = await renderReportDocx(reportDocument(barcelonaReport(), catalogue));
    assert.match(await readZipEntry(docx, '[Content_Types].xml'), /wordprocessingml\.document/);
    const paragraphs = await docxParagraphs(docx);
    const expected = [
      'VERSLAG BUITENLANDSE DIENSTREIS',
      'Titel: Smart City Expo World Congress 2024',
      'Reiziger: Joost Verhoeven',
      'Bestemming: Barcelona, Spanje',
      'Reisduur: 05-11-2024 t/m 07-11-2024 · 3 dagen (2 nachten)',
      'Versie: 1',
      'HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT',
      '3',
      'HOELANG DUURDE DE REIS?',
      '3 dagen (2 nachten), van 05-11-2024 t/m 07-11-2024',
      'WAT WAS HET DOEL VAN DE REIS?',
      'Kennis opdoen over digitale tweelingen van steden.',
      'Den Haag presenteren als proeftuin.',
      'WELKE LOCATIES ZIJN BEZOCHT?',
      'Fira Gran Via en het stadhuis van Barcelona.',
      'WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)',
      'Núria Puig (Directeur Digitale Stad, Ajuntament de Barcelona)',
      'Jordi Ferrer (Programmamanager Urban Lab)',
      'Ingrid de Wolf (Beleidsmedewerker Eurocities)',
      'WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?',
      'Núria Puig deelt haar aanbesteding; Jordi stuurt de handleiding van het Urban Lab.',
      'ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?',
      'Ja: In februari een videogesprek met mevrouw Puig en Ingrid de Wolf.',
    ];
    assertInOrder(paragraphs, expected);
    const formQuestions = catalogue.formQuestions.map((q) => q.text.nl);
    assertInOrder(
      paragraphs,
      formQuestions.map((text) => text.toUpperCase()),
    );
  });

  it('lists the people met as bullets', async () => {
    const xml = await readZipEntry(
      await renderReportDocx(reportDocument(barcelonaReport(), catalogue)),
      'word/document.xml',
    );
    const bullets = xml.match(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*<w:numPr>[\s\S]*?<\/w:p>/g) ?? [];
    assert.equal(bullets.length, 3);
  });

  it('shows the fellow travellers and each cost as bullets, the total and who paid beneath', async () => {
    const docx = await renderReportDocx(reportDocument(genevaReport(), costCatalogue));
    assertInOrder(await docxParagraphs(docx), [
      'MET WIE REISDE JE?',
      'Pieter de Graaf',
      'Yasmina Ouali',
      'HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT',
      '3',
      'WAT HEEFT DE REIS GEKOST?',
      'Reiskosten: € 412,80',
      'Verblijfkosten: € 987,00',
      'Overige kosten: € 187,00',
      'Totaal: € 1.586,80',
      'WIE HEEFT BETAALD?',
      'Betaald door derde partij: deels — UN-Habitat betaalde het verblijf, de gemeente de reis (gastvrijheid)',
    ]);
    const xml = await readZipEntry(docx, 'word/document.xml');
    const bullets = xml.match(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*<w:numPr>[\s\S]*?<\/w:p>/g) ?? [];
    // Two fellow travellers, one person met, three amounts; the total is no bullet.
    assert.equal(bullets.length, 6);
    assert.ok(!bullets.some((bullet) => bullet.includes('Totaal')));
  });

  it('holds quotes, markup, other scripts and control characters as text', async () => {
    const report = osakaReport();
    const purpose = report.answers.purpose;
    assert.equal(purpose?.type, 'longText');
    const withControl = {
      ...report,
      answers: { ...report.answers, locations: { type: 'longText' as const, text: 'A\u0007B' } },
    };
    const paragraphs = await docxParagraphs(
      await renderReportDocx(reportDocument(withControl, catalogue)),
    );
    assert.ok(paragraphs.includes('Titel: =HYPERLINK("http://x"), "World Expo" Osaka'));
    assert.ok(
      paragraphs.includes('[geen link](http://voorbeeld.nl) **geen vet** <b>geen html</b> & meer'),
    );
    assert.ok(paragraphs.includes('田中 太郎 (Directeur Stadsontwikkeling, Osaka)'));
    assert.ok(paragraphs.includes('محمد العلي (Wethouder, Dubai)'));
    assert.ok(paragraphs.includes('AB'));
  });
});

/** Each expected text is a paragraph, after the one before it. */
function assertInOrder(paragraphs: string[], expected: string[]): void {
  let from = 0;
  for (const text of expected) {
    const at = paragraphs.indexOf(text, from);
    assert.ok(
      at >= 0,
      `"${text}" is not in the document after paragraph ${from}:\n${paragraphs.join('\n')}`,
    );
    from = at + 1;
  }
}
