// `npm run bench:conditions`: a card's answer written with its two possible conditions, measured
// against the Cosmos DB–compatible server with a container of drafts of each size:
//   - a filter predicate (`c.interview.seq = n`): the draft must still be at the card's position;
//   - the ETag (If-Match, what CosmosReportStore.answerAtPosition sends): the card carries the
//     draft's ETag, which any other write (a reminder's claim, the chat's serviceUrl) changes
//     too: such a card's answer then goes through the dialogs, one read and write more.
// Azure Cosmos DB checks either on the one document; the compatible server evaluates a predicate
// by scanning the container, so there the predicate grows with the container and the ETag not.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Container, ItemDefinition } from '@azure/cosmos';
import { newDraft, type Report } from '../src/report/report';
import { connectCosmos } from '../src/store/cosmos';
import { CosmosReportStore } from '../src/store/cosmosReportStore';
import { startEmbeddedCosmos } from '../src/store/embeddedCosmos';

const ANSWER = { type: 'shortText', text: 'Wiener Städtedialog 2026' } as const;

/** Drafts of distinct travellers, each at the title question, created in small parallel batches. */
async function seed(container: Container, count: number): Promise<Report[]> {
  const drafts: Report[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, () => ({
      ...newDraft(randomUUID(), { id: randomUUID(), name: 'Reiziger' }, 'nl', new Date()),
      interview: { seq: 1, key: 'title' },
    }));
    await Promise.all(batch.map((draft) => container.items.create(draft)));
    drafts.push(...batch);
  }
  return drafts;
}

/** Milliseconds per write, over `writes` writes spread over the drafts, one after another. */
async function timed(writes: number, write: (index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < writes; index += 1) await write(index);
  return (performance.now() - started) / writes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sizes: { type: 'string', default: '100,1200,10000' }, writes: { type: 'string' } },
  });
  const sizes = values.sizes.split(',').map(Number);
  const writes = Number(values.writes ?? 200);
  const server = await startEmbeddedCosmos();
  const rows: string[] = ['| drafts in the container | predicate, ms a write | ETag, ms a write |'];
  rows.push('| ---: | ---: | ---: |');
  try {
    for (const size of sizes) {
      const db = connectCosmos({
        endpoint: server.endpoint,
        key: server.key,
        databaseName: `conditions-${size}`,
        createIfMissing: true,
      });
      await db.prepare();
      const drafts = await seed(db.reports, size);
      // Each draft answers once a way: its card is then stale, as in the chat.
      const count = Math.min(writes, size);
      const store = new CosmosReportStore(db.reports);
      const etags = new Map<string, string>();
      const predicate = await timed(count, async (index) => {
        const draft = drafts[index]!;
        await db.reports.item(draft.id, draft.travellerId).patch({
          condition: "FROM c WHERE c.status = 'draft' AND c.interview.seq = 1",
          operations: [
            { op: 'set', path: '/answers/title', value: ANSWER },
            { op: 'set', path: '/interview', value: { seq: 2, key: 'destination' } },
          ],
        });
      });
      // The ETags as cards would carry them: after the predicate's writes, before these.
      for (const draft of drafts.slice(0, count)) {
        const { resource } = await db.reports
          .item(draft.id, draft.travellerId)
          .read<ItemDefinition>();
        etags.set(draft.id, String(resource?._etag));
      }
      const etag = await timed(count, async (index) => {
        const draft = drafts[index]!;
        const stored = await store.answerAtPosition({
          travellerId: draft.travellerId,
          id: draft.id,
          key: 'destination',
          answer: ANSWER,
          at: new Date(),
          seq: 2,
          etag: etags.get(draft.id) ?? '',
          next: 'coTravellers',
        });
        if (!stored) throw new Error(`the ETag refused draft ${draft.id}, unchanged since read`);
      });
      rows.push(`| ${size} | ${predicate.toFixed(2)} | ${etag.toFixed(2)} |`);
      db.dispose();
    }
  } finally {
    await server.stop();
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
