import type { Catalogue } from '../report/catalogue';
import type { Report } from '../report/report';
import { reportFileName } from './fileName';
import { reportDocument } from './reportDocument';
import { renderReportDocx } from './reportDocx';

/** A report as a file to hand over: its name and bytes. */
export interface ReportFile {
  name: string;
  bytes: Buffer;
}

/** The report as a Word document in the record's language (Dutch), named by trip date and title. */
export async function reportWordFile(report: Report, catalogue: Catalogue): Promise<ReportFile> {
  return {
    name: reportFileName(report, 'docx'),
    bytes: await renderReportDocx(reportDocument(report, catalogue)),
  };
}
