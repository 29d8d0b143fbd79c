import assert from 'node:assert/strict';
import { actionData, cardOf } from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';

describe("The personal chat's serviceUrl, from each activity of the chat", function () {
  const stores = useDialogStores();
  const traveller = 'aad-traveller-1';

  it("moves every report's chat to the serviceUrl the traveller's next activity comes with", async () => {
    await stores.channels.save(reisverslagenChannel);
    const chat = stores.newChat();
    const review = await play(chat, stores.trip.all);
    await chat.submit(actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'));
    await play(chat, stores.trip.upTo('destination'));
    const before = await stores.reports.listByTraveller(traveller);
    assert.deepEqual(
      before.map((report) => report.chat?.serviceUrl),
      ['https://smba.example/emea/', 'https://smba.example/emea/'],
    );

    chat.serviceUrl = 'https://smba.example/amer/';
    await chat.say('help');
    const after = await stores.reports.listByTraveller(traveller);
    assert.deepEqual(
      after.map((report) => report.chat?.serviceUrl),
      ['https://smba.example/amer/', 'https://smba.example/amer/'],
    );
    assert.deepEqual(
      after.map((report) => report.updatedAt),
      before.map((report) => report.updatedAt),
    );

    // Unchanged, it costs no read of the reports.
    let listed = 0;
    const list = stores.reports.listByTraveller.bind(stores.reports);
    stores.reports.listByTraveller = (id) => {
      listed += 1;
      return list(id);
    };
    await chat.say('help');
    assert.equal(listed, 0);
  });
});
