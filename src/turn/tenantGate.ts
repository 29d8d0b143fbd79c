import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { localeOf, travellerOf } from '../dialogs/conversation';
import { textsFor } from '../texts';

/**
 * Refuses an activity from an Entra tenant that is not allowed (ALLOWED_TENANT_IDS; empty
 * allows all), before anything is read or stored: a message gets one sentence, an invoke a 403.
 * True when the activity was refused.
 */
export async function refusedTenant(
  context: TurnContext,
  allowedTenantIds: readonly string[],
  log: Logger,
): Promise<boolean> {
  const tenantId = travellerOf(context).tenantId;
  const tenant = typeof tenantId === 'string' ? tenantId.toLowerCase() : '';
  if (allowedTenantIds.length === 0 || allowedTenantIds.includes(tenant)) return false;
  log.warn(
    { tenantId: tenant, type: context.activity.type },
    'activity from a tenant that is not allowed',
  );
  if (context.activity.type === 'message') {
    await context.sendActivity(textsFor(localeOf(context)).tenantRefused);
  } else if (context.activity.type === 'invoke') {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
  }
  return true;
}
