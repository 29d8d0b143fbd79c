import assert from 'node:assert/strict';
import { redactPeople } from '../../src/publication/redaction';
import { renderRegisterCsv } from '../../src/publication/register';
import { reportDocument } from '../../src/publication/reportDocument';
import { renderReportDocx } from '../../src/publication/reportDocx';
import { renderReportMarkdown } from '../../src/publication/reportMarkdown';
import { docxParagraphs } from './docxText';
import { barcelonaReport, namesMet, osakaReport } from './fixtures';
import { pinnedCatalogue as catalogue } from '../support/catalogue';

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
