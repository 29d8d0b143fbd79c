// The register page's files for dist/: the static files of src/register/public as they are, and
// the page's script bundled (with the Fluent web components it uses) by esbuild.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'register', 'public');
mkdirSync(out, { recursive: true });
cpSync(join(root, 'src', 'register', 'public'), out, { recursive: true });
await build({
  entryPoints: [join(root, 'src', 'register', 'client', 'register.ts')],
  outfile: join(out, 'register.js'),
  bundle: true,
  minify: true,
  // Readable names in a stack trace from a colleague's browser.
  keepNames: true,
  sourcemap: true,
  format: 'iife',
  target: ['chrome111', 'edge111', 'safari16.4', 'firefox115'],
  legalComments: 'linked',
  logLevel: 'warning',
});
