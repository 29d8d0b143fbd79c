/**
 * A copy of a Cosmos DB document without the system properties (`_rid`, `_self`, `_ts`,
 * `_attachments`, `_etag`, and any other `_`-prefixed one) and without the `omit`ted fields.
 */
export function withoutSystemProperties(
  document: Record<string, unknown>,
  omit: readonly string[] = [],
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(document).filter(([name]) => !name.startsWith('_') && !omit.includes(name)),
  );
}
