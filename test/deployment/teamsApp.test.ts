import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import { PNG } from 'pngjs';
import yauzl from 'yauzl';
import { ACCENT_COLOR, renderColorIcon, renderOutlineIcon } from '../../deployment/icons';
import { commands, type Command } from '../../src/dialogs/commands';
import { isRegisterAudience } from '../../src/register/registerAuth';
import {
  APP_PACKAGE_FOLDER,
  BOT_ID_OUTPUT,
  fillManifest,
  ICON_SIZES,
  manifestValues,
  PACKAGE_FILES,
  PackageError,
  REGISTER_MANIFEST_KEYS,
  teamsAppIdFor,
  writeTeamsAppPackage,
} from '../../deployment/teamsAppPackage';

const root = resolve(__dirname, '..', '..');
const SCHEMA_FILE = 'MicrosoftTeams.v1.29.schema.json';
const BOT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
/** The register's app registration and the web app that serves it. */
const REGISTER_CLIENT_ID = '6a3a1c7e-2f4b-4d6e-9a8b-1c2d3e4f5a6b';
const WEB_APP_HOST = 'app-reisverslag-abc.azurewebsites.net';
const register = { REGISTER_CLIENT_ID, WEB_APP_HOST };

/** What an administrator sets besides the bot id. */
const organization = {
  ORGANIZATION_NAME: 'Gemeente Voorbeeld',
  ORGANIZATION_WEBSITE_URL: 'https://www.voorbeeld.nl',
  PRIVACY_URL: 'https://www.voorbeeld.nl/privacy',
  TERMS_OF_USE_URL: 'https://www.voorbeeld.nl/voorwaarden',
};

const template = readFileSync(join(APP_PACKAGE_FOLDER, 'manifest.json'), 'utf8');
type Manifest = {
  [key: string]: unknown;
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
};
const templateManifest = JSON.parse(template) as Manifest;

/** The manifest as the package holds it (with the register tab unless told otherwise). */
function filled(env: NodeJS.ProcessEnv = register): Manifest {
  return fillManifest(template, manifestValues({ BOT_ID, ...organization, ...env })) as Manifest;
}

type Tabs = {
  staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
  configurableTabs: {
    configurationUrl: string;
    canUpdateConfiguration: boolean;
    scopes: string[];
  }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
};

/** The Teams v1.29 schema that @microsoft/app-manifest bundles (offline, so this never skips). */
function readBundledSchema(): object {
  const packageFolder = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = join(
    packageFolder,
    'build',
    'json-schemas',
    'teams',
    'v1.29',
    'MicrosoftTeams.schema.json',
  );
  return JSON.parse(readFileSync(file, 'utf8'));
}
const bundledSchema = readBundledSchema();

/** The shared schema beside the project (`../shared/schemas/`), if this checkout has it. */
function sharedSchemaFile(): string | undefined {
  for (let folder = root; ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'schemas', SCHEMA_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

const validators = new Map<object, ValidateFunction>();

function assertValid(schema: object, manifest: unknown): void {
  let validate = validators.get(schema);
  if (!validate) {
    // The schema's `format: uri` is not checked (draft-04 ajv has no formats bundled).
    validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    validators.set(schema, validate);
  }
  const valid = validate(manifest);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
}

function readPng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

/** The entries of a zip file, by name. */
function unzip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolvePromise(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('deployment: the Teams app package', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'reisverslag-teams-app-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  describe('manifest.json', () => {
    it('is a v1.29 manifest with the required fields and placeholders for the ids', () => {
      const manifest = templateManifest as Record<string, unknown> & Manifest;
      assert.equal(manifest.manifestVersion, '1.29');
      assert.match(String(manifest.$schema), /\/v1\.29\/MicrosoftTeams\.schema\.json$/);
      assert.equal(manifest.id, '${{TEAMS_APP_ID}}');
      assert.equal(manifest.version, '${{APP_VERSION}}');
      assert.equal(manifest.bots[0]?.botId, '${{BOT_ID}}');
      assert.deepEqual(manifest.name, {
        short: 'Reisverslag',
        full: 'Reisverslag: verslag van een buitenlandse dienstreis',
      });
      const description = manifest.description as { short: string; full: string };
      assert.match(description.short, /buitenlandse dienstreis/);
      assert.match(description.full, /Verslag buitenlandse dienstreis/);
      assert.deepEqual(manifest.localizationInfo, { defaultLanguageTag: 'nl-nl' });
      assert.deepEqual(manifest.icons, { color: 'color.png', outline: 'outline.png' });
      assert.equal(manifest.accentColor, ACCENT_COLOR);
      for (const field of ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
        assert.match(
          String((manifest.developer as Record<string, string>)[field]),
          /^\$\{\{\w+\}\}$/,
        );
      }
    });

    it('puts the bot in personal and team scope, with its commands, able to send files', () => {
      const [bot] = templateManifest.bots;
      assert.ok(bot);
      // The Word file of a report reaches its author through Teams' file consent flow.
      assert.equal((bot as { supportsFiles?: boolean }).supportsFiles, true);
      assert.deepEqual([...bot.scopes].sort(), ['personal', 'team']);
      const commands = (scope: string) =>
        bot.commandLists
          .filter((list) => list.scopes.includes(scope))
          .flatMap((list) => list.commands.map((command) => command.title));
      assert.deepEqual(commands('personal'), [
        'nieuw verslag',
        'verder',
        'ik ga op reis',
        'formulier',
        'mijn verslagen',
        'wijzig',
        'exporteer',
        'help',
      ]);
      assert.deepEqual(commands('team'), ['gebruik dit kanaal']);
    });

    it('lists only commands of the registry, with their Dutch word and description, at most 10 a scope', () => {
      const [bot] = templateManifest.bots;
      assert.ok(bot);
      for (const scope of ['personal', 'team'] as const) {
        const listed = bot.commandLists
          .filter((list) => list.scopes.includes(scope))
          .flatMap((list) => list.commands);
        assert.ok(listed.length <= 10, `${listed.length} commands in the ${scope} scope`);
        // A command works where the manifest offers it: the personal chat, or a team's channel.
        const place = scope === 'personal' ? 'idle' : 'channel';
        const declared = (commands as readonly Command[])
          .filter((command) => command.manifest?.scope === scope)
          .map((command) => {
            assert.ok(command.where.includes(place), `${command.name} does not work in ${scope}`);
            return { title: command.words.nl[0], description: command.manifest?.description };
          });
        const byTitle = (a: { title?: string }, b: { title?: string }) =>
          String(a.title).localeCompare(String(b.title));
        assert.deepEqual([...listed].sort(byTitle), declared.sort(byTitle));
      }
    });

    it('is valid against the Teams v1.29 schema once filled in (the schema @microsoft/app-manifest bundles)', () => {
      assertValid(bundledSchema, filled());
      assertValid(bundledSchema, filled({}));
    });

    it('is valid against the shared Teams v1.29 schema once filled in', function () {
      const file = sharedSchemaFile();
      if (!file) {
        // The shared schema lies beside the project, not in it; the bundled one was checked above.
        this.skip();
      }
      const schema = JSON.parse(readFileSync(file as string, 'utf8'));
      assertValid(schema, filled());
      assertValid(schema, filled({}));
    });

    it('has the Register as a personal tab beside the chat, and as a tab a team adds to a channel', () => {
      const manifest = filled() as unknown as Tabs;
      // The bot's chat stays the first personal tab; the Register follows it.
      assert.deepEqual(
        manifest.staticTabs.map((tab) => tab.entityId),
        ['conversations', 'register', 'about'],
      );
      const tab = manifest.staticTabs.find((candidate) => candidate.entityId === 'register');
      assert.equal(tab?.name, 'Register');
      assert.equal(tab?.contentUrl, `https://${WEB_APP_HOST}/register?context=personal`);
      assert.deepEqual(tab?.scopes, ['personal']);
      const [channelTab] = manifest.configurableTabs;
      assert.equal(channelTab?.configurationUrl, `https://${WEB_APP_HOST}/register/configure`);
      assert.deepEqual(channelTab?.scopes, ['team']);
      assert.equal(channelTab?.canUpdateConfiguration, true);
      assert.deepEqual(manifest.validDomains, [WEB_APP_HOST]);
    });

    it("asks Teams for SSO tokens that the register's token check takes (webApplicationInfo)", () => {
      const { webApplicationInfo } = filled() as unknown as Tabs;
      assert.deepEqual(webApplicationInfo, {
        id: REGISTER_CLIENT_ID,
        resource: `api://${WEB_APP_HOST}/${REGISTER_CLIENT_ID}`,
      });
      // Teams gets tokens whose audience is the resource (v1) or the id (v2): both are let in.
      assert.ok(isRegisterAudience(webApplicationInfo.resource, REGISTER_CLIENT_ID));
      assert.ok(isRegisterAudience(webApplicationInfo.id, REGISTER_CLIENT_ID));
    });

    it('leaves the register tab out without REGISTER_CLIENT_ID: without SSO it could only refuse', () => {
      const manifest = filled({}) as Record<string, unknown>;
      for (const key of REGISTER_MANIFEST_KEYS) assert.equal(manifest[key], undefined, key);
      assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{|register/i);
      // The host alone (the deployment outputs always have it) adds nothing.
      assert.equal(filled({ WEB_APP_HOST }).staticTabs, undefined);
    });

    it('is refused by that schema when the ids are not filled in', () => {
      assert.throws(() => assertValid(bundledSchema, templateManifest), /\/bots\/0\/botId/);
    });
  });

  describe('icons', () => {
    it('are a 192×192 colour icon and a 32×32 outline, white on transparent', () => {
      const color = readPng(readFileSync(join(APP_PACKAGE_FOLDER, 'color.png')));
      assert.equal(color.width, ICON_SIZES['color.png']);
      assert.equal(color.height, 192);

      const outline = readPng(readFileSync(join(APP_PACKAGE_FOLDER, 'outline.png')));
      assert.equal(outline.width, ICON_SIZES['outline.png']);
      assert.equal(outline.height, 32);
      let opaque = 0;
      let transparent = 0;
      for (let offset = 0; offset < outline.data.length; offset += 4) {
        const [r, g, b, a] = outline.data.subarray(offset, offset + 4);
        if (a === 0) transparent++;
        else {
          opaque++;
          assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${offset / 4} is white`);
        }
      }
      assert.ok(
        opaque > 100 && transparent > 300,
        `${opaque} white and ${transparent} clear pixels`,
      );
    });

    it('are what deployment/icons.ts draws', () => {
      const pixels = (bytes: Buffer) => readPng(bytes).data;
      assert.ok(
        pixels(readFileSync(join(APP_PACKAGE_FOLDER, 'color.png'))).equals(
          pixels(renderColorIcon()),
        ),
        'color.png is renderColorIcon(): run npx tsx deployment/icons.ts',
      );
      assert.ok(
        pixels(readFileSync(join(APP_PACKAGE_FOLDER, 'outline.png'))).equals(
          pixels(renderOutlineIcon()),
        ),
        'outline.png is renderOutlineIcon(): run npx tsx deployment/icons.ts',
      );
    });
  });

  describe('npm run package', () => {
    it('writes a zip of exactly manifest.json, color.png and outline.png, the ids filled in', async () => {
      const outFile = join(folder, 'app.zip');
      const { file, values } = await writeTeamsAppPackage({
        env: { BOT_ID, APP_VERSION: '1.4.0', ...organization },
        outFile,
      });
      assert.equal(file, outFile);
      const entries = await unzip(outFile);
      assert.deepEqual([...entries.keys()].sort(), [...PACKAGE_FILES].sort());

      const manifest = JSON.parse((entries.get('manifest.json') as Buffer).toString('utf8'));
      assert.equal(manifest.bots[0].botId, BOT_ID);
      assert.equal(manifest.id, teamsAppIdFor(BOT_ID));
      assert.equal(manifest.id, values.TEAMS_APP_ID);
      assert.equal(manifest.version, '1.4.0');
      assert.equal(manifest.developer.privacyUrl, organization.PRIVACY_URL);
      assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
      assertValid(bundledSchema, manifest);
      for (const icon of ['color.png', 'outline.png']) {
        assert.ok(
          (entries.get(icon) as Buffer).equals(readFileSync(join(APP_PACKAGE_FOLDER, icon))),
          `${icon} is packaged as is`,
        );
      }
    });

    it('derives a stable Teams app id from the bot id, unless TEAMS_APP_ID is set', () => {
      const appId = teamsAppIdFor(BOT_ID);
      assert.match(appId, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(teamsAppIdFor(BOT_ID.toUpperCase()), appId);
      assert.notEqual(teamsAppIdFor('1f8fad5b-d9cb-469f-a165-70867728950e'), appId);
      const own = '3c1a9a62-8b5e-4a43-9b1f-0d3c6a3e2b11';
      assert.equal(
        manifestValues({ BOT_ID, TEAMS_APP_ID: own, ...organization }).TEAMS_APP_ID,
        own,
      );
      assert.equal(
        manifestValues({ BOT_ID, ...organization }).APP_VERSION,
        JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      );
    });

    it('takes the bot id from the Bicep deployment outputs, also as Windows PowerShell writes them', async () => {
      const outputs = {
        [BOT_ID_OUTPUT]: { type: 'String', value: BOT_ID },
        webAppName: { type: 'String', value: 'app-reisverslag-abc' },
        webAppUrl: { type: 'String', value: `https://${WEB_APP_HOST}` },
        registerClientId: { type: 'String', value: REGISTER_CLIENT_ID },
      };
      const utf8 = join(folder, 'outputs.json');
      writeFileSync(utf8, JSON.stringify(outputs, null, 2));
      const utf16 = join(folder, 'outputs-utf16.json');
      writeFileSync(
        utf16,
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(outputs), 'utf16le')]),
      );
      const deployment = join(folder, 'deployment.json');
      writeFileSync(deployment, JSON.stringify({ properties: { outputs } }));
      for (const outputsFile of [utf8, utf16, deployment]) {
        const { values } = await writeTeamsAppPackage({
          env: { ...organization },
          outputsFile,
          outFile: join(folder, 'app.zip'),
        });
        assert.equal(values.BOT_ID, BOT_ID, outputsFile);
        assert.equal(values.REGISTER_CLIENT_ID, REGISTER_CLIENT_ID, outputsFile);
        assert.equal(values.WEB_APP_HOST, WEB_APP_HOST, outputsFile);
      }
    });

    it('refuses, naming what to set, when the bot id is missing, malformed or contradicted', () => {
      const refuses = (env: NodeJS.ProcessEnv, pattern: RegExp, outputs = {}) =>
        assert.throws(
          () => manifestValues(env, outputs),
          (error: unknown) => error instanceof PackageError && pattern.test(error.message),
        );
      refuses({ ...organization }, /No bot id\. Set BOT_ID .*--outputs/);
      refuses({ ...organization, BOT_ID: 'reisverslag' }, /bot id 'reisverslag' is not a GUID/);
      refuses({ ...organization, BOT_ID }, /differs from the deployment's botId output/, {
        botId: '1f8fad5b-d9cb-469f-a165-70867728950e',
      });
      refuses({ BOT_ID }, /ORGANIZATION_NAME is not set[\s\S]*PRIVACY_URL is not set/);
      refuses({ BOT_ID, ...organization, PRIVACY_URL: 'http://x.nl' }, /PRIVACY_URL .* https/);
      refuses({ BOT_ID, ...organization, APP_VERSION: '1.0' }, /APP_VERSION '1.0'/);
      refuses(
        { BOT_ID, ...organization, ...register, REGISTER_CLIENT_ID: 'register' },
        /REGISTER_CLIENT_ID 'register' is not a GUID/,
      );
      refuses(
        { BOT_ID, ...organization, REGISTER_CLIENT_ID },
        /REGISTER_CLIENT_ID is set but not the web app's host: set WEB_APP_HOST/,
      );
      refuses(
        { BOT_ID, ...organization, REGISTER_CLIENT_ID, WEB_APP_HOST: `https://${WEB_APP_HOST}/` },
        /WEB_APP_HOST .* without https:\/\//,
      );
      // botbuilder's own name for the id serves too.
      assert.equal(manifestValues({ MicrosoftAppId: BOT_ID, ...organization }).BOT_ID, BOT_ID);
    });

    it('is the npm script: it exits 1 with the reason, or writes the zip where --out says', function () {
      this.timeout(60_000); // two runs of npm and tsx
      const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? tmpdir(), ...organization };
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const run = (args: string[], extra: NodeJS.ProcessEnv) =>
        spawnSync(npm, ['run', '--silent', 'package', '--', ...args], {
          cwd: root,
          env: { ...env, ...extra },
          encoding: 'utf8',
          timeout: 60_000,
        });

      const refused = run([], {});
      assert.equal(refused.status, 1, refused.stderr);
      assert.match(refused.stderr, /No bot id\. Set BOT_ID/);
      assert.doesNotMatch(refused.stderr, /\n[ \t]+at /, 'a message, not a stack trace');

      const outFile = join(folder, 'teams.zip');
      const written = run(['--out', outFile], { BOT_ID });
      assert.equal(written.status, 0, written.stderr);
      assert.match(written.stdout, /Wrote .*teams\.zip/);
      assert.match(written.stdout, /Without the Register tab: REGISTER_CLIENT_ID is not set/);
      assert.ok(existsSync(outFile));
    });
  });
});
