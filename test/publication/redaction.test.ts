import assert from 'node:assert/strict';
import { redactPeople } from '../../src/publication/redaction';
import { parseTypedAnswer } from '../../src/report/answerInput';
import { renderRegisterCsv } from '../../src/publication/register';
import { reportDocument } from '../../src/publication/reportDocument';
import { renderReportDocx } from '../../src/publication/reportDocx';
import { renderReportMarkdown } from '../../src/publication/reportMarkdown';
import { docxParagraphs } from './docxText';
import { barcelonaReport, namesMet, osakaReport } from './fixtures';
import { costCatalogue, genevaReport } from './costFixtures';
import { renderRegisterXlsx } from '../../src/publication/registerXlsx';
import { readXlsx } from './xlsxCells';
import { pinnedCatalogue as catalogue } from '../support/catalogue';
import { TODAY } from '../report/fixtures';

describe('publication: names of the people met redacted', () => {
  for (const report of [barcelonaReport(), osakaReport()]) {
    it(`removes every name met from the Markdown, Word and register of "${report.id}"`, async () => {
      const redacted = redactPeople(report);
      const markdown = renderReportMarkdown(reportDocument(redacted, catalogue));
      const word = (
        await docxParagraphs(await renderReportDocx(reportDocument(redacted, catalogue)))
      ).join('\n');
      const csv = renderRegisterCsv([redacted], catalogue);
      for (const name of namesMet(report)) {
        for (const [format, text] of Object.entries({ markdown, word, csv })) {
          assert.ok(!text.includes(name), `${format} still holds "${name}"`);
        }
      }
      // The roles stay, and the traveller (the official who reports) is still named.
      assert.ok(markdown.includes(report.travellerName));
      const people = report.answers.peopleMet;
      assert.equal(people?.type, 'people');
      for (const person of people.type === 'people' ? people.people : []) {
        assert.ok(word.includes(person.role), `the role "${person.role}" is missing`);
      }
    });
  }

  it('puts the role where a name stood in a text answer', () => {
    const redacted = redactPeople(barcelonaReport());
    assert.deepEqual(redacted.answers.outcome, {
      type: 'longText',
      text:
        '[Directeur Digitale Stad, Ajuntament de Barcelona] deelt haar aanbesteding; ' +
        '[Programmamanager Urban Lab] stuurt de handleiding van het Urban Lab.',
    });
  });

  it('does not mistake a first name shared by two people for either role', () => {
    const report = barcelonaReport();
    const redacted = redactPeople({
      ...report,
      answers: {
        ...report.answers,
        peopleMet: {
          type: 'people',
          people: [
            { name: 'Anna Smit', role: 'wethouder' },
            { name: 'Anna Berg', role: 'consul' },
          ],
        },
        outcome: { type: 'longText', text: 'Anna belt terug; Anna Berg ook.' },
      },
    });
    assert.deepEqual(redacted.answers.outcome, {
      type: 'longText',
      text: '[…] belt terug; [consul] ook.',
    });
  });

  it('covers every person of several typed on one line, none hidden in another role', async () => {
    // Issue 17: "A (functie), B (functie) en C (functie)" was stored as one person, whose role
    // held the other two names, and --redact-people published them.
    const typed = parseTypedAnswer(
      catalogue.find('peopleMet')!,
      'Núria Puig (directeur, Ajuntament de Barcelona), Jordi Vidal (programmamanager) en ' +
        'Marta Soler (adviseur)',
      'nl',
      TODAY,
    );
    assert.ok(typed.ok && typed.answer.type === 'people');
    assert.equal(typed.answer.people.length, 3);
    const report = barcelonaReport();
    const redacted = redactPeople({
      ...report,
      answers: {
        ...report.answers,
        peopleMet: typed.answer,
        outcome: { type: 'longText', text: 'Jordi stuurt de handleiding; Marta Soler belt.' },
      },
    });
    const markdown = renderReportMarkdown(reportDocument(redacted, catalogue));
    const csv = renderRegisterCsv([redacted], catalogue);
    for (const name of ['Núria', 'Puig', 'Jordi', 'Vidal', 'Marta', 'Soler']) {
      assert.ok(!markdown.includes(name), `the Markdown still holds "${name}"`);
      assert.ok(!csv.includes(name), `the register still holds "${name}"`);
    }
    assert.deepEqual(
      redacted.answers.peopleMet?.type === 'people' &&
        redacted.answers.peopleMet.people.map((person) => person.role),
      ['directeur, Ajuntament de Barcelona', 'programmamanager', 'adviseur'],
    );
  });

  it('leaves the fellow travellers, the costs and who paid as they are', async () => {
    const report = genevaReport();
    const redacted = redactPeople(report);
    for (const key of ['coTravellers', 'costs', 'paidBy']) {
      assert.deepEqual(redacted.answers[key], report.answers[key], key);
    }
    const csv = renderRegisterCsv([redacted], costCatalogue);
    assert.ok(csv.includes('"Pieter de Graaf; Yasmina Ouali"'));
    assert.ok(csv.includes(',412.80,987.00,187.00,1586.80,'));
    assert.ok(csv.includes('"gedeeld: UN-Habitat betaalde het verblijf, de gemeente de reis"'));
    assert.ok(!csv.includes('Rossbach'));
    const workbook = await readXlsx(await renderRegisterXlsx([redacted], costCatalogue));
    const values = [...workbook.cells.values()].map((cell) => cell.value);
    assert.ok(values.includes('Pieter de Graaf; Yasmina Ouali'));
    assert.ok(values.includes(1586.8));
    assert.ok(!values.some((value) => String(value).includes('Anacláudia')));
    const markdown = renderReportMarkdown(reportDocument(redacted, costCatalogue));
    assert.match(markdown, /- Yasmina Ouali\n/);
    assert.match(markdown, /Totaal: € 1\.586,80/);
    assert.ok(markdown.includes('\\[Executive Director UN-Habitat\\] nodigt Den Haag uit'));
  });

  it('replaces the name of someone met in who paid, keeping the party', () => {
    const report = genevaReport();
    report.answers.paidBy = {
      type: 'payer',
      payer: 'shared',
      text: 'UN-Habitat (via Anacláudia Rossbach) betaalde het verblijf',
    };
    assert.deepEqual(redactPeople(report).answers.paidBy, {
      type: 'payer',
      payer: 'shared',
      text: 'UN-Habitat (via [Executive Director UN-Habitat]) betaalde het verblijf',
    });
  });

  it('leaves the history out, since it holds old answers with names', () => {
    const report = barcelonaReport({
      history: [
        {
          version: 2,
          at: '2024-11-13T10:00:00.000Z',
          by: 'Joost Verhoeven',
          key: 'outcome',
          old: { type: 'longText', text: 'Núria Puig belt.' },
          new: { type: 'longText', text: 'Núria Puig mailt.' },
        },
      ],
    });
    assert.deepEqual(redactPeople(report).history, []);
  });
});
