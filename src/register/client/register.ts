// The register page in the browser: signs in through Teams (SSO) when it runs in Teams, reads the
// register's API, and builds every element with textContent: no user text becomes HTML.
import '@fluentui/web-components/button.js';
import '@fluentui/web-components/text-input.js';
import { setTheme } from '@fluentui/web-components';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';
import type * as TeamsJs from '@microsoft/teams-js';
import type { RegisterRow } from '../registerRows';

/** teams-js, loaded by its own script tag (/register/teams-js.js) as the global microsoftTeams. */
declare const microsoftTeams: typeof TeamsJs | undefined;

/** A row of /register/api/reports: the server's type, erased from the bundle. */
type Row = RegisterRow;

interface Summary {
  reports: number;
  costsOpen: number;
  knownCosts: string;
  knownCents: number;
}

interface ReportDocument {
  heading: string;
  title: string;
  fields: { label: string; value: string }[];
  sections: { question: string; paragraphs: string[]; items?: string[]; after?: string[] }[];
}

type Theme = 'default' | 'dark' | 'contrast';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** Said when the API refuses: the page only shows the register to someone signed in to Teams. */
const OPEN_IN_TEAMS =
  'Open het register in Microsoft Teams. Buiten Teams kunnen we niet zien wie je bent, ' +
  'en dan tonen we geen verslagen.';

class Unauthorized extends Error {}

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}.`);
  return found as T;
};

function applyTheme(theme: string | undefined): void {
  const chosen: Theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  setTheme(THEMES[chosen]);
  document.documentElement.dataset.theme = chosen;
  document.documentElement.style.colorScheme = chosen === 'default' ? 'light' : 'dark';
}

/** True inside Teams' frame; a page opened on its own is never in Teams. */
const framed = window.self !== window.top;

let teamsReady: Promise<boolean> | undefined;
/** Initialises teams-js once inside Teams, and follows Teams' theme. */
function inTeams(): Promise<boolean> {
  teamsReady ??= (async () => {
    if (!framed || typeof microsoftTeams === 'undefined') return false;
    try {
      await microsoftTeams.app.initialize();
      // Teams hides a tab behind its loading indicator until told (showLoadingIndicator).
      microsoftTeams.app.notifySuccess();
      const context = await microsoftTeams.app.getContext();
      applyTheme(context.app.theme);
      microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
      return true;
    } catch {
      return false;
    }
  })();
  return teamsReady;
}

/** The API's answer as JSON, with the Teams SSO token when in Teams. */
async function api<T>(path: string): Promise<T> {
  const response = await fetchApi(path);
  return (await response.json()) as T;
}

async function fetchApi(path: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (await inTeams()) {
    // Teams hands the tab a token for its app registration (webApplicationInfo); the server checks it.
    headers.Authorization = `Bearer ${await teamsToken()}`;
  }
  const response = await fetch(path, { headers });
  if (response.status === 401) throw new Unauthorized();
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `Het register antwoordde ${response.status}.`);
  }
  return response;
}

/** The Teams SSO token; a refusal (no consent yet, no app registration) said in Dutch. */
async function teamsToken(): Promise<string> {
  try {
    return await microsoftTeams!.authentication.getAuthToken();
  } catch (error) {
    throw new Error(
      'Teams gaf geen aanmelding voor het register ' +
        `(${error instanceof Error ? error.message : String(error)}). ` +
        'Vraag de beheerder van Teams of de app Reisverslag toestemming heeft.',
      { cause: error },
    );
  }
}

/** The query string of the filters as they are set. */
function filterQuery(extra: Record<string, string> = {}): string {
  const form = new FormData(element<HTMLFormElement>('filters'));
  const params = new URLSearchParams();
  params.set('q', element<HTMLInputElement>('search').value ?? '');
  for (const name of ['year', 'team', 'thirdParty']) {
    const value = form.get(name);
    if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

const make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] => {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
};

/** A link that leaves the tab: through Teams when in Teams (a deep link opens in Teams itself). */
function outwardLink(href: string, text: string): HTMLAnchorElement {
  const link = make('a', text);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.addEventListener('click', (event) => {
    void inTeams().then((teams) => {
      if (teams) void microsoftTeams!.app.openLink(href);
    });
    if (framed) event.preventDefault();
  });
  return link;
}

function rowElement(row: Row): HTMLTableRowElement {
  const tr = make('tr');
  const cell = (label: string, content: string | Node, className?: string) => {
    const td = make('td', undefined, className);
    td.dataset.label = label;
    td.append(content);
    tr.append(td);
    return td;
  };
  const title = make('td');
  title.append(row.postUrl ? outwardLink(row.postUrl, row.title) : row.title);
  tr.append(title);
  cell('Reiziger', row.traveller);
  cell('Bestemming', row.destination);
  const date = row.departure ? make('time', row.dates) : document.createTextNode(row.dates);
  if (row.departure) (date as HTMLTimeElement).dateTime = row.departure;
  cell('Datum', date);
  cell('Doel', row.purpose);
  cell('Versie', String(row.version), 'number');
  cell(
    'Kosten',
    row.costs ? row.costs + (row.costsComplete ? '' : ' (nog niet alles bekend)') : '—',
  );
  const paid = cell('Betaald door', row.paidBy ?? '—');
  if (row.thirdParty) paid.append(make('span', 'gastvrijheid', 'third-party'));
  const actions = make('div', undefined, 'actions');
  const open = make('button', 'Lezen');
  open.type = 'button';
  // Which report, for a screen reader's list of buttons; the visible word starts the name.
  open.setAttribute('aria-label', `Lezen: ${row.title}`);
  open.addEventListener('click', () => void openReport(row));
  actions.append(open);
  if (row.editUrl) {
    const edit = outwardLink(row.editUrl, 'Wijzigen');
    edit.setAttribute('aria-label', `Wijzigen: ${row.title}`);
    actions.append(edit);
  }
  const last = make('td');
  last.append(actions);
  tr.append(last);
  return tr;
}

let continuation: string | undefined;
let generation = 0;

/** Reads the first page and the summary for the filters as they are now. */
async function reload(): Promise<void> {
  const mine = ++generation;
  const query = filterQuery();
  const [page, summary] = await Promise.all([
    api<{ rows: Row[]; continuation?: string }>(`/register/api/reports?${query}`),
    api<Summary>(`/register/api/summary?${query}`),
  ]);
  if (mine !== generation) return; // a newer search overtook this one
  element('rows').replaceChildren(...page.rows.map(rowElement));
  continuation = page.continuation;
  element('more').hidden = continuation === undefined;
  element('empty').hidden = page.rows.length > 0;
  element('summary').textContent = summaryText(summary);
  element('results').setAttribute('aria-busy', 'false');
}

function summaryText(summary: Summary): string {
  const count = summary.reports === 1 ? '1 verslag' : `${summary.reports} verslagen`;
  if (summary.reports === 0) return count;
  const open =
    summary.costsOpen === 0
      ? ''
      : ` (${summary.costsOpen === 1 ? '1 verslag' : `${summary.costsOpen} verslagen`} met kosten nog niet (alle) bekend)`;
  return `${count} · kosten ${summary.knownCosts}${open}`;
}

async function loadMore(): Promise<void> {
  if (!continuation) return;
  const query = filterQuery({ continuation });
  const page = await api<{ rows: Row[]; continuation?: string }>(`/register/api/reports?${query}`);
  element('rows').append(...page.rows.map(rowElement));
  continuation = page.continuation;
  element('more').hidden = continuation === undefined;
}

async function loadFilters(): Promise<void> {
  const { years, teams } = await api<{ years: number[]; teams: { id: string; name: string }[] }>(
    '/register/api/filters',
  );
  const year = element<HTMLSelectElement>('year');
  for (const value of years) year.append(new Option(String(value), String(value)));
  const team = element<HTMLSelectElement>('team');
  for (const { id, name } of teams) team.append(new Option(name, id));
}

async function openReport(row: Row): Promise<void> {
  const { document: report } = await api<{ document: ReportDocument }>(
    `/register/api/reports/${encodeURIComponent(row.travellerId)}/${encodeURIComponent(row.id)}`,
  );
  element('report-title').textContent = report.title;
  const body = element('report-body');
  const fields = make('dl');
  for (const field of report.fields)
    fields.append(make('dt', field.label), make('dd', field.value));
  const parts: Node[] = [make('p', report.heading), fields];
  if (row.postUrl) parts.push(outwardLink(row.postUrl, 'Naar het bericht in het kanaal'));
  for (const section of report.sections) {
    parts.push(make('h3', section.question));
    for (const paragraph of section.paragraphs) parts.push(make('p', paragraph));
    if (section.items) {
      const list = make('ul');
      list.append(...section.items.map((item) => make('li', item)));
      parts.push(list);
    }
    for (const paragraph of section.after ?? []) parts.push(make('p', paragraph));
  }
  body.replaceChildren(...parts);
  element<HTMLDialogElement>('report').showModal();
}

/** Downloads the selection as register.csv (with the token, so not as a plain link). */
async function download(redact: boolean): Promise<void> {
  const response = await fetchApi(
    `/register/api/register.csv?${filterQuery(redact ? { redact: 'people' } : {})}`,
  );
  const url = URL.createObjectURL(await response.blob());
  const link = make('a');
  link.href = url;
  link.download = redact ? 'register-publicatie.csv' : 'register.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function showError(error: unknown): void {
  const notice = element('signin');
  notice.hidden = false;
  if (error instanceof Unauthorized) {
    notice.textContent = OPEN_IN_TEAMS;
    element('filters').hidden = true;
    element('results').hidden = true;
  } else {
    notice.textContent = error instanceof Error ? error.message : String(error);
  }
}

function guarded(work: () => Promise<void>): () => void {
  return () => void work().catch(showError);
}

async function start(): Promise<void> {
  applyTheme(new URLSearchParams(location.search).get('theme') ?? undefined);
  await inTeams();
  // The years and teams come from a slower query (cached a minute): the rows do not wait for it.
  const filters = loadFilters().catch(showError);
  await reload();
  element('filters').hidden = false;
  element('results').hidden = false;
  await filters;
}

let typing: ReturnType<typeof setTimeout> | undefined;
element('search').addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(guarded(reload), 250);
});
element('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  guarded(reload)();
});
for (const id of ['year', 'team', 'thirdParty'])
  element(id).addEventListener('change', guarded(reload));
element('more').addEventListener('click', guarded(loadMore));
element('csv').addEventListener(
  'click',
  guarded(() => download(false)),
);
element('csv-redacted').addEventListener(
  'click',
  guarded(() => download(true)),
);
element('close').addEventListener('click', () => element<HTMLDialogElement>('report').close());
guarded(start)();
