import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ReportDocument } from './reportDocument';

/** The MIME type of a Word document, for uploads and file cards. */
export const DOCX_MIME_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The report document as a Word file in the form's layout: the heading `VERSLAG BUITENLANDSE
 * DIENSTREIS`, the trip's fields, then each question in bold capitals with its answer beneath; the
 * people met, the fellow travellers and the amounts (their total beneath) as bulleted lists.
 */
export async function renderReportDocx(document: ReportDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.LEFT,
      children: [new TextRun(xmlSafe(document.heading))],
    }),
  ];
  for (const field of document.fields) {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${xmlSafe(field.label)}: `, bold: true }),
          new TextRun(xmlSafe(field.value)),
        ],
      }),
    );
  }
  for (const section of document.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 360 },
        children: [new TextRun({ text: xmlSafe(section.question), bold: true })],
      }),
    );
    for (const paragraph of section.paragraphs) {
      children.push(new Paragraph({ children: [new TextRun(xmlSafe(paragraph))] }));
    }
    for (const item of section.items ?? []) {
      children.push(
        new Paragraph({ bullet: { level: 0 }, children: [new TextRun(xmlSafe(item))] }),
      );
    }
    for (const paragraph of section.after ?? []) {
      children.push(new Paragraph({ children: [new TextRun(xmlSafe(paragraph))] }));
    }
  }
  const file = new Document({
    creator: 'Reisverslag',
    title: xmlSafe(`${document.heading} – ${document.title}`),
    sections: [{ children }],
  });
  return Packer.toBuffer(file);
}

/**
 * Text that XML 1.0 can hold: control characters (other than tab and line breaks) and lone
 * surrogates would make Word refuse the whole file, so they are left out.
 */
function xmlSafe(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these very characters are what is removed
      .replace(/[\u0000-\u0008\v\f\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
  );
}
