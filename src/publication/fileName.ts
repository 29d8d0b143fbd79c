import { trimEndWhile, trimStartWhile } from '../report/plainText';
import { titleOf, type Report } from '../report/report';
import { tripDate } from './tripDate';

const MAX_SLUG_LENGTH = 60;

/**
 * A file name for a report that is safe on Windows, macOS and Linux and sorts by date:
 * `2024-03-12-host-city-dialogue-wenen-2024-5f3a9c1e.docx` (trip date, title, start of the id).
 */
export function reportFileName(report: Report, extension: 'docx' | 'md'): string {
  const title = titleOf(report);
  const shortId =
    report.id
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 8) || 'verslag';
  return `${tripDate(report)}-${slug(title) || 'verslag'}-${shortId}.${extension}`;
}

/** Lower-case ASCII letters and digits joined by `-`; accents dropped, other scripts left out. */
export function slug(text: string): string {
  const dashed = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return trimEndWhile(trimStartWhile(dashed, isDash).slice(0, MAX_SLUG_LENGTH), isDash);
}

function isDash(character: string): boolean {
  return character === '-';
}
