/**
 * `npm run package`: writes the Teams app package, a zip of `manifest.json`, `color.png` and
 * `outline.png` from `deployment/appPackage/`, with the manifest's `${{NAME}}` placeholders filled
 * from the environment and, for the bot id, from the Bicep deployment's outputs.
 *
 *   npm run package -- [--outputs <deployment outputs JSON>] [--out <zip>]
 *
 * See deployment/README.md for the variables.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/** The app package's template folder. */
export const APP_PACKAGE_FOLDER = join(__dirname, 'appPackage');

/** The files of the package, all at the zip's root, and nothing else. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** The icons' sizes in pixels, as Teams requires them (square). */
export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;

/** Where `npm run package` writes the zip unless `--out` says otherwise (git-ignored). */
export const DEFAULT_PACKAGE_PATH = join(__dirname, 'build', 'reisverslag-teams-app.zip');

/** The Bicep output that holds the bot's Microsoft App Id (main.bicep `output botId`). */
export const BOT_ID_OUTPUT = 'botId';

/** The Bicep outputs of the register tab: its app registration and the web app's address. */
export const REGISTER_CLIENT_ID_OUTPUT = 'registerClientId';
export const WEB_APP_URL_OUTPUT = 'webAppUrl';

/**
 * The manifest's parts that are the register tab (issue 21): left out of a package made without
 * REGISTER_CLIENT_ID, since a tab without single sign-on would only ever answer 401.
 */
export const REGISTER_MANIFEST_KEYS = [
  'staticTabs',
  'configurableTabs',
  'validDomains',
  'webApplicationInfo',
] as const;

/** The values of the manifest's placeholders. */
export interface ManifestValues {
  /** The bot's Microsoft App Id: the managed identity's client id. */
  BOT_ID: string;
  /** The Teams app's id; by default derived from BOT_ID, so a re-upload updates the same app. */
  TEAMS_APP_ID: string;
  /** The app's version (x.y.z); raise it for every upload of a changed package. */
  APP_VERSION: string;
  ORGANIZATION_NAME: string;
  ORGANIZATION_WEBSITE_URL: string;
  PRIVACY_URL: string;
  TERMS_OF_USE_URL: string;
  /** The register's app registration (REGISTER_CLIENT_ID); undefined: no register tab. */
  REGISTER_CLIENT_ID?: string;
  /** The web app's host name, where the register is served; with REGISTER_CLIENT_ID only. */
  WEB_APP_HOST?: string;
}

/** Thrown with everything that keeps the package from being written, in words for an administrator. */
export class PackageError extends Error {
  override name = 'PackageError';
}

const GUID = /^[\da-f]{8}-(?:[\da-f]{4}-){3}[\da-f]{12}$/i;
const HOST_NAME = /^[a-z\d](?:[a-z\d-]*[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]*[a-z\d])?)+$/i;
const VERSION = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/;

/** Namespace of the derived Teams app ids (name-based UUID, RFC 9562 version 5). */
const TEAMS_APP_ID_NAMESPACE = '5f0c3a4e-8d1b-4c39-9e57-2a6b1d7e4f90';

/** A stable Teams app id for a bot id: the same bot always gets the same app. */
export function teamsAppIdFor(botId: string): string {
  const namespace = Buffer.from(TEAMS_APP_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1')
    .update(namespace)
    .update(botId.toLowerCase())
    .digest()
    .subarray(0, 16);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The string outputs of a Bicep deployment, from the JSON of
 * `az deployment group show … --query properties.outputs` (or of the whole deployment). Reads UTF-8
 * and the UTF-16 that Windows PowerShell's `>` writes.
 */
export function readDeploymentOutputs(file: string): Record<string, string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new PackageError(
      `Cannot read the deployment outputs file ${file}: ${(error as Error).message}`,
    );
  }
  const text =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? bytes.subarray(2).toString('utf16le')
      : bytes.toString('utf8').replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PackageError(
      `The deployment outputs file ${file} is not JSON (${(error as Error).message}). Write it with ` +
        'az deployment group show --resource-group <group> --name reisverslag --query properties.outputs',
    );
  }
  const record = (value: unknown) =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const properties = record(record(json).properties);
  const outputs = 'outputs' in properties ? record(properties.outputs) : record(json);
  const values: Record<string, string> = {};
  for (const [name, output] of Object.entries(outputs)) {
    const value = record(output).value;
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

/** The package.json version, the default APP_VERSION. */
function projectVersion(): string {
  const packageJson = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return packageJson.version;
}

/**
 * The placeholders' values from the environment and the deployment outputs; throws a PackageError
 * naming every missing or malformed value.
 */
export function manifestValues(
  env: NodeJS.ProcessEnv,
  outputs: Record<string, string> = {},
): ManifestValues {
  const problems: string[] = [];
  const text = (name: string) => env[name]?.trim() ?? '';

  const fromEnv = text('BOT_ID');
  const fromOutputs = outputs[BOT_ID_OUTPUT]?.trim() ?? '';
  if (fromEnv && fromOutputs && fromEnv.toLowerCase() !== fromOutputs.toLowerCase()) {
    problems.push(
      `BOT_ID (${fromEnv}) differs from the deployment's ${BOT_ID_OUTPUT} output (${fromOutputs}); unset one of them.`,
    );
  }
  const botId = fromEnv || fromOutputs || text('MicrosoftAppId');
  if (!botId) {
    problems.push(
      "No bot id. Set BOT_ID to the bot's Microsoft App Id (the botId output of the Bicep " +
        'deployment), or pass --outputs <file> with the deployment outputs, written by: az ' +
        'deployment group show --resource-group <group> --name reisverslag --query properties.outputs',
    );
  } else if (!GUID.test(botId)) {
    problems.push(
      `The bot id '${botId}' is not a GUID (e.g. 0f8fad5b-d9cb-469f-a165-70867728950e).`,
    );
  }

  const teamsAppId = text('TEAMS_APP_ID') || (GUID.test(botId) ? teamsAppIdFor(botId) : '');
  if (text('TEAMS_APP_ID') && !GUID.test(teamsAppId)) {
    problems.push(`TEAMS_APP_ID '${teamsAppId}' is not a GUID.`);
  }

  const version = text('APP_VERSION') || projectVersion();
  if (!VERSION.test(version)) {
    problems.push(`APP_VERSION '${version}' is not a version of the form 1.2.3.`);
  }

  const organization = text('ORGANIZATION_NAME');
  if (!organization) {
    problems.push(
      "ORGANIZATION_NAME is not set: the publisher Teams shows, e.g. 'Gemeente Voorbeeld'.",
    );
  } else if (organization.length > 32) {
    problems.push(`ORGANIZATION_NAME is longer than Teams allows (32 characters).`);
  }
  const urls = {
    ORGANIZATION_WEBSITE_URL: "the organisation's website",
    PRIVACY_URL: 'the privacy statement',
    TERMS_OF_USE_URL: 'the terms of use',
  } as const;
  for (const [name, meaning] of Object.entries(urls)) {
    const url = text(name);
    if (!url) problems.push(`${name} is not set: the https address of ${meaning}.`);
    else if (!/^https:\/\/\S+$/.test(url)) problems.push(`${name} '${url}' is not an https URL.`);
  }

  const register = registerValues(env, outputs, problems);

  if (problems.length > 0) {
    throw new PackageError(
      `Cannot write the Teams app package:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return {
    BOT_ID: botId.toLowerCase(),
    TEAMS_APP_ID: teamsAppId.toLowerCase(),
    APP_VERSION: version,
    ORGANIZATION_NAME: organization,
    ORGANIZATION_WEBSITE_URL: text('ORGANIZATION_WEBSITE_URL'),
    PRIVACY_URL: text('PRIVACY_URL'),
    TERMS_OF_USE_URL: text('TERMS_OF_USE_URL'),
    ...register,
  };
}

/**
 * REGISTER_CLIENT_ID and WEB_APP_HOST, from the environment or the deployment outputs
 * (registerClientId, webAppUrl). Without a client id there is no register tab; with one, the
 * host is required, since the tab's pages and the SSO resource live there.
 */
function registerValues(
  env: NodeJS.ProcessEnv,
  outputs: Record<string, string>,
  problems: string[],
): { REGISTER_CLIENT_ID?: string; WEB_APP_HOST?: string } {
  const clientId = env.REGISTER_CLIENT_ID?.trim() || outputs[REGISTER_CLIENT_ID_OUTPUT]?.trim();
  if (!clientId) return {};
  if (!GUID.test(clientId)) {
    problems.push(
      `REGISTER_CLIENT_ID '${clientId}' is not a GUID: set it to the Application (client) ID of the register's app registration (deployment/README.md, "The register: single sign-on").`,
    );
  }
  const webAppUrl = outputs[WEB_APP_URL_OUTPUT]?.trim();
  const fromOutputs = webAppUrl && URL.canParse(webAppUrl) ? new URL(webAppUrl).hostname : '';
  const host = (env.WEB_APP_HOST?.trim() || fromOutputs).toLowerCase();
  if (!host) {
    problems.push(
      "REGISTER_CLIENT_ID is set but not the web app's host: set WEB_APP_HOST (e.g. app-reisverslag-abc.azurewebsites.net, the webAppUrl output without https://), or pass --outputs <file>.",
    );
  } else if (!HOST_NAME.test(host)) {
    problems.push(
      `WEB_APP_HOST '${host}' is not a host name: give it without https:// or a path, e.g. app-reisverslag-abc.azurewebsites.net.`,
    );
  }
  return { REGISTER_CLIENT_ID: clientId.toLowerCase(), WEB_APP_HOST: host };
}

/** The manifest template without the register tab's parts, for a package made without SSO. */
export function withoutRegister(template: string): string {
  const manifest = JSON.parse(template) as Record<string, unknown>;
  for (const key of REGISTER_MANIFEST_KEYS) delete manifest[key];
  return JSON.stringify(manifest, null, 2);
}

/**
 * The manifest template with every `${{NAME}}` replaced, as JSON; throws on an unknown name.
 * Without REGISTER_CLIENT_ID the register tab's parts are left out.
 */
export function fillManifest(template: string, values: ManifestValues): Record<string, unknown> {
  const source = values.REGISTER_CLIENT_ID ? template : withoutRegister(template);
  const filled = source.replace(/\$\{\{\s*([a-z_]\w*)\s*\}\}/gi, (_match, name) => {
    const value = (values as unknown as Record<string, string | undefined>)[name as string];
    if (value === undefined) {
      throw new PackageError(`manifest.json has a placeholder \${{${name}}} that nothing fills.`);
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The package's files from the template folder, the icons checked against Teams' sizes. */
function packageFiles(folder: string, values: ManifestValues): Map<string, Buffer> {
  const manifest = fillManifest(readFileSync(join(folder, 'manifest.json'), 'utf8'), values);
  const files = new Map<string, Buffer>([
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
  ]);
  for (const [name, size] of Object.entries(ICON_SIZES)) {
    const bytes = readFileSync(join(folder, name));
    const actual = pngSize(bytes);
    if (actual?.width !== size || actual.height !== size) {
      throw new PackageError(
        `${join(folder, name)} must be a ${size}×${size} PNG; regenerate it with npx tsx deployment/icons.ts.`,
      );
    }
    files.set(name, bytes);
  }
  return files;
}

/** What to package, and where. */
export interface PackageOptions {
  env: NodeJS.ProcessEnv;
  /** The Bicep deployment outputs JSON, if the bot id is to come from there. */
  outputsFile?: string;
  /** The zip to write; default DEFAULT_PACKAGE_PATH. */
  outFile?: string;
  /** The template folder; default APP_PACKAGE_FOLDER. */
  templateFolder?: string;
}

/** Writes the Teams app zip; returns its path and the values filled in. */
export async function writeTeamsAppPackage(
  options: PackageOptions,
): Promise<{ file: string; values: ManifestValues }> {
  const outputs = options.outputsFile ? readDeploymentOutputs(options.outputsFile) : {};
  const values = manifestValues(options.env, outputs);
  const files = packageFiles(options.templateFolder ?? APP_PACKAGE_FOLDER, values);
  const file = resolve(options.outFile ?? DEFAULT_PACKAGE_PATH);
  mkdirSync(dirname(file), { recursive: true });

  const zip = new ZipFile();
  // A fixed date: the same inputs make the same zip.
  const mtime = new Date(Date.UTC(2026, 0, 1));
  for (const name of PACKAGE_FILES) {
    zip.addBuffer(files.get(name) as Buffer, name, { mtime, mode: 0o100644 });
  }
  zip.end();
  await finished(zip.outputStream.pipe(createWriteStream(file)));
  return { file, values };
}

/** `--name value` options of the command line. */
function parseArguments(argv: readonly string[]): { outputs?: string; out?: string } {
  const options: { outputs?: string; out?: string } = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = argv[index + 1];
    if ((argument === '--outputs' || argument === '--out') && value && !value.startsWith('--')) {
      options[argument === '--outputs' ? 'outputs' : 'out'] = value;
      index++;
    } else {
      throw new PackageError(
        `Unknown argument '${argument}'. Usage: npm run package -- [--outputs <deployment outputs JSON>] [--out <zip>]`,
      );
    }
  }
  return options;
}

async function main(): Promise<void> {
  try {
    const argumentsGiven = parseArguments(process.argv.slice(2));
    const { file, values } = await writeTeamsAppPackage({
      env: process.env,
      ...(argumentsGiven.outputs ? { outputsFile: argumentsGiven.outputs } : {}),
      ...(argumentsGiven.out ? { outFile: argumentsGiven.out } : {}),
    });
    process.stdout.write(
      `Wrote ${file}\n  Teams app ${values.TEAMS_APP_ID}, version ${values.APP_VERSION}, bot ${values.BOT_ID}\n` +
        (values.REGISTER_CLIENT_ID
          ? `  Register tab on https://${values.WEB_APP_HOST}/register, single sign-on with app ${values.REGISTER_CLIENT_ID}\n`
          : '  Without the Register tab: REGISTER_CLIENT_ID is not set (deployment/README.md, "The register: single sign-on").\n') +
        'Upload it in the Teams admin center: Teams apps > Manage apps > Upload new app.\n',
    );
  } catch (error) {
    process.stderr.write(
      `${error instanceof PackageError ? error.message : (error as Error).stack}\n`,
    );
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
}
