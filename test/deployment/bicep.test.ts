import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BOT_ID_OUTPUT } from '../../deployment/teamsAppPackage';
import { configVariableNames, environmentVariableNames, readConfig } from '../../src/config';
import { CONTAINER_NAMES, CONTAINERS, type ContainerSpec } from '../../src/store/containers';
import {
  asObject,
  Expression,
  ForExpression,
  parseBicepWithModules,
  type BicepObject,
  type BicepValue,
  type Declaration,
} from './bicep';

const root = join(__dirname, '..', '..');
const deployment = join(root, 'deployment');
const mainFile = join(deployment, 'main.bicep');
const files = parseBicepWithModules(mainFile);
const declarations = files.flatMap((file) => file.declarations);
const parametersFile = join(deployment, 'main.parameters.json');

/**
 * App settings besides the bot's own variables: settings of the platform, read by App Service,
 * @azure/identity or Application Insights' agent, never by src/. deployment/README.md explains each.
 */
const PLATFORM_SETTINGS = [
  'WEBSITES_PORT',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'AZURE_CLIENT_ID',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
];

/** Cosmos DB's built-in Data Contributor role definition (a fixed, public id). */
const COSMOS_DATA_CONTRIBUTOR = '00000000-0000-0000-0000-000000000002';

function inFile(name: string): Declaration[] {
  return files.find((file) => basename(file.file) === name)?.declarations ?? [];
}

function find(kind: Declaration['kind'], name: string, file: string): Declaration {
  const found = inFile(file).find((d) => d.kind === kind && d.name === name);
  assert.ok(found, `${file} declares ${kind} ${name}`);
  return found;
}

/** The resources (not `existing`) of a type, across main.bicep and its modules. */
function resourcesOf(type: string): Declaration[] {
  return declarations.filter(
    (d) => d.kind === 'resource' && !d.existing && d.type.split('@')[0] === type,
  );
}

function theResource(type: string): Declaration {
  const found = resourcesOf(type);
  assert.equal(found.length, 1, `exactly one ${type}`);
  return found[0] as Declaration;
}

/** A resource's body; for a resource loop, the body of one item. */
function body(declaration: Declaration): BicepObject {
  const value =
    declaration.value instanceof ForExpression ? declaration.value.body : declaration.value;
  return asObject(value, `${declaration.kind} ${declaration.name}`);
}

/** The value at a dotted path of nested object literals. */
function at(value: BicepValue | undefined, path: string): BicepValue | undefined {
  let current = value;
  for (const key of path.split('.')) {
    current = asObject(current, `the parent of ${key} in ${path}`)[key];
  }
  return current;
}

function expression(value: BicepValue | undefined): string {
  assert.ok(value instanceof Expression, `an expression, not ${JSON.stringify(value)}`);
  return value.text;
}

/** The parameters main.bicep passes to a module. */
function moduleParams(file: string): BicepObject {
  const module = declarations.find(
    (d) => d.kind === 'module' && basename(d.type) === file && d.file === mainFile,
  );
  assert.ok(module, `main.bicep uses ${file}`);
  return asObject(body(module).params, `the params of ${file}`);
}

/** Every string literal of a value, also those inside expressions. */
function stringLiterals(value: BicepValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Expression) {
    return [...value.text.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1] as string);
  }
  if (value instanceof ForExpression) return stringLiterals(value.body);
  if (Array.isArray(value)) return value.flatMap(stringLiterals);
  if (value !== null && typeof value === 'object') {
    return Object.values(value).flatMap(stringLiterals);
  }
  return [];
}

describe('deployment: the Azure resources (Bicep)', () => {
  it('declares every resource the bot needs, in main.bicep and its modules', () => {
    const types = new Set(
      declarations
        .filter((d) => d.kind === 'resource' && !d.existing)
        .map((d) => d.type.split('@')[0]),
    );
    for (const type of [
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.Web/sites/config',
      'Microsoft.DocumentDB/databaseAccounts',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
      'Microsoft.OperationalInsights/workspaces',
      'Microsoft.Insights/components',
      'Microsoft.Insights/diagnosticSettings',
    ]) {
      assert.ok(types.has(type), `declares ${type}`);
    }
    for (const declaration of declarations.filter((d) => d.kind === 'resource')) {
      assert.match(declaration.type, /^[\w.]+\/[\w/]+@\d{4}-\d{2}-\d{2}(-preview)?$/);
    }
    assert.deepEqual(files.map((file) => basename(file.file)).sort(), [
      'bot.bicep',
      'cosmos.bicep',
      'main.bicep',
      'monitoring.bicep',
      'webApp.bicep',
    ]);
  });

  it('passes each module exactly the parameters it declares, the required ones included', () => {
    for (const module of declarations.filter((d) => d.kind === 'module')) {
      const file = join(dirname(module.file), module.type);
      assert.ok(existsSync(file), `${module.type} exists`);
      const params = inFile(basename(file)).filter((d) => d.kind === 'param');
      const given = Object.keys(asObject(body(module).params, `params of ${module.name}`));
      for (const name of given) {
        assert.ok(
          params.some((p) => p.name === name),
          `${module.type} declares param ${name}`,
        );
      }
      for (const param of params.filter((p) => p.value === undefined)) {
        assert.ok(given.includes(param.name), `main.bicep gives ${module.type} its ${param.name}`);
      }
    }
  });

  it('gives the bot one user-assigned managed identity, for Teams and for Cosmos DB', () => {
    const identity = theResource('Microsoft.ManagedIdentity/userAssignedIdentities');
    assert.equal(identity.file, mainFile);
    const symbol = identity.name;
    assert.equal(expression(moduleParams('bot.bicep').identityId), `${symbol}.id`);
    assert.equal(
      expression(moduleParams('bot.bicep').identityClientId),
      `${symbol}.properties.clientId`,
    );
    assert.equal(expression(moduleParams('webApp.bicep').identityId), `${symbol}.id`);
    assert.equal(
      expression(moduleParams('webApp.bicep').identityClientId),
      `${symbol}.properties.clientId`,
    );
    assert.equal(
      expression(moduleParams('cosmos.bicep').dataContributorPrincipalId),
      `${symbol}.properties.principalId`,
    );
    const site = body(theResource('Microsoft.Web/sites'));
    assert.equal(at(site, 'identity.type'), 'UserAssigned');
    assert.deepEqual(Object.keys(asObject(at(site, 'identity.userAssignedIdentities'), 'ids')), [
      '${identityId}',
    ]);
  });

  it('registers an Azure Bot (azurebot, global) as UserAssignedMSI with the Teams channel', () => {
    const bot = theResource('Microsoft.BotService/botServices');
    const properties = body(bot).properties;
    assert.equal(body(bot).kind, 'azurebot');
    assert.equal(body(bot).location, 'global');
    assert.equal(at(properties, 'msaAppType'), 'UserAssignedMSI');
    assert.equal(expression(at(properties, 'msaAppId')), 'identityClientId');
    assert.equal(expression(at(properties, 'msaAppMSIResourceId')), 'identityId');
    assert.equal(expression(at(properties, 'msaAppTenantId')), 'tenant().tenantId');
    assert.equal(expression(at(properties, 'endpoint')), 'messagingEndpoint');
    assert.equal(
      moduleParams('bot.bicep').messagingEndpoint,
      'https://${webApp.outputs.defaultHostName}/api/messages',
    );

    const channel = body(theResource('Microsoft.BotService/botServices/channels'));
    assert.equal(expression(channel.parent), bot.name);
    assert.equal(channel.name, 'MsTeamsChannel');
    assert.equal(channel.location, 'global');
    assert.equal(at(channel, 'properties.channelName'), 'MsTeamsChannel');
    assert.equal(at(channel, 'properties.properties.isEnabled'), true);
  });

  it('runs the bot on a Linux web app: Node 22 LTS, HTTPS only, always on, health check /healthz', () => {
    const plan = body(theResource('Microsoft.Web/serverfarms'));
    assert.equal(plan.kind, 'linux');
    assert.equal(at(plan, 'properties.reserved'), true);
    assert.equal(expression(at(plan, 'sku.capacity')), 'instanceCount');

    const site = body(theResource('Microsoft.Web/sites'));
    assert.equal(site.kind, 'app,linux');
    assert.equal(at(site, 'properties.httpsOnly'), true);
    assert.equal(at(site, 'properties.clientAffinityEnabled'), false);
    const siteConfig = asObject(at(site, 'properties.siteConfig'), 'siteConfig');
    assert.equal(siteConfig.linuxFxVersion, 'NODE|22-lts');
    assert.equal(siteConfig.alwaysOn, true);
    assert.equal(siteConfig.healthCheckPath, '/healthz');
    assert.equal(siteConfig.ftpsState, 'Disabled');
    assert.equal(siteConfig.minTlsVersion, '1.2');
    // Started as `npm start` starts the bot, without npm in between.
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(siteConfig.appCommandLine, packageJson.scripts.start);

    const basicAuth = resourcesOf('Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    assert.deepEqual(basicAuth.map((d) => body(d).name).sort(), ['ftp', 'scm']);
    for (const policy of basicAuth) assert.equal(at(body(policy), 'properties.allow'), false);
  });

  it("sets exactly the bot's variables from config.ts and the documented platform allowlist", () => {
    const botSettings = asObject(find('var', 'botSettings', 'webApp.bicep').value, 'botSettings');
    assert.deepEqual(Object.keys(botSettings).sort(), [...environmentVariableNames].sort());

    const platform = asObject(find('var', 'platformSettings', 'webApp.bicep').value, 'platform');
    assert.deepEqual(Object.keys(platform).sort(), [...PLATFORM_SETTINGS].sort());
    for (const name of PLATFORM_SETTINGS) {
      assert.ok(!configVariableNames.includes(name), `${name} is not one of the bot's variables`);
    }
    const readme = readFileSync(join(deployment, 'README.md'), 'utf8');
    for (const name of PLATFORM_SETTINGS) {
      assert.ok(readme.includes(`\`${name}\``), `deployment/README.md explains ${name}`);
    }

    // One place sets app settings, and it sets all of them (the config resource replaces the list).
    const configs = resourcesOf('Microsoft.Web/sites/config');
    assert.deepEqual(
      configs.map((d) => body(d).name),
      ['appsettings'],
    );
    assert.equal(
      expression(body(configs[0] as Declaration).properties),
      'union(botSettings, platformSettings)',
    );
    const siteConfig = asObject(
      at(body(theResource('Microsoft.Web/sites')), 'properties.siteConfig'),
      'siteConfig',
    );
    assert.equal(siteConfig.appSettings, undefined);
    assert.equal(siteConfig.connectionStrings, undefined);
  });

  it('configures the bot for its managed identity, without password or key, as config.ts reads it', () => {
    const settings = {
      ...asObject(find('var', 'botSettings', 'webApp.bicep').value, 'botSettings'),
      ...asObject(find('var', 'platformSettings', 'webApp.bicep').value, 'platform'),
    };
    assert.equal(settings.MicrosoftAppType, 'UserAssignedMSI');
    assert.equal(settings.MicrosoftAppPassword, '');
    assert.equal(settings.COSMOS_KEY, '');
    assert.equal(settings.NODE_ENV, 'production');
    assert.equal(expression(settings.MicrosoftAppId), 'identityClientId');
    assert.equal(expression(settings.AZURE_CLIENT_ID), 'identityClientId');
    assert.equal(expression(settings.COSMOS_ENDPOINT), 'cosmosEndpoint');
    assert.equal(
      expression(moduleParams('webApp.bicep').cosmosEndpoint),
      'cosmos.outputs.endpoint',
    );
    // The bot listens where App Service forwards to.
    assert.equal(expression(settings.PORT), 'port');
    assert.equal(expression(settings.WEBSITES_PORT), 'port');
    assert.equal(find('var', 'port', 'webApp.bicep').value, '8080');

    // What the bot reads in Azure, with deployment-time values in place of the expressions.
    const deploymentValues: Record<string, string> = {
      port: '8080',
      identityClientId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      'tenant().tenantId': '72f988bf-86f1-41af-91ab-2d7cd011db47',
      cosmosEndpoint: 'https://cosmos-reisverslag-abc.documents.azure.com:443/',
      cosmosDatabaseName: 'reisverslag',
      reportChannelId: '',
      registerClientId: '6a3a1c7e-2f4b-4d6e-9a8b-1c2d3e4f5a6b',
      allowedTenantIds: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      logLevel: 'info',
    };
    const env: NodeJS.ProcessEnv = {};
    for (const name of environmentVariableNames) {
      const value = settings[name];
      if (typeof value === 'string') env[name] = value;
      else env[name] = deploymentValues[expression(value)];
      assert.notEqual(env[name], undefined, `a deployment value for ${name}`);
    }
    const config = readConfig(env);
    assert.equal(config.port, 8080);
    assert.equal(config.bot?.appType, 'UserAssignedMSI');
    assert.equal(config.bot?.appPassword, undefined);
    assert.equal(config.bot?.tenantId, deploymentValues['tenant().tenantId']);
    assert.deepEqual(config.cosmos, { endpoint: deploymentValues.cosmosEndpoint });
    assert.equal(config.botFrameworkAuthentication.MicrosoftAppPassword, undefined);
    assert.deepEqual(config.allowedTenantIds, [deploymentValues.allowedTenantIds]);
    // Word files go only to SharePoint Online (OneDrive for Business), never over plain http.
    assert.deepEqual(config.uploadHostSuffixes, ['.sharepoint.com']);
    // The register takes Teams SSO tokens for its app registration, with Entra ID's keys.
    assert.deepEqual(config.register, {
      clientId: deploymentValues.registerClientId,
      openIdMetadataUrl: readConfig({}).register.openIdMetadataUrl,
    });
    assert.equal(expression(moduleParams('webApp.bicep').registerClientId), 'registerClientId');
  });

  it('creates a serverless Cosmos DB without key auth, with the containers and partition keys of the code', () => {
    const account = body(theResource('Microsoft.DocumentDB/databaseAccounts'));
    assert.equal(at(account, 'properties.disableLocalAuth'), true);
    assert.equal(at(account, 'properties.disableKeyBasedMetadataWriteAccess'), true);
    assert.equal(at(account, 'properties.minimalTlsVersion'), 'Tls12');
    const capabilities = expression(at(account, 'properties.capabilities'));
    assert.match(
      capabilities,
      /^serverless \? \[\s*\{\s*name: 'EnableServerless'\s*\}\s*\] : \[\]$/,
    );
    assert.equal(expression(moduleParams('cosmos.bicep').serverless), 'cosmosServerless');
    assert.equal(find('param', 'cosmosServerless', 'main.bicep').value, true);

    const containers = find('var', 'containers', 'cosmos.bicep').value;
    assert.deepEqual(
      containers,
      CONTAINER_NAMES.map((name) => {
        const spec: ContainerSpec = CONTAINERS[name];
        return {
          name: spec.id,
          partitionKeyPath: spec.partitionKeyPath,
          ...(spec.defaultTtlSeconds ? { defaultTtl: spec.defaultTtlSeconds } : {}),
          ...(spec.compositeIndexes ? { compositeIndexes: spec.compositeIndexes } : {}),
        };
      }),
    );
    const containerResource = theResource(
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
    );
    assert.ok(containerResource.value instanceof ForExpression);
    assert.equal(containerResource.value.header, 'container in containers');
    const container = body(containerResource);
    assert.equal(expression(container.name), 'container.name');
    assert.equal(expression(at(container, 'properties.resource.id')), 'container.name');
    const paths = at(container, 'properties.resource.partitionKey.paths');
    assert.deepEqual(paths, [new Expression('container.partitionKeyPath')]);
    assert.deepEqual(
      at(container, 'properties.resource.defaultTtl'),
      new Expression('container.?defaultTtl'),
    );
    // The default policy (every path indexed) plus each container's composite indexes.
    assert.deepEqual(at(container, 'properties.resource.indexingPolicy.includedPaths'), [
      { path: '/*' },
    ]);
    assert.deepEqual(
      at(container, 'properties.resource.indexingPolicy.compositeIndexes'),
      new Expression('container.?compositeIndexes ?? []'),
    );
    // Serverless containers have no throughput to set.
    assert.equal(at(container, 'properties.options'), undefined);

    const database = body(theResource('Microsoft.DocumentDB/databaseAccounts/sqlDatabases'));
    assert.equal(expression(at(database, 'properties.resource.id')), 'databaseName');
    const defaultDatabase = readConfig({}).cosmosDatabase;
    assert.equal(find('param', 'cosmosDatabaseName', 'main.bicep').value, defaultDatabase);
    const parameters = JSON.parse(readFileSync(parametersFile, 'utf8')).parameters;
    assert.equal(parameters.cosmosDatabaseName.value, defaultDatabase);
  });

  it("grants the identity Cosmos DB Built-in Data Contributor on the bot's database, not the account", () => {
    const assignment = body(
      theResource('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments'),
    );
    assert.equal(
      expression(at(assignment, 'properties.principalId')),
      'dataContributorPrincipalId',
    );
    assert.equal(
      at(assignment, 'properties.roleDefinitionId'),
      '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}',
    );
    assert.equal(
      find('var', 'dataContributorRoleId', 'cosmos.bicep').value,
      COSMOS_DATA_CONTRIBUTOR,
    );
    // Cosmos DB's data-plane scope of one database: `<account id>/dbs/<database name>`.
    const scope = expression(at(assignment, 'properties.scope'));
    assert.notEqual(scope, 'account.id', 'not the whole account');
    assert.equal(scope, 'dataContributorScope');
    assert.equal(
      find('var', 'dataContributorScope', 'cosmos.bicep').value,
      '${account.id}/dbs/${databaseName}',
    );
    const database = theResource('Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    assert.equal(expression(at(body(database), 'properties.resource.id')), 'databaseName');
    assert.equal(expression(moduleParams('cosmos.bicep').databaseName), 'cosmosDatabaseName');
    // The database exists before the role is granted on it.
    assert.deepEqual(assignment.dependsOn, [new Expression(database.name)]);
    // No other data-plane role assignment, e.g. a leftover on the account.
    assert.equal(resourcesOf('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments').length, 1);
  });

  it('sends telemetry to Application Insights and logs to Log Analytics', () => {
    const workspace = theResource('Microsoft.OperationalInsights/workspaces');
    const appInsights = body(theResource('Microsoft.Insights/components'));
    assert.equal(
      expression(at(appInsights, 'properties.WorkspaceResourceId')),
      `${workspace.name}.id`,
    );

    const existing = inFile('webApp.bicep').find(
      (d) =>
        d.kind === 'resource' && d.existing && d.type.startsWith('Microsoft.Insights/components@'),
    );
    assert.ok(existing, 'the web app module refers to the Application Insights component');
    const platform = asObject(find('var', 'platformSettings', 'webApp.bicep').value, 'platform');
    assert.equal(
      expression(platform.APPLICATIONINSIGHTS_CONNECTION_STRING),
      `${existing.name}.properties.ConnectionString`,
    );
    assert.equal(platform.ApplicationInsightsAgent_EXTENSION_VERSION, '~3');
    assert.equal(
      expression(moduleParams('webApp.bicep').appInsightsName),
      'monitoring.outputs.appInsightsName',
    );

    const diagnostics = body(theResource('Microsoft.Insights/diagnosticSettings'));
    assert.equal(expression(diagnostics.scope), find('resource', 'site', 'webApp.bicep').name);
    assert.equal(expression(at(diagnostics, 'properties.workspaceId')), 'workspaceId');
    const logs = at(diagnostics, 'properties.logs') as BicepObject[];
    assert.ok(logs.some((log) => log.category === 'AppServiceConsoleLogs' && log.enabled === true));
  });

  it('holds no secret, key or connection string in any template or the parameters file', () => {
    const texts = [...files.map((file) => file.source), readFileSync(parametersFile, 'utf8')];
    const forbidden =
      /\blist(Keys|ConnectionStrings|Secrets|Credentials?)\s*\(|MasterKey|AccountKey=|InstrumentationKey=|SharedAccessKey|ClientSecret|-----BEGIN/i;
    for (const text of texts) assert.doesNotMatch(text, forbidden);

    for (const declaration of declarations) {
      assert.ok(
        !declaration.decorators.some((decorator) => decorator.startsWith('@secure')),
        `${declaration.name} takes no secret`,
      );
      for (const literal of stringLiterals(declaration.value)) {
        const guids = literal.match(/[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}/gi) ?? [];
        for (const guid of guids) {
          assert.equal(guid, COSMOS_DATA_CONTRIBUTOR, `${declaration.name}: no id or key literal`);
        }
        assert.doesNotMatch(literal, /[a-z0-9+/]{30,}={0,2}/i, `${declaration.name}: no key`);
      }
      if (declaration.kind === 'output') {
        assert.doesNotMatch(declaration.name, /key|secret|password|connection/i);
      }
    }
    const parameters = JSON.parse(readFileSync(parametersFile, 'utf8')).parameters;
    for (const [name, parameter] of Object.entries(parameters)) {
      assert.doesNotMatch(JSON.stringify(parameter), /[a-z0-9+/]{30,}/i, `${name}: no key`);
      assert.ok(!('reference' in (parameter as object)), `${name}: no Key Vault reference needed`);
    }
  });

  it('has a parameters file with only declared parameters and allowed values', () => {
    const json = JSON.parse(readFileSync(parametersFile, 'utf8'));
    assert.match(json.$schema, /deploymentParameters\.json#$/);
    const params = inFile('main.bicep').filter((d) => d.kind === 'param');
    for (const [name, parameter] of Object.entries(json.parameters) as [
      string,
      { value: unknown },
    ][]) {
      const param = params.find((p) => p.name === name);
      assert.ok(param, `main.bicep declares ${name}`);
      const typeOf = { string: 'string', int: 'number', bool: 'boolean', object: 'object' }[
        param.type
      ];
      assert.equal(typeof parameter.value, typeOf, `${name} is a ${param.type}`);
      const allowed = param.decorators.find((decorator) => decorator.startsWith('@allowed'));
      if (allowed)
        assert.ok(allowed.includes(`'${String(parameter.value)}'`), `${name} is allowed`);
    }
    for (const param of params.filter((p) => p.value === undefined)) {
      assert.ok(param.name in json.parameters, `the parameters file sets ${param.name}`);
    }
  });

  it('documents every parameter and output of main.bicep in deployment/README.md', () => {
    const readme = readFileSync(join(deployment, 'README.md'), 'utf8');
    for (const declaration of inFile('main.bicep')) {
      if (declaration.kind === 'param' || declaration.kind === 'output') {
        assert.ok(
          readme.includes(`| \`${declaration.name}\``),
          `a table row for ${declaration.name}`,
        );
      }
    }
  });

  it('outputs what the Teams app package and the administrator need', () => {
    const outputs = inFile('main.bicep').filter((d) => d.kind === 'output');
    const identity = theResource('Microsoft.ManagedIdentity/userAssignedIdentities');
    const botId = outputs.find((output) => output.name === BOT_ID_OUTPUT);
    assert.ok(botId, `main.bicep outputs ${BOT_ID_OUTPUT}, which npm run package reads`);
    assert.equal(expression(botId.value), `${identity.name}.properties.clientId`);
    for (const name of ['webAppName', 'webAppUrl', 'appServicePlanName', 'cosmosAccountName']) {
      assert.ok(
        outputs.some((output) => output.name === name),
        `outputs ${name}`,
      );
    }
  });
});
