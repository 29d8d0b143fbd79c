import { z } from 'zod';
import type { RegisterFilter } from '../store/reportStore';

/** The register's query string: what the page's search and filters send. */
const queryShape = z.object({
  q: z.string().max(200).optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
  team: z.string().min(1).max(200).optional(),
  thirdParty: z.enum(['true', 'false']).optional(),
  continuation: z.string().min(1).max(8000).optional(),
  redact: z.enum(['people']).optional(),
});

/** A register request's filter, continuation and redaction, read from its URL. */
export interface RegisterRequest {
  filter: RegisterFilter;
  continuation?: string;
  redactPeople: boolean;
}

/** Thrown for a query string the page would never send; the API answers 400. */
export class RegisterQueryError extends Error {}

/**
 * The request's filter from `?q=&year=&team=&thirdParty=&continuation=&redact=people`, within the
 * viewer's tenant (none in local mode). Empty parameters count as absent.
 */
export function readRegisterRequest(url: string, tenantId: string | undefined): RegisterRequest {
  const params = new URL(url, 'http://register.invalid').searchParams;
  const given = Object.fromEntries([...params].filter(([, value]) => value.trim() !== ''));
  const parsed = queryShape.safeParse(given);
  if (!parsed.success) {
    throw new RegisterQueryError(
      `The register does not understand the query: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  const { q, year, team, thirdParty, continuation, redact } = parsed.data;
  return {
    filter: {
      ...(tenantId ? { tenantId } : {}),
      ...(q ? { search: q } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(team ? { teamId: team } : {}),
      ...(thirdParty ? { thirdParty: thirdParty === 'true' } : {}),
    },
    ...(continuation ? { continuation } : {}),
    redactPeople: redact === 'people',
  };
}
