import { tripDate } from '../publication/tripDate';
import { isHospitality, type Report } from '../report/report';
import type { RegisterFacets, RegisterFilter } from './reportStore';

/**
 * What the register queries a posted report by, kept beside it in its document: the answers
 * themselves cannot be sorted, searched or summed in one indexed query (a trip given as a duration
 * has no departure, an unknown amount is null, and SUM over a null gives nothing).
 */
export interface RegisterIndex {
  /** The trip's date (ISO day, see tripDate): the register lists the newest trip first. */
  date: string;
  year: number;
  /** The tenant, lower-cased as Entra ID's tokens carry it; '' when Teams gave none. */
  tenant: string;
  /** Title, destination, traveller and purpose as searchText makes them, one space apart. */
  search: string;
  teamId: string;
  teamName: string;
  /** A third party paid all or part of the trip (gastvrijheid). */
  thirdParty: boolean;
  /** The amounts that are known, added up, in euro cents. */
  knownCents: number;
  /** 1 while an amount is unknown or the costs are not given: a number, so that SUM counts them. */
  costsOpen: 0 | 1;
}

/** The answers besides the traveller's name that the register's search looks in. */
const SEARCHED_KEYS = ['title', 'destination', 'purpose'];

/** The index of a posted report; undefined for a draft, which the register never shows. */
export function registerIndexOf(report: Report): RegisterIndex | undefined {
  if (report.status !== 'posted') return undefined;
  const texts = [report.travellerName];
  for (const key of SEARCHED_KEYS) {
    const answer = report.answers[key];
    if (answer && 'text' in answer && answer.text) texts.push(answer.text);
  }
  let knownCents = 0;
  let costsOpen: 0 | 1 = 1;
  let thirdParty = false;
  for (const answer of Object.values(report.answers)) {
    if (answer.type === 'amounts') {
      const amounts = Object.values(answer.amounts);
      costsOpen = amounts.every((amount) => typeof amount === 'number') ? 0 : 1;
      for (const amount of amounts) knownCents += amount ?? 0;
    }
    if (isHospitality(answer)) thirdParty = true;
  }
  const date = tripDate(report);
  return {
    date,
    year: Number(date.slice(0, 4)),
    tenant: (report.tenantId ?? '').toLowerCase(),
    search: searchText(texts.join(' ')),
    teamId: report.post?.teamId ?? '',
    teamName: report.post?.teamName ?? '',
    thirdParty,
    knownCents,
    costsOpen,
  };
}

/**
 * Text as the search compares it: lower case, without accents (`Zürich` is found by `zurich`),
 * every run of white space one space.
 */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search, as searchText makes them; a report matches when it holds them all. */
export function searchWords(search: string | undefined): string[] {
  return searchText(search ?? '')
    .split(' ')
    .filter((word) => word !== '')
    .slice(0, MAX_SEARCH_WORDS);
}

/** More words than this narrow nothing a person wants, and each one is a CONTAINS to evaluate. */
const MAX_SEARCH_WORDS = 6;

/** True when a report's index is selected by the filter (the in-memory twin of the query). */
export function matchesRegister(index: RegisterIndex, filter: RegisterFilter): boolean {
  return (
    (filter.tenantId === undefined || index.tenant === filter.tenantId.toLowerCase()) &&
    (filter.year === undefined || index.year === filter.year) &&
    (filter.teamId === undefined || index.teamId === filter.teamId) &&
    (filter.thirdParty === undefined || index.thirdParty === filter.thirdParty) &&
    searchWords(filter.search).every((word) => index.search.includes(word))
  );
}

/** The facets of some indexes: years newest first, teams by name as a Dutch reader sorts. */
export function facetsOf(
  indexes: Iterable<Pick<RegisterIndex, 'year' | 'teamId' | 'teamName'>>,
): RegisterFacets {
  const years = new Set<number>();
  const teams = new Map<string, string>();
  for (const index of indexes) {
    if (Number.isFinite(index.year) && index.year > 0) years.add(index.year);
    if (index.teamId)
      teams.set(index.teamId, index.teamName || teams.get(index.teamId) || index.teamId);
  }
  return {
    years: [...years].sort((a, b) => b - a),
    teams: [...teams]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' })),
  };
}
