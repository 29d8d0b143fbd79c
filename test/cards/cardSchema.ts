import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import draft6MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';

/** The shared Adaptive Card 1.5 schema, found beside the project (`../shared/schemas/`). */
export function findCardSchema(): string | undefined {
  for (let folder = resolve(__dirname, '..', '..'); ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'schemas', 'adaptive-card-1.5.schema.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * A validator of cards against the Adaptive Card 1.5 schema, taught Teams' `msteams` host property
 * on the card: the schema forbids properties it does not list (`additionalProperties: false`),
 * but Teams reads `msteams` there: `{ "width": "Full" }` for a full-width card, and `entities`
 * with a `mention` of a user (`<at>Name</at>` and the user's id and name) for an @mention in a
 * TextBlock (Microsoft Learn, "Format cards in Teams": "Full width Adaptive Card" and "Mention
 * support within Adaptive Cards"). Only that property, with what Teams documents, is added, and
 * the people picker's `choices.data` on Input.ChoiceSet.
 */
export function cardValidator(schemaPath: string): { validate: ValidateFunction; ajv: Ajv } {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(draft6MetaSchema);
  // The published schema names itself with draft-04's `id`; ajv reads `$id`.
  const { id, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const card = schema.definitions.AdaptiveCard;
  card.properties = {
    ...card.properties,
    msteams: {
      type: 'object',
      properties: {
        width: { enum: ['Full'] },
        entities: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type', 'text', 'mentioned'],
            properties: {
              type: { enum: ['mention'] },
              text: { type: 'string', pattern: '^<at>[^<>]+</at>$' },
              mentioned: {
                type: 'object',
                required: ['id', 'name'],
                properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string' } },
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
  };
  // Teams' people picker: an Input.ChoiceSet whose choices Teams fetches from Microsoft Graph
  // (Microsoft Learn, "People Picker in Adaptive Cards": `choices.data` of type `Data.Query`).
  const choiceSet = schema.definitions['Input.ChoiceSet'];
  choiceSet.properties = {
    ...choiceSet.properties,
    'choices.data': {
      type: 'object',
      required: ['type', 'dataset'],
      properties: {
        type: { enum: ['Data.Query'] },
        dataset: {
          enum: ['graph.microsoft.com/users', 'graph.microsoft.com/users?scope=currentContext'],
        },
      },
      additionalProperties: false,
    },
  };
  return { validate: ajv.compile({ ...schema, $id: id }), ajv };
}
