/**
 * User text for an Adaptive Card TextBlock, shown exactly as typed: Teams renders TextBlocks as
 * markdown (and drops HTML tags), so every character that could start formatting, a link or a
 * tag is escaped with a backslash, which the renderer removes again; line breaks are kept.
 */
export function literal(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<>~]/g, '\\$&')
      // A single line break is no break in markdown; a blank line is, in every renderer.
      .replace(/\r?\n/g, '\n\n')
      // Indentation within the line only: whitespace across line breaks would let every empty
      // line of a long run rescan the rest of it.
      .replace(
        /^([^\S\n\r\u2028\u2029]*)([#+\-=>]|\d+[.)])/gm,
        (_match, indent: string, marker: string) =>
          `${indent}${marker.replace(/^(\d*)(.)$/, '$1\\$2')}`,
      )
  );
}
