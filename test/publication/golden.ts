import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GOLDEN_DIR = join(__dirname, 'golden');

/**
 * Compares output with a golden file under test/publication/golden; `UPDATE_GOLDEN=1` rewrites
 * the file instead (then read the diff before committing it).
 */
export function assertGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from golden file ${path}`);
}
