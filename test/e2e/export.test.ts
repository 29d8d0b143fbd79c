// A report as a Word file in Teams, end to end over HTTP: the real bot (`node dist/index.js`), a
// Cosmos DB-compatible server, the fake Bot Connector and a fake OneDrive upload URL. The author
// types `exporteer` (or presses Downloaden als Word), gets Teams' file consent card, and on Allow
// the bot uploads the .docx and shows it with a file info card.
import assert from 'node:assert/strict';
import type { Report } from '../../src/report/report';
import { barcelonaReport, osakaReport } from '../publication/fixtures';
import { docxParagraphs } from '../publication/docxText';
import {
  channelMention,
  DEFAULT_TENANT_ID,
  fileConsentInvoke,
  makeUser,
  personalMessage,
  type TeamsUser,
} from '../support/activities';
import type { ActivityBody } from '../support/fakeConnector';
import { FakeOneDrive } from '../support/fakeOneDrive';
import { postActivity } from '../support/processes';
import { installInTeam, useBotInTeams } from '../support/teams';
import { buttonsOf, cardOf, lastCard, TravellerClient } from './travellerClient';
import { assertAsks, completeTypedReport, tripDates, type Trip } from './trips';

const vilnius: Trip = {
  title: 'Baltic Cities Forum Vilnius',
  destination: 'Vilnius, Litouwen',
  persons: 2,
  ...tripDates(8),
  purpose: 'Leren hoe Vilnius burgerbegrotingen organiseert.',
  locations: 'Vilniaus rotušė',
  people: [{ name: 'Rūta Jonaitė', role: 'adviseur participatie' }],
  outcome: 'Een opzet voor een burgerbegroting in twee wijken.',
  agreements: 'een online sessie over hun stemplatform',
};

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** A file consent card as the bot sent it. */
interface ConsentCard {
  activityId: string;
  name: string;
  content: {
    description: string;
    sizeInBytes: number;
    acceptContext: Record<string, unknown>;
    declineContext: Record<string, unknown>;
  };
}

describe('e2e: an author gets their report as a Word file in Teams', function () {
  this.timeout(60_000);
  const oneDrive = new FakeOneDrive();
  /** Where a hostile upload URL redirects to: it must never receive anything. */
  const elsewhere = new FakeOneDrive();
  const teams = useBotInTeams({ alongside: [oneDrive, elsewhere] });
  const { connector } = teams;

  /** A user whose posted reports (and maybe a draft) are in the store. */
  async function author(name: string, ...owned: Report[]): Promise<TravellerClient> {
    const user = makeUser(name);
    for (const report of owned) {
      const { etag: _etag, ...document } = report;
      await teams.reports.items.create({
        ...document,
        id: `${report.id}-${user.aadObjectId.slice(0, 8)}`,
        travellerId: user.aadObjectId,
        travellerName: name,
      });
    }
    return travellerFor(user);
  }

  function travellerFor(user: TeamsUser): TravellerClient {
    return new TravellerClient(user, {
      botUrl: teams.bot.url,
      connector,
      tenantId: DEFAULT_TENANT_ID,
    });
  }

  /** The file consent cards among the bot's new messages in the chat since `before`. */
  function consentCards(traveller: TravellerClient, before = 0): ConsentCard[] {
    return connector
      .activitiesIn(traveller.chatId)
      .slice(before)
      .flatMap((posted) =>
        (posted.activity.attachments ?? [])
          .filter((attachment) => attachment.contentType === FILE_CONSENT)
          .map((attachment) => ({
            activityId: posted.id,
            name: String(attachment.name),
            content: attachment.content as ConsentCard['content'],
          })),
      );
  }

  /** The message of a consent card as the chat shows it now: the card after any update. */
  function shownNow(card: ConsentCard): ActivityBody {
    const posted = connector.activity(card.activityId);
    assert.ok(posted, 'the consent card is in the chat');
    return posted.activity;
  }

  /** The texts of the Adaptive Card that replaced a consent card; fails if it was not replaced. */
  function replacementTexts(card: ConsentCard): string[] {
    const now = shownNow(card);
    const attachments = now.attachments ?? [];
    assert.ok(
      attachments.every((attachment) => attachment.contentType !== FILE_CONSENT),
      'no consent card, so no Allow or Decline to press any more',
    );
    const adaptive = attachments.find(
      (attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive',
    );
    assert.ok(
      adaptive,
      `the consent card was replaced by an Adaptive Card: ${JSON.stringify(now)}`,
    );
    const texts: string[] = [];
    JSON.stringify(adaptive.content, (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      return value;
    });
    return texts;
  }

  /** Presses Allow or Decline on a consent card; resolves with the invoke's HTTP status. */
  async function answerConsent(
    traveller: TravellerClient,
    card: ConsentCard,
    action: 'accept' | 'decline',
    uploadInfo?: Record<string, string>,
  ): Promise<{ status: number; replies: ActivityBody[] }> {
    const before = connector.activitiesIn(traveller.chatId).length;
    const status = await postActivity(
      teams.bot.url,
      fileConsentInvoke({
        serviceUrl: connector.url,
        tenantId: DEFAULT_TENANT_ID,
        user: traveller.user,
        action,
        context: action === 'accept' ? card.content.acceptContext : card.content.declineContext,
        ...(uploadInfo ? { uploadInfo } : {}),
        replyToId: card.activityId,
      }),
    );
    await connector.waitFor(
      (c) => c.activitiesIn(traveller.chatId).length > before,
      10_000,
      `the bot's answer to ${action}`,
    );
    const replies = connector
      .activitiesIn(traveller.chatId)
      .slice(before)
      .map((posted) => posted.activity);
    return { status, replies };
  }

  it('sends the author the Word file on Allow: consent card, upload of a valid docx, file info card', async () => {
    const traveller = await author('Joost Verhoeven', barcelonaReport());
    await traveller.say('exporteer');
    const [card] = consentCards(traveller);
    assert.ok(card, 'a file consent card');
    assert.equal(card.name, '2024-11-05-smart-city-expo-world-congress-2024-7c1e2a90.docx');
    assert.match(card.content.description, /Smart City Expo World Congress 2024 als Word-document/);
    assert.ok(card.content.sizeInBytes > 1000);

    const uploadsBefore = oneDrive.uploads.length;
    const uploadInfo = oneDrive.uploadInfo(card.name);
    const { status, replies } = await answerConsent(traveller, card, 'accept', uploadInfo);
    assert.equal(status, 200);

    const uploads = oneDrive.uploads.slice(uploadsBefore);
    assert.equal(uploads.length, 1, 'one upload');
    const [upload] = uploads;
    assert.equal(upload!.path, new URL(uploadInfo.uploadUrl!).pathname);
    const size = upload!.body.length;
    assert.equal(upload!.headers['content-range'], `bytes 0-${size - 1}/${size}`);
    assert.equal(upload!.headers['content-length'], String(size));
    const paragraphs = await docxParagraphs(upload!.body);
    assert.equal(paragraphs[0], 'VERSLAG BUITENLANDSE DIENSTREIS');
    assert.ok(paragraphs.includes('Reiziger: Joost Verhoeven'));
    assert.ok(paragraphs.includes('Núria Puig (Directeur Digitale Stad, Ajuntament de Barcelona)'));

    const info = replies.flatMap((reply) => reply.attachments ?? []);
    assert.deepEqual(info, [
      {
        contentType: FILE_INFO,
        contentUrl: uploadInfo.contentUrl,
        name: uploadInfo.name,
        content: { uniqueId: uploadInfo.uniqueId, fileType: 'docx' },
      },
    ]);
  });

  it('uploads nothing when the author declines, and says so', async () => {
    const traveller = await author('Sanne de Boer', osakaReport());
    await traveller.say('download');
    const [card] = consentCards(traveller);
    assert.ok(card);
    const uploadsBefore = oneDrive.uploads.length;
    const { status, replies } = await answerConsent(traveller, card, 'decline');
    assert.equal(status, 200);
    assert.deepEqual(
      replies.map((reply) => reply.text),
      ['Prima, ik heb niets opgeslagen. Typ **exporteer** als je het bestand later wilt.'],
    );
    assert.equal(oneDrive.uploads.length, uploadsBefore, 'nothing uploaded');
  });

  it("refuses someone else's Allow of an author's report: nothing is uploaded", async () => {
    const owner = await author('Fatima el Amrani', osakaReport());
    await owner.say('exporteer');
    const [card] = consentCards(owner);
    assert.ok(card);
    // A colleague replays the consent with the author's report in the context.
    const colleague = travellerFor(makeUser('Collega Bram Visser'));
    const uploadsBefore = oneDrive.uploads.length;
    const { status, replies } = await answerConsent(
      colleague,
      card,
      'accept',
      oneDrive.uploadInfo(card.name),
    );
    assert.equal(status, 200);
    assert.equal(oneDrive.uploads.length, uploadsBefore, 'nothing uploaded');
    assert.deepEqual(
      replies.map((reply) => reply.text),
      [
        'Je kunt alleen het Word-bestand van je eigen geplaatste verslagen krijgen; dit verslag is niet van jou of is er niet meer. Er is niets opgeslagen.',
      ],
    );
  });

  it('asks which report with several posted ones, never offering a draft, and sends the chosen one', async () => {
    const draft = barcelonaReport({
      id: 'draft-kopenhagen',
      status: 'draft',
      answers: { title: { type: 'shortText', text: 'Concept Kopenhagen' } },
    });
    const traveller = await author('Noor Jansen', barcelonaReport(), osakaReport(), draft);
    const choice = lastCard(await traveller.say('exporteer'));
    const buttons = buttonsOf(cardOf(choice)).map((button) => button.title);
    assert.deepEqual(buttons.sort(), [
      '=HYPERLINK("http://x"), "World Expo" Osaka',
      'Smart City Expo World Congress 2024',
    ]);
    assert.ok(choice.lines.includes('Van welk verslag wil je het Word-bestand?'));
    const before = connector.activitiesIn(traveller.chatId).length;
    await traveller.press(choice, 'Smart City Expo World Congress 2024');
    const cards = consentCards(traveller, before);
    assert.equal(cards.length, 1);
    assert.match(cards[0]!.name, /^2024-11-05-smart-city-expo-world-congress-2024-/);
  });

  it('offers the file from the Downloaden als Word button of mijn verslagen', async () => {
    const traveller = await author('Eva Dekker', barcelonaReport());
    const list = lastCard(await traveller.say('mijn verslagen'));
    const before = connector.activitiesIn(traveller.chatId).length;
    await traveller.press(list, 'Downloaden als Word');
    assert.equal(consentCards(traveller, before).length, 1);
  });

  it('says the upload failed when OneDrive refuses it; the report is unchanged', async () => {
    const traveller = await author('Ruud Kok', barcelonaReport());
    await traveller.say('exporteer');
    const [card] = consentCards(traveller);
    assert.ok(card);
    const stored = await teams.reports.items
      .query({
        query: 'SELECT * FROM c WHERE c.travellerId = @t',
        parameters: [{ name: '@t', value: traveller.user.aadObjectId }],
      })
      .fetchAll();
    oneDrive.refuseNextUpload(410);
    const { status, replies } = await answerConsent(
      traveller,
      card,
      'accept',
      oneDrive.uploadInfo(card.name),
    );
    assert.equal(status, 200);
    assert.deepEqual(
      replies.map((reply) => reply.text),
      [
        'Het opslaan van het Word-bestand in je OneDrive is niet gelukt; je verslag is onveranderd. Typ **exporteer** om het opnieuw te proberen.',
      ],
    );
    const after = await teams.reports.items
      .query({
        query: 'SELECT * FROM c WHERE c.travellerId = @t',
        parameters: [{ name: '@t', value: traveller.user.aadObjectId }],
      })
      .fetchAll();
    assert.deepEqual(
      after.resources.map((r: { _etag?: string }) => r._etag),
      stored.resources.map((r: { _etag?: string }) => r._etag),
    );
  });

  it('replaces the consent card after Allow, so it cannot be pressed twice: a second Allow uploads nothing', async () => {
    const traveller = await author('Iris Willems', barcelonaReport());
    await traveller.say('exporteer');
    const [card] = consentCards(traveller);
    assert.ok(card);
    const uploadsBefore = oneDrive.uploads.length;
    await answerConsent(traveller, card, 'accept', oneDrive.uploadInfo(card.name));
    assert.equal(oneDrive.uploads.length, uploadsBefore + 1, 'uploaded once');
    assert.equal(connector.updatesOf(card.activityId).length, 1, 'the card was updated in place');
    assert.deepEqual(replacementTexts(card), [
      'Word-bestand',
      card.name,
      'Opgeslagen in je OneDrive.',
    ]);

    // Teams redelivers the press, or the old card is replayed: nothing is uploaded again.
    const { status, replies } = await answerConsent(
      traveller,
      card,
      'accept',
      oneDrive.uploadInfo(card.name),
    );
    assert.equal(status, 200);
    assert.equal(oneDrive.uploads.length, uploadsBefore + 1, 'no second upload');
    assert.deepEqual(
      replies.map((reply) => reply.text),
      [
        'Deze vraag om het Word-bestand op te slaan heb je al beantwoord; typ **exporteer** als je het bestand opnieuw wilt.',
      ],
    );
    // A Decline after the Allow changes nothing either.
    const declined = await answerConsent(traveller, card, 'decline');
    assert.deepEqual(
      declined.replies.map((reply) => reply.text),
      [
        'Deze vraag om het Word-bestand op te slaan heb je al beantwoord; typ **exporteer** als je het bestand opnieuw wilt.',
      ],
    );
    assert.equal(connector.updatesOf(card.activityId).length, 1, 'the card was replaced once');
  });

  it('replaces the consent card after Decline, in English for an en-US client', async () => {
    const traveller = await author('Pieter Claes', osakaReport());
    await traveller.send(
      personalMessage({
        serviceUrl: connector.url,
        tenantId: DEFAULT_TENANT_ID,
        locale: 'en-US',
        user: traveller.user,
        text: 'export',
      }),
    );
    const [card] = consentCards(traveller);
    assert.ok(card);
    const before = connector.activitiesIn(traveller.chatId).length;
    const status = await postActivity(
      teams.bot.url,
      fileConsentInvoke({
        serviceUrl: connector.url,
        tenantId: DEFAULT_TENANT_ID,
        locale: 'en-US',
        user: traveller.user,
        action: 'decline',
        context: card.content.declineContext,
        replyToId: card.activityId,
      }),
    );
    assert.equal(status, 200);
    const replies = connector.activitiesIn(traveller.chatId).slice(before);
    assert.deepEqual(
      replies.map((reply) => reply.activity.text),
      ['Fine, I saved nothing. Type **export** if you want the file later.'],
    );
    assert.deepEqual(replacementTexts(card), ['Word file', card.name, 'Not saved: you declined.']);
  });

  for (const redirect of [303, 307]) {
    it(`follows no ${redirect} redirect of the upload URL: the server it points at receives nothing, and the traveller hears it failed`, async () => {
      const traveller = await author(`Kees Redirect ${redirect}`, barcelonaReport());
      await traveller.say('exporteer');
      const [card] = consentCards(traveller);
      assert.ok(card);
      const uploadsBefore = oneDrive.uploads.length;
      oneDrive.redirectNextUpload(redirect, `${elsewhere.url}/stolen/${card.name}`);
      const { status, replies } = await answerConsent(
        traveller,
        card,
        'accept',
        oneDrive.uploadInfo(card.name),
      );
      assert.equal(status, 200);
      assert.equal(oneDrive.requests.at(-1)?.status, redirect, 'the upload URL answered with it');
      assert.deepEqual(elsewhere.requests, [], 'the redirect target received nothing');
      assert.equal(oneDrive.uploads.length, uploadsBefore, 'nothing uploaded');
      assert.deepEqual(
        replies.map((reply) => reply.text),
        [
          'Het opslaan van het Word-bestand in je OneDrive is niet gelukt; je verslag is onveranderd. Typ **exporteer** om het opnieuw te proberen.',
        ],
      );
      assert.deepEqual(replacementTexts(card), [
        'Word-bestand',
        card.name,
        'Niet opgeslagen: het opslaan in je OneDrive is mislukt.',
      ]);
    });
  }

  it('offers the file from Downloaden als Word on the confirmation of a report just posted by chat', async () => {
    const place = await installInTeam(teams.bot.url, connector);
    const traveller = new TravellerClient(makeUser('Lotte Smit'), {
      botUrl: teams.bot.url,
      connector,
      tenantId: place.tenantId,
    });
    const confirmation = await completeTypedReport(traveller, vilnius);
    const before = connector.activitiesIn(traveller.chatId).length;
    await traveller.press(confirmation, 'Downloaden als Word');
    const [card] = consentCards(traveller, before);
    assert.ok(card, 'a file consent card');
    const uploadsBefore = oneDrive.uploads.length;
    const { status } = await answerConsent(
      traveller,
      card,
      'accept',
      oneDrive.uploadInfo(card.name),
    );
    assert.equal(status, 200);
    const [upload] = oneDrive.uploads.slice(uploadsBefore);
    assert.ok(upload, 'uploaded');
    const paragraphs = await docxParagraphs(upload.body);
    assert.ok(paragraphs.includes('Titel: Baltic Cities Forum Vilnius'));
    assert.ok(paragraphs.includes('Rūta Jonaitė (adviseur participatie)'));
  });

  it('keeps the open question of a new report when exporteer is typed in between', async () => {
    const traveller = await author('Mila Peters', barcelonaReport());
    const first = lastCard(await traveller.say('nieuw verslag'));
    assertAsks(first, 'title');
    const before = connector.activitiesIn(traveller.chatId).length;
    await traveller.say('exporteer');
    assert.equal(consentCards(traveller, before).length, 1);
    // The title question is still the one answered next.
    const next = lastCard(await traveller.say('Werkbezoek Gent'));
    assertAsks(next, 'destination');
  });

  it('sends no file in a channel: exporteer there points to the personal chat', async () => {
    const place = await installInTeam(teams.bot.url, connector);
    const before = connector.activities.length;
    const status = await postActivity(
      teams.bot.url,
      channelMention({
        serviceUrl: connector.url,
        tenantId: place.tenantId,
        user: makeUser('Collega Sara Bakker'),
        team: place.team,
        channel: place.channel,
        text: 'exporteer',
      }),
    );
    assert.equal(status, 200);
    const said = connector.activities.slice(before).map((posted) => posted.activity);
    assert.deepEqual(
      said.map((activity) => activity.text),
      [
        'Een Word-bestand van je verslag krijg je in je persoonlijke chat met mij: typ daar **exporteer**.',
      ],
    );
    assert.ok(said.every((activity) => (activity.attachments ?? []).length === 0));
  });

  it('tells a traveller without a posted report that a draft is not a report yet', async () => {
    const traveller = await author(
      'Tim Bos',
      barcelonaReport({ id: 'only-draft', status: 'draft', answers: {} }),
    );
    const replies = await traveller.say('exporteer');
    assert.deepEqual(
      replies.map((reply) => reply.text),
      [
        'Je hebt nog geen geplaatst verslag om te downloaden; een concept is nog geen verslag. Typ **nieuw verslag** om er een te maken, of **verder** om je concept af te maken.',
      ],
    );
  });
});
