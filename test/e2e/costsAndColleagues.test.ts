// Issue 18 end to end over HTTP: the real bot (`node dist/index.js`), a Cosmos DB–compatible
// server, the fake Bot Connector (with the team's roster) and a fake OneDrive. A traveller picks
// a colleague in Teams' people picker and types another, confirms the number of travellers, gives
// the costs (one not known yet) and who paid, and posts. The channel card @mentions the picked
// colleague and says hospitality; the colleague hears of the report at `nieuw verslag`; the Word
// file, register.csv and register.xlsx carry the costs and the fellow travellers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxParagraphs } from '../publication/docxText';
import { readXlsx } from '../publication/xlsxCells';
import { fileConsentInvoke, makeUser } from '../support/activities';
import { FakeOneDrive } from '../support/fakeOneDrive';
import { postActivity, PROJECT_ROOT } from '../support/processes';
import { installInTeam, useBotInTeams } from '../support/teams';
import { buttonsOf, cardOf, lastCard, TravellerClient, type BotMessage } from './travellerClient';
import { assertAsks, cardInputs, tripDates, type Trip } from './trips';

const geneva: Trip = {
  title: 'UN-Habitat Assembly 2026',
  destination: 'Genève, Zwitserland',
  persons: 3,
  ...tripDates(9),
  purpose: 'De positie van middelgrote steden inbrengen in de New Urban Agenda.',
  locations: 'Palais des Nations',
  people: [{ name: 'Amina Diallo', role: 'directeur stedelijk beleid UN-Habitat' }],
  outcome: 'Een plaats in de werkgroep betaalbaar wonen.',
  agreements: 'een bijdrage aan het rapport in mei',
};

const CLI = join(PROJECT_ROOT, 'dist', 'publication', 'exportCli.js');
const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';

/** The texts of a card, as a reader sees them (TextBlocks and TextRuns). */
function textsOf(card: unknown): string[] {
  const texts: string[] = [];
  JSON.stringify(card, (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts;
}

/** The fields of one CSV line (RFC 4180: quoted fields, quotes doubled). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  return [...fields, field];
}

describe('e2e: fellow travellers, costs and who paid, from the first message to the register (issue 18)', function () {
  this.timeout(120_000);
  const oneDrive = new FakeOneDrive();
  const teams = useBotInTeams({ alongside: [oneDrive] });
  const { connector } = teams;

  it('posts a report with a picked and a typed colleague, costs and hospitality; the colleague is told; Word, CSV and Excel carry it', async () => {
    const { tenantId, team, channel } = await installInTeam(teams.bot.url, connector);
    const traveller = makeUser('Ruud Hendriks');
    const sanne = makeUser('Sanne Visser');
    for (const user of [traveller, sanne]) connector.addTeamMember(team.id, user);
    const client = (user = traveller) =>
      new TravellerClient(user, { botUrl: teams.bot.url, connector, tenantId });
    const ruud = client();

    let card: BotMessage = lastCard(await ruud.say('nieuw verslag'));
    for (const key of ['title', 'destination']) {
      card = lastCard(await ruud.press(card, 'Volgende', cardInputs(geneva, key)));
    }
    assertAsks(card, 'coTravellers');
    // Picked in Teams' people picker (an Entra object id), and a name typed beside it.
    card = lastCard(
      await ruud.press(card, 'Volgende', { picked: sanne.aadObjectId, answer: 'Jan Smit' }),
    );
    assertAsks(card, 'persons');
    assert.ok(
      textsOf(cardOf(card)).includes(
        'Jij en 2 reisgenoten: 3 personen. Klopt dat? Ga verder, of pas het aantal aan.',
      ),
    );
    // Confirmed as pre-filled: nothing typed.
    card = lastCard(await ruud.press(card, 'Volgende', {}));
    for (const key of ['duration', 'purpose', 'locations', 'peopleMet', 'outcome', 'followUp']) {
      card = lastCard(await ruud.press(card, 'Volgende', cardInputs(geneva, key)));
    }
    assertAsks(card, 'costs');
    card = lastCard(
      await ruud.press(card, 'Volgende', {
        amount_travel: '€ 412,80',
        amount_stay: '1.089,-',
        amount_other: 'nog niet bekend',
      }),
    );
    assertAsks(card, 'paidBy');
    const review = lastCard(
      await ruud.press(card, 'Volgende', { choice: 'thirdParty', answer: 'UN-Habitat' }),
    );
    await ruud.press(review, 'Plaatsen in kanaal');

    // The channel card: the colleague picked in Teams @mentioned, the typed one named.
    const [post] = await connector.waitFor(
      (c) => (c.reportPosts(channel.id).length > 0 ? c.reportPosts(channel.id) : undefined),
      15_000,
      'the report in the channel',
    );
    const posted = post!.activity.attachments![0]!.content as {
      msteams: { entities: { text: string; mentioned: { id: string; name: string } }[] };
    };
    assert.ok(
      posted.msteams.entities.some(
        (entity) =>
          entity.text === '<at>Sanne Visser</at>' && entity.mentioned.id === sanne.aadObjectId,
      ),
      JSON.stringify(posted.msteams.entities),
    );
    const shown = textsOf(posted);
    for (const line of [
      '<at>Sanne Visser</at>',
      'Jan Smit',
      'Totaal: € 1.501,80 (zonder de bedragen die nog niet bekend zijn)',
      'Reiskosten: € 412,80',
      'Verblijfkosten: € 1.089,00',
      'Overige kosten: nog niet bekend',
      'Betaald door derde partij: UN-Habitat (gastvrijheid)',
    ]) {
      assert.ok(shown.includes(line), `the channel card shows ${line}:\n${shown.join('\n')}`);
    }

    // Sanne starts her own report: the bot says Ruud's is there, with a link.
    // The record is written once Teams has the post, after the turn: wait for it, then ask.
    const sameTrips = teams.reports.database.container('sameTrips');
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { resources } = await sameTrips.items
        .query({
          query: 'SELECT * FROM c WHERE c.colleagueId = @id',
          parameters: [{ name: '@id', value: sanne.aadObjectId }],
        })
        .fetchAll();
      if (resources.length > 0) break;
      assert.ok(Date.now() < deadline, 'the same-trip record for Sanne is written');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const notice = lastCard(await client(sanne).say('nieuw verslag'));
    // The sentence is TextRuns (the names and the title are user text): read as one line.
    assert.match(
      textsOf(cardOf(notice)).join(''),
      /Ruud Hendriks heeft al een verslag geplaatst over ‘UN-Habitat Assembly 2026’ \(Genève, Zwitserland, /,
    );
    const buttons = buttonsOf(cardOf(notice)).map((button) => button.title);
    assert.ok(buttons.includes('Toch een eigen verslag schrijven'), buttons.join(', '));

    // The Word file in the chat.
    const before = connector.activitiesIn(ruud.chatId).length;
    await ruud.say('exporteer');
    const consent = connector
      .activitiesIn(ruud.chatId)
      .slice(before)
      .flatMap((message) =>
        (message.activity.attachments ?? [])
          .filter((attachment) => attachment.contentType === FILE_CONSENT)
          .map((attachment) => ({ id: message.id, attachment })),
      )[0];
    assert.ok(consent, 'a file consent card');
    const name = String(consent.attachment.name);
    const content = consent.attachment.content as { acceptContext: Record<string, unknown> };
    const uploads = oneDrive.uploads.length;
    await postActivity(
      teams.bot.url,
      fileConsentInvoke({
        serviceUrl: connector.url,
        tenantId,
        user: traveller,
        action: 'accept',
        context: content.acceptContext,
        uploadInfo: oneDrive.uploadInfo(name),
        replyToId: consent.id,
      }),
    );
    const upload = await connector.waitFor(
      () => oneDrive.uploads[uploads],
      15_000,
      'the Word file upload',
    );
    const paragraphs = await docxParagraphs(upload.body);
    for (const line of [
      'Sanne Visser',
      'Jan Smit',
      'Reiskosten: € 412,80',
      'Overige kosten: nog niet bekend',
      'Betaald door derde partij: UN-Habitat (gastvrijheid)',
    ]) {
      assert.ok(paragraphs.includes(line), `the Word file has ${line}:\n${paragraphs.join('\n')}`);
    }

    // The register, exported from the same store.
    const out = mkdtempSync(join(tmpdir(), 'reisverslag-register-'));
    try {
      const base = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !key.startsWith('COSMOS_')),
      );
      await new Promise<void>((resolve, reject) =>
        execFile(
          process.execPath,
          [CLI, '--format', 'csv', '--out', out],
          {
            cwd: PROJECT_ROOT,
            env: {
              ...base,
              COSMOS_ENDPOINT: teams.cosmos.endpoint,
              COSMOS_KEY: teams.cosmos.key,
              COSMOS_DATABASE: teams.reports.database.id,
            },
          },
          (error, _stdout, stderr) => (error ? reject(new Error(stderr)) : resolve()),
        ),
      );
      const [header, ...rows] = readFileSync(join(out, 'register.csv'), 'utf8')
        .slice(1)
        .split('\r\n')
        .filter((line) => line !== '');
      const columns = csvFields(header!);
      const row = rows.find((line) => line.includes('UN-Habitat Assembly 2026'));
      assert.ok(row, rows.join('\n'));
      const cell = (column: string) => csvFields(row)[columns.indexOf(column)];
      assert.equal(cell('Reiskosten'), '412.80');
      assert.equal(cell('Verblijfkosten'), '1089.00');
      assert.equal(cell('Overige kosten'), '');
      assert.equal(cell('Reisgenoten'), 'Sanne Visser; Jan Smit');
      assert.match(row, /derde partij: UN-Habitat/);
      const sheet = await readXlsx(readFileSync(join(out, 'register.xlsx')));
      const xlsxHeader = sheet.row(1).map((c) => c.value);
      const xlsxRow = [2, 3, 4, 5, 6]
        .map((n) => sheet.row(n))
        .find((cells) => cells.some((c) => c.value === 'UN-Habitat Assembly 2026'));
      assert.ok(xlsxRow, 'the trip is a row of register.xlsx');
      const travel = xlsxRow[xlsxHeader.indexOf('Reiskosten')];
      assert.equal(travel?.value, 412.8);
      assert.match(travel?.format ?? '', /€/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
