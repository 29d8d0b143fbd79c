import assert from 'node:assert/strict';
import { actionData, cardOf, visibleText, type ChatTester } from './chatTester';
import { play, reisverslagenChannel, useDialogStores, type Replies } from './script';
import type { Catalogue } from '../../src/report/catalogue';
import { productCatalogue } from '../support/catalogue';
import { progressOf } from '../support/sampleAnswers';

describe('EditDialog: changing a posted report by chat', function () {
  editDialogTests(productCatalogue);
});

/** The edit dialog's tests on a catalogue: the product's above, others in extraQuestion.test.ts. */
export function editDialogTests(catalogue: Catalogue): void {
  const stores = useDialogStores(catalogue);
  const traveller = 'aad-traveller-1';

  /** A traveller whose Vienna report is in the channel. */
  async function postedChat(): Promise<{ chat: ChatTester; confirmation: Replies }> {
    await stores.channels.save(reisverslagenChannel);
    const chat = stores.newChat();
    const review = await play(chat, stores.trip.all);
    const confirmation = await chat.submit(
      actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'),
    );
    return { chat, confirmation };
  }

  const partNames: [string, string, string][] = [
    ['wijzig doel', 'purpose', 'WAT WAS HET DOEL VAN DE REIS?'],
    ['wijzig de locaties', 'locations', 'WELKE LOCATIES ZIJN BEZOCHT?'],
    ['wijzig wie', 'peopleMet', 'WIE HEB JE ONTMOET?'],
    ['Wijzig ontmoet', 'peopleMet', 'WIE HEB JE ONTMOET?'],
    ['wijzig opgeleverd', 'outcome', 'WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?'],
    ['wijzig opbrengst', 'outcome', 'WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?'],
    ['wijzig vervolgafspraken', 'followUp', 'ZIJN ER VERVOLGAFSPRAKEN?'],
    ['wijzig datums', 'duration', 'HOELANG DUURDE DE REIS?'],
    ['wijzig de duur', 'duration', 'HOELANG DUURDE DE REIS?'],
    ['wijzig aantal personen', 'persons', 'HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT'],
    ['wijzig titel', 'title', 'Wat is de titel van de reis'],
    ['wijzig bestemming', 'destination', 'Wat was de bestemming'],
    ['wijzig kosten', 'costs', 'WAT HEEFT DE REIS GEKOST?'],
    ['wijzig betaald', 'paidBy', 'WIE HEEFT BETAALD?'],
    ['wijzig reisgenoten', 'coTravellers', 'Met wie reisde je?'],
    ['wijzig met wie', 'coTravellers', 'Met wie reisde je?'],
  ];
  for (const [typed, key, question] of partNames) {
    it(`"${typed}" asks ${key} again on its interview card`, async () => {
      const { chat } = await postedChat();
      const replies = await chat.say(typed);
      assert.match(visibleText(replies.at(-1)!), new RegExp(question.replace(/[?()]/g, '\\$&')));
      assert.equal(actionData(cardOf(replies.at(-1)!)!, 'Volgende').questionKey, key);
    });
  }

  it('shows old and new, and on Bevestigen stores version 2 with its history and updates the channel card', async () => {
    const { chat } = await postedChat();
    const confirmation = await play(chat, [
      { says: 'wijzig doel', botShows: ['WAT WAS HET DOEL VAN DE REIS?'] },
      {
        says: 'Leren van Weense woningbouw.',
        botShows: [
          'Klopt deze wijziging bij ‘Doel van de reis’?',
          'Was',
          'Kennis delen over betaalbaar wonen.',
          'Wordt',
          'Leren van Weense woningbouw.',
        ],
      },
    ]);
    assert.equal(
      (await stores.reports.get(traveller, 'report-1'))?.version,
      1,
      'nothing stored before the confirmation',
    );
    const bevestigen = actionData(cardOf(confirmation.at(-1)!)!, 'Bevestigen');
    const confirm = await chat.submit(bevestigen);
    assert.match(visibleText(confirm[0]!), /Opgeslagen als versie 2/);

    const stored = await stores.reports.get(traveller, 'report-1');
    assert.equal(stored?.version, 2);
    assert.deepEqual(stored?.answers.purpose, {
      type: 'longText',
      text: 'Leren van Weense woningbouw.',
    });
    assert.equal(stored?.history.length, 1);
    assert.deepEqual(
      { ...stored!.history[0]!, at: undefined },
      {
        version: 2,
        at: undefined,
        by: 'Sanne de Vries',
        key: 'purpose',
        editId: bevestigen.editId,
        old: { type: 'longText', text: 'Kennis delen over betaalbaar wonen.' },
        new: { type: 'longText', text: 'Leren van Weense woningbouw.' },
      },
    );
    assert.equal(stored?.post?.syncedVersion, 2);

    assert.equal(chat.publisher.updates.length, 1);
    const update = chat.publisher.updates[0]!;
    assert.equal(update.post.activityId, '1');
    const card = visibleText({
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: update.card },
      ],
    });
    assert.match(card, /Leren van Weense woningbouw\./);
    assert.match(card, /Bijgewerkt op 20-11-2026 \(versie 2\)/);
    assert.deepEqual(
      chat.publisher.replies.map((reply) => reply.text),
      ['Sanne de Vries heeft doel van de reis gewijzigd (versie 2).'],
    );
  });

  it('changes nothing twice when Bevestigen arrives again (pressed twice, or resent by Teams)', async () => {
    const { chat } = await postedChat();
    await chat.say('wijzig doel');
    const confirmation = await chat.say('Leren van Weense woningbouw.');
    const bevestigen = actionData(cardOf(confirmation.at(-1)!)!, 'Bevestigen');
    await chat.submit(bevestigen);
    const again = await chat.submit(bevestigen);
    assert.deepEqual(again.map(visibleText), [
      'Deze wijziging is al opgeslagen als versie 2; er is niets dubbel gewijzigd.',
    ]);
    const stored = await stores.reports.get(traveller, 'report-1');
    assert.equal(stored?.version, 2);
    assert.equal(stored?.history.length, 1);
    assert.equal(chat.publisher.updates.length, 1, 'the channel card is updated once');
    assert.equal(chat.publisher.replies.length, 1, 'one note in the thread');
  });

  it('keeps the edit when Teams is away, and updates the channel card at the next turn', async () => {
    const { chat } = await postedChat();
    chat.publisher.failUpdates = 1;
    await chat.say('wijzig titel');
    const confirmation = await chat.say('Wiener Städtedialog 2026 (verslag)');
    const saved = await chat.submit(actionData(cardOf(confirmation.at(-1)!)!, 'Bevestigen'));
    assert.match(
      visibleText(saved[0]!),
      /Opgeslagen als versie 2, maar het kanaal is nu niet bereikbaar/,
    );
    let stored = await stores.reports.get(traveller, 'report-1');
    assert.equal(stored?.version, 2);
    assert.equal(stored?.post?.syncedVersion, 1);
    assert.equal(chat.publisher.updates.length, 0);

    await chat.say('help');
    stored = await stores.reports.get(traveller, 'report-1');
    assert.equal(stored?.post?.syncedVersion, 2);
    assert.equal(chat.publisher.updates.length, 1);
    await chat.say('help');
    assert.equal(chat.publisher.updates.length, 1, 'retried once, not at every turn');
  });

  it('changes nothing on Annuleren', async () => {
    const { chat } = await postedChat();
    await chat.say('wijzig titel');
    await chat.say('Wiener Städtedialog 2027');
    const replies = await chat.submit({
      action: 'cancelEdit',
      reportId: 'report-1',
      questionKey: 'title',
    });
    assert.match(visibleText(replies[0]!), /Niets gewijzigd/);
    assert.equal((await stores.reports.get(traveller, 'report-1'))?.version, 1);
    assert.equal(chat.publisher.updates.length, 0);
  });

  it('asks which part on a bare "wijzig", understanding the part in own words', async () => {
    const { chat } = await postedChat();
    await play(chat, [
      {
        says: 'wijzig',
        botShows: ['Welk onderdeel wil je wijzigen?', 'Titel', 'Reisduur', 'Vervolgafspraken'],
      },
      { says: 'iets anders', botShows: ['Dat onderdeel ken ik niet'] },
      {
        says: 'de datums',
        botShows: [progressOf(catalogue, 'duration'), 'HOELANG DUURDE DE REIS?'],
      },
    ]);
  });

  it('starts from the Wijzigen button on the confirmation', async () => {
    const { chat, confirmation } = await postedChat();
    const replies = await chat.submit(actionData(cardOf(confirmation[0]!)!, 'Wijzigen'));
    assert.match(visibleText(replies[0]!), /Welk onderdeel wil je wijzigen\?/);
  });

  it("refuses a card action on somebody else's report, changing nothing", async () => {
    await postedChat();
    const colleague = stores.newChat({
      user: { id: '29:colleague', name: 'Joris Bakker', aadObjectId: 'aad-colleague' },
    });
    const replies = await colleague.submit({ action: 'edit', reportId: 'report-1' });
    assert.match(visibleText(replies[0]!), /alleen je eigen verslagen wijzigen/);
    const confirm = await colleague.submit({
      action: 'confirmEdit',
      reportId: 'report-1',
      questionKey: 'purpose',
    });
    assert.doesNotMatch(confirm.map(visibleText).join('\n'), /Opgeslagen/);
    assert.equal((await stores.reports.get(traveller, 'report-1'))?.version, 1);
  });

  it('says there is nothing to change before anything is posted', async () => {
    const chat = stores.newChat();
    await play(chat, [{ says: 'wijzig doel', botShows: ['nog geen geplaatst verslag'] }]);
  });

  it('lists the traveller\'s reports on "mijn verslagen", also mid-interview', async () => {
    const { chat } = await postedChat();
    await play(chat, [
      { says: 'nieuw verslag', botShows: [progressOf(catalogue, 'title')] },
      {
        says: 'mijn verslagen',
        botShows: [
          'Mijn verslagen',
          'nog zonder titel',
          'concept',
          'Wiener Städtedialog 2026',
          'geplaatst, versie 1',
        ],
      },
      { says: 'Eurocities Porto', botShows: [progressOf(catalogue, 'destination')] },
    ]);
  });
}
