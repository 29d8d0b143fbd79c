import type { TurnContext } from 'botbuilder';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../report/zonedTime';

/** The traveller's IANA time zone from Teams' `clientInfo` entity; the municipality's when unknown. */
export function clientTimeZoneOf(context: TurnContext): string {
  const entity = context.activity.entities?.find((candidate) => candidate.type === 'clientInfo');
  const timeZone: unknown = entity?.timezone;
  return typeof timeZone === 'string' && timeZone.length <= 100 && isTimeZone(timeZone)
    ? timeZone
    : DEFAULT_TIME_ZONE;
}
