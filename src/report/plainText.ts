// Small pieces of string code for reading what people type, used where a regular expression on
// user text would backtrack: each runs in one pass over the text.

/** Characters as people count them: code points, so an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at += 1) {
    const unit = text.charCodeAt(at);
    // A high surrogate followed by a low one is one character; a lone surrogate counts alone.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) at += 1;
    }
    count += 1;
  }
  return count;
}

/** True for one whitespace character as `\s` and `String.prototype.trim` see it. */
export function isWhitespace(character: string): boolean {
  return character !== '' && character.trim() === '';
}

/** The text without the characters at its end for which `strip` holds (one UTF-16 unit each). */
export function trimEndWhile(text: string, strip: (character: string) => boolean): string {
  let end = text.length;
  while (end > 0 && strip(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** The text without the characters at its start for which `strip` holds (one UTF-16 unit each). */
export function trimStartWhile(text: string, strip: (character: string) => boolean): string {
  let start = 0;
  while (start < text.length && strip(text.charAt(start))) start += 1;
  return text.slice(start);
}

/** The text with every run of whitespace (line breaks included) as one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}
