import type { TurnContext } from 'botbuilder';
import type { ColleagueNames } from '../channel/colleagueNames';
import type { ParseResult } from '../report/answerInput';
import type { Colleague, Report } from '../report/report';
import { textsFor } from '../texts';
import { localeOf } from './conversation';

/**
 * Colleagues with their names, for the answer to the colleagues question `questionKey` of
 * `report` (the question card's and the form card's alike): those picked in Teams named through
 * the teams' rosters (`colleagueNames`), typed ones matched to colleagues picked before (an edit
 * typed on a phone keeps their mention). Picked colleagues that no team knows are refused, for
 * the traveller to type their names.
 */
export async function nameColleagues(
  context: TurnContext,
  colleagueNames: Pick<ColleagueNames, 'resolve'> | undefined,
  report: Report,
  questionKey: string,
  colleagues: readonly Colleague[],
): Promise<ParseResult> {
  const stored = report.answers[questionKey];
  // Teams' ids are GUIDs, kept in lower case: the same colleague is one id however it is sent.
  const known = new Map<string, Colleague>();
  for (const colleague of stored?.type === 'colleagues' ? stored.colleagues : []) {
    if (colleague.aadObjectId) known.set(colleague.aadObjectId.toLowerCase(), colleague);
  }
  const unnamed = colleagues
    .map((colleague) => colleague.aadObjectId?.toLowerCase())
    .filter((id): id is string => id !== undefined && !known.has(id));
  const { names, unresolved } =
    unnamed.length > 0 && colleagueNames
      ? await colleagueNames.resolve(context, unnamed, report.post?.teamId)
      : { names: new Map<string, string>(), unresolved: unnamed };
  if (unresolved.length > 0) {
    return { ok: false, error: textsFor(localeOf(context)).colleaguesNotFound(unresolved.length) };
  }
  const byName = new Map(
    [...known.values()].map((colleague) => [colleague.name.toLowerCase(), colleague]),
  );
  const named = colleagues.map((colleague): Colleague => {
    const id = colleague.aadObjectId?.toLowerCase();
    if (!id) return byName.get(colleague.name.toLowerCase()) ?? colleague;
    return { name: names.get(id) ?? known.get(id)?.name ?? colleague.name, aadObjectId: id };
  });
  // A colleague both picked and typed is named once.
  const seen = new Set<string>();
  const once = named.filter((colleague) => {
    const key = colleague.aadObjectId ?? colleague.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ok: true, answer: { type: 'colleagues', colleagues: once } };
}
