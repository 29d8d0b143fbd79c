import { literal } from '../cards/markdown';
import type { ReportDocument } from './reportDocument';

/**
 * The report document as Markdown: the heading, the trip's fields, each question as a heading
 * with its answer beneath, people as a list. User text is escaped so that it shows as typed and
 * cannot add headings, links, HTML or emphasis of its own.
 */
export function renderReportMarkdown(document: ReportDocument): string {
  const blocks = [`# ${document.heading}`];
  blocks.push(
    document.fields
      .map((field) => `**${escapeMarkdown(field.label)}:** ${escapeMarkdown(field.value)}`)
      .join('  \n'),
  );
  for (const section of document.sections) {
    blocks.push(`## ${escapeMarkdown(section.question)}`);
    const paragraphs = section.paragraphs.filter((paragraph) => paragraph.trim() !== '');
    blocks.push(...paragraphs.map(escapeMarkdown));
    if (section.items)
      blocks.push(section.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Text that Markdown shows exactly as written: the card escaping, plus entities (`&amp;`). */
export function escapeMarkdown(text: string): string {
  return literal(text.replace(/\r\n?/g, '\n')).replace(/&/g, '\\&');
}
