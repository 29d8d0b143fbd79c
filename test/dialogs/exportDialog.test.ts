import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { actionData, cardOf, visibleText, type ChatTester } from './chatTester';
import { play, reisverslagenChannel, useDialogStores } from './script';
import type { Catalogue } from '../../src/report/catalogue';
import { productCatalogue } from '../support/catalogue';

const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';

/** The file consent card of a reply, if it is one. */
function consentOf(
  activity: Partial<Activity>,
):
  | { name: string; content: { sizeInBytes: number; acceptContext: { reportId: string } } }
  | undefined {
  const attachment = activity.attachments?.find((a) => a.contentType === FILE_CONSENT);
  return attachment as ReturnType<typeof consentOf>;
}

describe('ExportDialog: a posted report as a Word file', function () {
  exportDialogTests(productCatalogue);
});

/** The Word file tests on a catalogue: the product's above, others in extraQuestion.test.ts. */
export function exportDialogTests(catalogue: Catalogue): void {
  const stores = useDialogStores(catalogue);

  /** A traveller whose Vienna report is in the channel; the confirmation's reply. */
  async function postedChat(
    locale?: string,
  ): Promise<{ chat: ChatTester; posted: Partial<Activity> }> {
    await stores.channels.save(reisverslagenChannel);
    const chat = stores.newChat(locale ? { locale } : {});
    const review = await play(chat, stores.trip.all);
    const [posted] = await chat.submit(actionData(cardOf(review.at(-1)!)!, 'Plaatsen in kanaal'));
    return { chat, posted: posted! };
  }

  it('offers the only posted report with a file consent card for its .docx', async () => {
    const { chat } = await postedChat();
    const replies = await chat.say('exporteer');
    assert.equal(replies.length, 1);
    const consent = consentOf(replies[0]!);
    assert.ok(consent, 'a file consent card');
    assert.match(consent.name, /^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.docx$/);
    assert.ok(consent.content.sizeInBytes > 1000);
    assert.deepEqual(consent.content.acceptContext, { reportId: 'report-1' });
  });

  it('offers it from Downloaden als Word on the confirmation, in English for an en-US client', async () => {
    const { posted } = await postedChat();
    const data = actionData(cardOf(posted)!, 'Downloaden als Word');
    assert.deepEqual(data, { action: 'download', reportId: 'report-1' });
    // The same traveller, now on a Teams client in English.
    const [reply] = await stores.newChat({ locale: 'en-US' }).submit(data);
    assert.match(
      String((reply?.attachments?.[0]?.content as { description?: string }).description),
      /as a Word document, in the layout of the form\.$/,
    );
  });

  it("refuses another traveller's report id: no file is offered", async () => {
    await postedChat();
    const colleague = stores.newChat({
      user: { id: '29:colleague', name: 'Collega Tim', aadObjectId: 'aad-colleague' },
    });
    const replies = await colleague.submit({ action: 'download', reportId: 'report-1' });
    assert.equal(replies.length, 1);
    assert.equal(consentOf(replies[0]!), undefined);
    assert.match(
      visibleText(replies[0]!),
      /alleen het Word-bestand van je eigen geplaatste verslagen/,
    );
  });

  it('offers no draft: a report still being written has no file yet', async () => {
    const chat = stores.newChat();
    await chat.say('nieuw verslag');
    const replies = await chat.say('exporteer');
    assert.equal(consentOf(replies[0]!), undefined);
    assert.match(visibleText(replies[0]!), /nog geen geplaatst verslag om te downloaden/);
  });
}
