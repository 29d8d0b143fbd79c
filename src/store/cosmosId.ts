import { createHash } from 'node:crypto';

/** Characters Cosmos DB forbids in an id (`/ \ ? #`), plus `%` and our escape character `*`. */
const ESCAPED = new Set(['/', '\\', '?', '#', '%', '*']);

/** Cosmos DB ids may be at most 255 characters long. */
const MAX_ID_LENGTH = 255;

/**
 * A valid Cosmos DB id for any non-empty key: forbidden and control characters become `*XX`
 * (hex), which is reversible; a key whose encoding exceeds 255 characters becomes a readable
 * prefix plus `*~` and the key's SHA-256, which is not, so keep the original key in the document.
 */
export function encodeCosmosId(key: string): string {
  if (key === '') {
    throw new Error('An empty string cannot be a Cosmos DB id; give the item a non-empty key.');
  }
  let encoded = '';
  for (const character of key) {
    const code = character.codePointAt(0) ?? 0;
    encoded +=
      ESCAPED.has(character) || code < 0x20 || code === 0x7f
        ? `*${code.toString(16).toUpperCase().padStart(2, '0')}`
        : character;
  }
  if (encoded.length <= MAX_ID_LENGTH) return encoded;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  const room = MAX_ID_LENGTH - hash.length - 2;
  let prefix = '';
  for (const character of encoded) {
    if (prefix.length + character.length > room) break;
    prefix += character;
  }
  return `${prefix}*~${hash}`;
}
