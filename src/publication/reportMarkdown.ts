import type { ReportDocument } from './reportDocument';

/**
 * The report document as Markdown: the heading, the trip's fields, each question as a heading
 * with its answer beneath, people, fellow travellers and amounts as a list. User text is escaped so that it shows as typed and
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
    blocks.push(...(section.after ?? []).map(escapeMarkdown));
  }
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Text that Markdown shows exactly as written: every character that could start formatting, a
 * link, a tag or an entity (`&amp;`) is escaped with a backslash, line breaks are kept (a blank
 * line, which every renderer breaks on), and list, heading and quote markers are escaped. Only the
 * Markdown export escapes: cards put user text in TextRuns, which no client reads as markdown.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\\`*_[\]<>~&]/g, '\\$&')
      // A single line break is no break in markdown; a blank line is, in every renderer.
      .replace(/\n/g, '\n\n')
      // Indentation within the line only: whitespace across line breaks would let every empty
      // line of a long run rescan the rest of it.
      .replace(
        /^([^\S\n\r\u2028\u2029]*)([#+\-=>]|\d+[.)])/gm,
        (_match, indent: string, marker: string) =>
          `${indent}${marker.replace(/^(\d*)(.)$/, '$1\\$2')}`,
      )
  );
}
