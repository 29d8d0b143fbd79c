// Issue 19, part 1: the whole form on one card. Typed scripts with the chat tester: all fields
// valid, some wrong (the same card back in place), English, mixed with the chat, and (in
// extraQuestion.test.ts) a catalogue with one more question.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../src/cards/template';
import type { Catalogue } from '../../src/report/catalogue';
import { actionData, cardOf, inputsOf, submitWith, visibleText } from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';
import { productCatalogue } from '../support/catalogue';
import { sampleAnswer } from '../support/sampleAnswers';

describe('FormDialog: the whole form on one card', function () {
  formDialogTests(productCatalogue);
});

const TRAVELLER = 'aad-traveller-1';

/** The last card among replies (or updates). */
function lastCard(replies: Partial<Activity>[]): AdaptiveCard {
  const card = replies
    .map(cardOf)
    .filter((found) => found !== undefined)
    .at(-1);
  if (!card) throw new Error('no card among the replies');
  return card;
}

/**
 * What Teams sends for Opslaan: every input of the form with what it shows, and `values` typed
 * over them (input id → value).
 */
function formSubmit(
  card: AdaptiveCard,
  values: Record<string, string>,
  save = 'Opslaan',
): Record<string, unknown> {
  const shown: Record<string, string> = {};
  for (const [id, input] of inputsOf(card)) {
    shown[id] = input.value === undefined ? '' : String(input.value);
  }
  return { ...shown, ...submitWith(card, save, values) };
}

/** The sample answers of every question, as the form's inputs (`key.input` → value). */
function sampleInputs(catalogue: Catalogue): Record<string, string> {
  const values: Record<string, string> = {};
  for (const question of catalogue.questions) {
    for (const [id, value] of Object.entries(sampleAnswer(question).inputs)) {
      values[`${question.key}.${id}`] = value;
    }
  }
  return values;
}

/** The form's tests on a catalogue: the product's above, another in extraQuestion.test.ts. */
export function formDialogTests(catalogue: Catalogue): void {
  const stores = useDialogStores(catalogue);
  const { newChat, trip } = stores;

  it('shows every question of the catalogue in order, and stores all answers in one write before the review', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    const opened = await chat.say('formulier');
    const form = lastCard(opened);
    const shown = visibleText(opened.at(-1)!);
    let from = 0;
    for (const question of catalogue.questions) {
      const at = shown.indexOf(question.text.nl, from);
      assert.ok(at >= from, `${question.key} in order: ${question.text.nl}`);
      from = at;
    }
    const ids = [...inputsOf(form).keys()];
    for (const question of catalogue.questions) {
      for (const input of Object.keys(sampleAnswer(question).inputs)) {
        assert.ok(ids.includes(`${question.key}.${input}`), `input ${question.key}.${input}`);
      }
    }
    const draft = await stores.reports.get(TRAVELLER, 'report-1');
    assert.equal(draft?.status, 'draft', 'a new draft, as nieuw verslag makes');

    let writes = 0;
    const setAnswers = stores.reports.setAnswers.bind(stores.reports);
    const setAnswer = stores.reports.setAnswer.bind(stores.reports);
    stores.reports.setAnswers = (...args) => (writes++, setAnswers(...args));
    stores.reports.setAnswer = (...args) => (writes++, setAnswer(...args));
    const saved = await chat.submit(formSubmit(form, sampleInputs(catalogue)));
    assert.equal(writes, 1, 'one write');
    const stored = await stores.reports.get(TRAVELLER, 'report-1');
    for (const question of catalogue.questions) {
      assert.deepEqual(stored?.answers[question.key], sampleAnswer(question).stored, question.key);
    }
    assert.match(visibleText(saved.at(-1)!), /Controleer je verslag/);
    assert.match(visibleText(chat.updates.at(-1)!), /alle antwoorden opgeslagen/);
    assert.equal(chat.updates.at(-1)?.id, opened.at(-1)?.id, 'the form is replaced in place');

    await chat.submit(actionData(lastCard(saved), 'Plaatsen in kanaal'));
    assert.equal(chat.publisher.posts.length, 1, 'posted as usual');
    assert.equal((await stores.reports.get(TRAVELLER, 'report-1'))?.status, 'posted');
  });

  it('gives the same card back in place with the values kept and each error under its field, storing nothing', async () => {
    const chat = newChat();
    const opened = await chat.say('formulier');
    const form = lastCard(opened);
    const values = {
      ...sampleInputs(catalogue),
      'title.answer': 'Wiener Städtedialog 2026',
      'duration.departure': '2026-11-05',
      'duration.return': '2026-11-03',
      'peopleMet.answer': 'Eva Huber',
      'costs.amount_travel': 'veel',
    };
    const refused = await chat.submit(formSubmit(form, values));
    assert.deepEqual(refused, [], 'no new message: the card is replaced');
    assert.equal(chat.updates.length, 1);
    assert.equal(chat.updates[0]?.id, opened.at(-1)?.id);
    const again = cardOf(chat.updates[0]!)!;
    const inputs = inputsOf(again);
    assert.equal(inputs.get('title.answer')?.value, 'Wiener Städtedialog 2026', 'values kept');
    assert.equal(inputs.get('peopleMet.answer')?.value, 'Eva Huber');
    assert.equal(inputs.get('costs.amount_travel')?.value, 'veel');
    assert.equal(inputs.get('duration.departure')?.value, '2026-11-05');

    // Each error in Attention, right after its question's last input.
    const errorsUnder = new Map<string, string>();
    for (const container of (again.body as Record<string, unknown>[]).filter(
      (element) => element.type === 'Container',
    )) {
      const items = container.items as Record<string, unknown>[];
      const isInput = (item: Record<string, unknown>) => String(item.type).startsWith('Input.');
      const lastInput = items.length - 1 - [...items].reverse().findIndex(isInput);
      const after = items[lastInput + 1];
      if (after?.type !== 'RichTextBlock') continue;
      const [run] = after.inlines as { text: string; color: string }[];
      assert.equal(run?.color, 'Attention');
      const key = String(items[lastInput]?.id).split('.')[0]!;
      errorsUnder.set(key, run!.text);
    }
    assert.deepEqual([...errorsUnder.keys()].sort(), ['costs', 'duration', 'peopleMet']);
    assert.match(errorsUnder.get('peopleMet')!, /Eva Huber/);
    assert.match(errorsUnder.get('costs')!, /veel/);
    assert.match(visibleText(chat.updates[0]!), /3 antwoorden kloppen nog niet/);
    const stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.deepEqual(stored?.answers, {}, 'nothing stored');

    // Corrected on the same card: saved, and the review follows.
    const fixed = await chat.submit(formSubmit(again, sampleInputs(catalogue)));
    assert.match(visibleText(fixed.at(-1)!), /Controleer je verslag/);
    const complete = await stores.reports.get(TRAVELLER, 'report-1');
    assert.equal(Object.keys(complete?.answers ?? {}).length, catalogue.size);
  });

  it('refuses an empty required field on the server, whatever the client checked', async () => {
    const chat = newChat();
    const form = lastCard(await chat.say('formulier'));
    await chat.submit(formSubmit(form, { ...sampleInputs(catalogue), 'purpose.answer': '' }));
    const again = visibleText(chat.updates.at(-1)!);
    assert.match(again, /Eén antwoord klopt nog niet/);
    assert.deepEqual((await stores.reports.get(TRAVELLER, 'report-1'))?.answers, {});
  });

  it('takes a list of people it would ask back about in the chat as read, and names picked colleagues from Teams', async () => {
    const chat = newChat({
      colleagues: { 'b1a2c3d4-0000-4000-8000-000000000001': 'Pieter Jansen' },
    });
    const form = lastCard(await chat.say('formulier'));
    await chat.submit(
      formSubmit(form, {
        ...sampleInputs(catalogue),
        'peopleMet.answer': 'Eva Huber, wethouder, Lukas Gruber, directeur',
        'coTravellers.picked': 'B1A2C3D4-0000-4000-8000-000000000001',
        'coTravellers.answer': '',
      }),
    );
    const stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.equal(stored?.answers.peopleMet?.type, 'people');
    assert.deepEqual(stored?.answers.coTravellers, {
      type: 'colleagues',
      colleagues: [{ name: 'Pieter Jansen', aadObjectId: 'b1a2c3d4-0000-4000-8000-000000000001' }],
    });
  });

  it('refuses a picked colleague no team knows under the colleagues field', async () => {
    const chat = newChat();
    const form = lastCard(await chat.say('formulier'));
    await chat.submit(
      formSubmit(form, {
        ...sampleInputs(catalogue),
        'coTravellers.picked': 'b1a2c3d4-0000-4000-8000-000000000009',
      }),
    );
    assert.match(visibleText(chat.updates.at(-1)!), /kon ik niet vinden in je teams/);
    assert.deepEqual((await stores.reports.get(TRAVELLER, 'report-1'))?.answers, {});
  });

  it('speaks English in an English Teams', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat({ locale: 'en-US' });
    const opened = await chat.say('form');
    const shown = visibleText(opened.at(-1)!);
    for (const question of catalogue.questions) assert.ok(shown.includes(question.text.en));
    assert.match(shown, /Save/);
    const form = lastCard(opened);
    await chat.submit(
      formSubmit(form, { ...sampleInputs(catalogue), 'duration.return': '' }, 'Save'),
    );
    assert.match(visibleText(chat.updates.at(-1)!), /One answer is not right yet/);
    const saved = await chat.submit(
      formSubmit(cardOf(chat.updates.at(-1)!)!, sampleInputs(catalogue), 'Save'),
    );
    assert.match(visibleText(saved.at(-1)!), /Check your report/);
    assert.match(visibleText(saved.at(-1)!), /Post in channel/);
  });

  it('mixes with the chat: three questions typed, the rest on the form, pre-filled with them', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    const third = catalogue.questions[2]!.key;
    await play(chat, [...trip.upTo(third), { says: trip.typed(third), botShows: [] }]);
    const opened = await chat.say('formulier');
    const form = lastCard(opened);
    const inputs = inputsOf(form);
    assert.equal(inputs.get('title.answer')?.value, 'Wiener Städtedialog 2026');
    assert.equal(inputs.get('destination.answer')?.value, 'Wenen, Oostenrijk');
    // The number of travellers, pre-filled from the colleagues typed in the chat.
    assert.equal(String(inputs.get(`${catalogue.questions[3]!.key}.answer`)?.value), '2');
    // Only the open questions filled in; what the chat stored is sent back as shown.
    const open: Record<string, string> = {};
    for (const [id, value] of Object.entries(sampleInputs(catalogue))) {
      const key = id.split('.')[0]!;
      if (catalogue.position(key) > 3) open[id] = value;
    }
    const saved = await chat.submit(formSubmit(form, open));
    assert.match(visibleText(saved.at(-1)!), /Controleer je verslag/);
    const stored = await stores.reports.get(TRAVELLER, 'report-1');
    assert.deepEqual(stored?.answers.title, {
      type: 'shortText',
      text: 'Wiener Städtedialog 2026',
    });
    assert.equal(Object.keys(stored?.answers ?? {}).length, catalogue.size);
    await chat.submit(actionData(lastCard(saved), 'Plaatsen in kanaal'));
    assert.equal(chat.publisher.posts.length, 1);
  });

  it('mixes the other way round: the form opened, then verder goes on in the chat', async () => {
    const chat = newChat();
    await chat.say('formulier');
    const hint = await chat.say('Wiener Städtedialog 2026');
    assert.match(visibleText(hint[0]!), /druk op \*\*Opslaan\*\*/);
    assert.deepEqual((await stores.reports.get(TRAVELLER, 'report-1'))?.answers, {});
    await play(chat, [{ says: 'verder', botShows: [catalogue.questions[0]!.text.nl] }]);
    await play(chat, trip.all.slice(1));
  });

  it('opens from the first question card, the help card and the review card, and saves an older form after the chat moved on', async () => {
    const chat = newChat();
    const help = await chat.say('wat kun je?');
    const fromHelp = await chat.submit(actionData(lastCard(help), 'Alles in één formulier'));
    assert.match(visibleText(fromHelp.at(-1)!), /Verslag buitenlandse dienstreis/);
    const olderForm = lastCard(fromHelp);
    // Back to the chat: the first question's card offers the form again.
    const first = await chat.say('verder');
    assert.match(
      visibleText(first.at(-1)!),
      new RegExp(catalogue.questions[0]!.text.nl.slice(0, 20)),
    );
    const fromQuestion = await chat.submit(actionData(lastCard(first), 'Alles in één formulier'));
    assert.ok(inputsOf(lastCard(fromQuestion)).has('title.answer'));
    await chat.say('stop');
    // Opslaan of the older form, with nothing going on: read, stored, reviewed.
    const saved = await chat.submit(formSubmit(olderForm, sampleInputs(catalogue)));
    const review = lastCard(saved);
    assert.match(visibleText(saved.at(-1)!), /Controleer je verslag/);
    const fromReview = await chat.submit(actionData(review, 'Alles in één formulier'));
    assert.equal(
      inputsOf(lastCard(fromReview)).get('title.answer')?.value,
      sampleAnswer(catalogue.questions[0]!).inputs.answer,
    );
  });

  it('says so when the form of a posted report is saved again, and changes nothing', async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = newChat();
    const form = lastCard(await chat.say('formulier'));
    const submit = formSubmit(form, sampleInputs(catalogue));
    const saved = await chat.submit(submit);
    await chat.submit(actionData(lastCard(saved), 'Plaatsen in kanaal'));
    const before = await stores.reports.get(TRAVELLER, 'report-1');
    const again = await chat.submit(submit);
    assert.match(visibleText(again[0]!), /al geplaatst/);
    assert.deepEqual(await stores.reports.get(TRAVELLER, 'report-1'), before);
    assert.equal((await stores.reports.listByTraveller(TRAVELLER)).length, 1, 'no new draft');
  });
}
