import { z } from 'zod';
import { parseWorkingWindow, type WorkingWindow } from './reminders/workingCalendar';

/** Entra ID's multi-tenant OpenID metadata, the default of REGISTER_OPENID_METADATA_URL. */
export const ENTRA_OPENID_METADATA_URL =
  'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const tenantIdList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((id) => id.trim().toLowerCase())
      .filter((id) => id !== ''),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^[\da-f-]{36}$/i,
          'each tenant id must be an Entra tenant GUID, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47',
        ),
    ),
  );

/** A decimal number from the environment; `default` when unset or empty. */
const decimal = (defaultValue: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(defaultValue) : value))
    .pipe(
      z
        .string()
        .regex(/^\d+(\.\d+)?$/, 'must be a number such as 3 or 0.5')
        .transform((value) => Number(value)),
    );

const workingWindow = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): WorkingWindow => {
    try {
      return parseWorkingWindow(value || 'ma-vr 09:00-17:00');
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** Host name suffixes of upload URLs (UPLOAD_HOST_SUFFIXES): each starts with a dot. */
const hostSuffixList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((suffix) => suffix.trim().toLowerCase())
      .filter((suffix) => suffix !== ''),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?){2,}$/,
          'each suffix must start with a dot and name a domain, e.g. .sharepoint.com',
        ),
    ),
  )
  .transform((suffixes) => (suffixes.length > 0 ? suffixes : ['.sharepoint.com']));

const flag = (defaultValue: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(defaultValue) : value))
    .pipe(z.enum(['true', 'false'], 'must be true or false'))
    .transform((value) => value === 'true');

/** The environment variables the bot reads, with their defaults; names as in DESIGN.md §5. */
const environmentVariables = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MicrosoftAppTenantId: optionalText,
  COSMOS_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z
    .string()
    .trim()
    .regex(/^[\w-]{1,255}$/, 'use letters, digits, - and _ only')
    .default('reisverslag'),
  REPORT_CHANNEL_ID: optionalText,
  ALLOWED_TENANT_IDS: tenantIdList,
  NODE_ENV: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REMINDER_AFTER_DAYS: decimal(3).pipe(
    z.number().positive('must be more than 0 working days, e.g. 3 (or 0.5 to try it out)'),
  ),
  REMINDER_WINDOW: workingWindow,
  REMINDER_SKIP_HOLIDAYS: flag(true),
  REMINDER_SWEEP_MINUTES: decimal(15),
  UPLOAD_HOST_SUFFIXES: hostSuffixList,
  REGISTER_CLIENT_ID: optionalText.pipe(
    z
      .string()
      .regex(
        /^[\da-f]{8}-(?:[\da-f]{4}-){3}[\da-f]{12}$/i,
        "must be the Application (client) ID of the register's app registration, a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e",
      )
      .transform((id) => id.toLowerCase())
      .optional(),
  ),
  REGISTER_OPENID_METADATA_URL: optionalText
    .transform((value) => value ?? ENTRA_OPENID_METADATA_URL)
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: `must be the https URL of an OpenID metadata document, e.g. ${ENTRA_OPENID_METADATA_URL}`,
      }),
    ),
});

/** Host names that never leave this machine: plain http to Cosmos DB is fine only there. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The environment variables botbuilder reads for a certificate instead of a password. */
const CERTIFICATE_VARIABLES = ['CertificateThumbprint', 'CertificatePrivateKey'] as const;

const environmentSchema = environmentVariables.superRefine((env, ctx) => {
  const problem = (variable: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message });
  const production = env.NODE_ENV === 'production';
  if (production && !env.MicrosoftAppId) {
    problem(
      'MicrosoftAppId',
      'is required when NODE_ENV=production: without it nobody checks who calls the bot (anonymous mode is for local development only)',
    );
  }
  if (production && !env.COSMOS_ENDPOINT) {
    problem(
      'COSMOS_ENDPOINT',
      'is required when NODE_ENV=production: without it the bot keeps reports in memory and loses them at the next restart; set the Cosmos DB account endpoint, e.g. https://<account>.documents.azure.com:443/',
    );
  }
  // An endpoint that is no URL at all is already named by its own check.
  if (env.COSMOS_ENDPOINT && URL.canParse(env.COSMOS_ENDPOINT)) {
    const url = new URL(env.COSMOS_ENDPOINT);
    if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      problem(
        'COSMOS_ENDPOINT',
        `must be https (${url.host} is not this machine, and reports would cross the network unencrypted)`,
      );
    }
  }
  if (URL.canParse(env.REGISTER_OPENID_METADATA_URL)) {
    const url = new URL(env.REGISTER_OPENID_METADATA_URL);
    if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.has(url.hostname)) {
      problem(
        'REGISTER_OPENID_METADATA_URL',
        `must be https (${url.host} is not this machine, and whoever sits between could hand the register false signing keys); Entra ID's is ${ENTRA_OPENID_METADATA_URL}`,
      );
    }
  }
  if (env.COSMOS_KEY && !env.COSMOS_ENDPOINT) {
    problem(
      'COSMOS_KEY',
      'is set but COSMOS_ENDPOINT is not; set the endpoint too, or unset the key',
    );
  }
});

/**
 * The rules of botbuilder's app types, checked here so that a mistake is named rather than
 * thrown later as a stack trace from the SDK. `env` is the raw environment (the certificate).
 */
function botIdentityProblems(
  parsed: z.infer<typeof environmentVariables>,
  env: NodeJS.ProcessEnv,
): string[] {
  if (!parsed.MicrosoftAppId) return [];
  const problems: string[] = [];
  const problem = (variable: string, message: string) => problems.push(`${variable}: ${message}`);
  // botbuilder takes an app without a type for a multi-tenant one.
  const appType = parsed.MicrosoftAppType ?? 'MultiTenant';
  if (appType !== 'MultiTenant' && !parsed.MicrosoftAppTenantId) {
    problem(
      'MicrosoftAppTenantId',
      `is required when MicrosoftAppType is ${appType}: set the Entra tenant id of the bot's identity`,
    );
  }
  const [thumbprint, privateKey] = CERTIFICATE_VARIABLES.map((name) => env[name]?.trim());
  const password = parsed.MicrosoftAppPassword;
  if (appType === 'UserAssignedMSI') {
    if (password || thumbprint || privateKey) {
      problem(
        password ? 'MicrosoftAppPassword' : 'CertificateThumbprint',
        'must be empty when MicrosoftAppType is UserAssignedMSI: a managed identity has no secret; remove it, or choose SingleTenant',
      );
    }
    return problems;
  }
  if (Boolean(thumbprint) !== Boolean(privateKey)) {
    problem(
      thumbprint ? 'CertificatePrivateKey' : 'CertificateThumbprint',
      'a certificate needs both CertificateThumbprint and CertificatePrivateKey; set the missing one, or unset both and use MicrosoftAppPassword',
    );
  } else if (!password && !thumbprint) {
    problem(
      'MicrosoftAppPassword',
      `is required when MicrosoftAppType is ${appType}: set the app registration's client secret, or a certificate (CertificateThumbprint and CertificatePrivateKey)`,
    );
  }
  return problems;
}

/** The bot's configuration, read from the environment once at start. */
export interface Config {
  port: number;
  /** Bot identity; undefined in local anonymous mode (no token checks, loopback only). */
  bot?: {
    appId: string;
    appPassword?: string;
    appType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  /** Where Cosmos DB is; undefined means the embedded in-memory server. */
  cosmos?: { endpoint: string; key?: string };
  cosmosDatabase: string;
  reportChannelId?: string;
  /** Entra tenants allowed to use the bot; empty means all. */
  allowedTenantIds: string[];
  logLevel: string;
  /** Reminders of untouched drafts (REMINDER_*). */
  reminders: {
    afterDays: number;
    window: WorkingWindow;
    skipHolidays: boolean;
    /** Minutes between sweeps; 0 switches the sweep off. */
    sweepMinutes: number;
  };
  /** Host name suffixes a Word file may be uploaded to (UPLOAD_HOST_SUFFIXES), e.g. `.sharepoint.com`. */
  uploadHostSuffixes: string[];
  /** The register tab's single sign-on (REGISTER_*); see src/register/registerAuth.ts. */
  register: {
    /** The app registration the Teams SSO token is for; unset: the register is closed, or anonymous locally. */
    clientId?: string;
    /** Where Entra ID's signing keys are found (OpenID metadata → jwks_uri). */
    openIdMetadataUrl: string;
  };
  /** botbuilder's own settings (auth endpoints for sovereign clouds), passed through as named. */
  botFrameworkAuthentication: Record<string, string | undefined>;
}

/** Thrown with every invalid variable named, so the operator can fix them all at once. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** botbuilder's names for its authentication settings, read as is (sovereign clouds need them). */
const botFrameworkSettingNames = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'ChannelService',
  'OAuthUrl',
  'OAuthApiEndpoint',
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
  'ValidateAuthority',
  ...CERTIFICATE_VARIABLES,
] as const;

/** The bot's own environment variables (DESIGN.md §5), as a deployment sets them. */
export const environmentVariableNames: readonly string[] = Object.keys(environmentVariables.shape);

/** Every environment variable the bot reads: its own, and botbuilder's authentication settings. */
export const configVariableNames: readonly string[] = [
  ...new Set([...environmentVariableNames, ...botFrameworkSettingNames]),
];

/** Reads and checks the environment; throws ConfigError naming each bad variable. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`,
      ),
    );
  }
  const identityProblems = botIdentityProblems(result.data, env);
  if (identityProblems.length > 0) throw new ConfigError(identityProblems);
  const parsed = result.data;
  const botFrameworkAuthentication: Record<string, string | undefined> = {};
  for (const name of botFrameworkSettingNames) {
    const value = env[name]?.trim();
    if (value) botFrameworkAuthentication[name] = value;
  }
  return {
    port: parsed.PORT,
    ...(parsed.MicrosoftAppId
      ? {
          bot: {
            appId: parsed.MicrosoftAppId,
            ...(parsed.MicrosoftAppPassword ? { appPassword: parsed.MicrosoftAppPassword } : {}),
            ...(parsed.MicrosoftAppType ? { appType: parsed.MicrosoftAppType } : {}),
            ...(parsed.MicrosoftAppTenantId ? { tenantId: parsed.MicrosoftAppTenantId } : {}),
          },
        }
      : {}),
    ...(parsed.COSMOS_ENDPOINT
      ? {
          cosmos: {
            endpoint: parsed.COSMOS_ENDPOINT,
            ...(parsed.COSMOS_KEY ? { key: parsed.COSMOS_KEY } : {}),
          },
        }
      : {}),
    cosmosDatabase: parsed.COSMOS_DATABASE,
    ...(parsed.REPORT_CHANNEL_ID ? { reportChannelId: parsed.REPORT_CHANNEL_ID } : {}),
    allowedTenantIds: parsed.ALLOWED_TENANT_IDS,
    logLevel: parsed.LOG_LEVEL,
    reminders: {
      afterDays: parsed.REMINDER_AFTER_DAYS,
      window: parsed.REMINDER_WINDOW,
      skipHolidays: parsed.REMINDER_SKIP_HOLIDAYS,
      sweepMinutes: parsed.REMINDER_SWEEP_MINUTES,
    },
    uploadHostSuffixes: parsed.UPLOAD_HOST_SUFFIXES,
    register: {
      ...(parsed.REGISTER_CLIENT_ID ? { clientId: parsed.REGISTER_CLIENT_ID } : {}),
      openIdMetadataUrl: parsed.REGISTER_OPENID_METADATA_URL,
    },
    botFrameworkAuthentication,
  };
}
