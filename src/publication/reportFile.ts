import type { Report } from '../report/report';
import { reportFileName } from './fileName';
import { reportDocument } from './reportDocument';

/** A report as a file to hand over: its name and bytes. */
export interface ReportFile {
  name: string;
  bytes: Buffer;
}

/** The report as a Word document in its own language, named by trip date and title. */
export async function reportWordFile(report: Report): Promise<ReportFile> {
  // The docx library is loaded at the first Word file: a start, and most turns, need none.
  const { renderReportDocx } = await import('./reportDocx.js');
  return {
    name: reportFileName(report, 'docx'),
    bytes: await renderReportDocx(reportDocument(report)),
  };
}
