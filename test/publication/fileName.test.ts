import assert from 'node:assert/strict';
import { reportFileName } from '../../src/publication/fileName';
import { barcelonaReport, osakaReport } from './fixtures';

describe('publication: file names', () => {
  it('names a file by trip date, title and the start of the id', () => {
    assert.equal(
      reportFileName(barcelonaReport(), 'docx'),
      '2024-11-05-smart-city-expo-world-congress-2024-7c1e2a90.docx',
    );
  });

  it('keeps only characters every file system accepts', () => {
    const name = reportFileName(
      osakaReport({
        answers: {
          ...osakaReport().answers,
          title: { type: 'shortText', text: 'CON: <Ελλάδα> / "Zürich"\\*?|..' },
        },
      }),
      'md',
    );
    assert.match(name, /^[a-z0-9-]+\.md$/);
    assert.equal(name, '2025-05-19-con-zurich-b2f4d6a8.md');
  });

  it('files a trip given as a duration only under the day it was posted', () => {
    const report = barcelonaReport();
    const name = reportFileName(
      {
        ...report,
        answers: { ...report.answers, duration: { type: 'dateRange', days: 2, nights: 1 } },
      },
      'md',
    );
    assert.ok(name.startsWith('2024-11-12-'));
  });
});
