import type { Container, ItemDefinition } from '@azure/cosmos';
import type { Report } from '../report/report';
import { storeError } from '../store/cosmosErrors';
import { withoutSystemProperties } from '../store/documents';

/** Reports read a page at a time: few enough to keep memory flat, many enough to be quick. */
const PAGE_SIZE = 100;

/**
 * Every posted report in the `reports` container, a page at a time (drafts are no public
 * record). Crosses partitions: for exports, never on a turn's path.
 */
export async function* postedReports(container: Container): AsyncGenerator<Report[]> {
  const pages = container.items.query<ItemDefinition>(
    {
      query: 'SELECT * FROM c WHERE c.status = @posted',
      parameters: [{ name: '@posted', value: 'posted' }],
    },
    { maxItemCount: PAGE_SIZE },
  );
  while (pages.hasMoreResults()) {
    let resources: ItemDefinition[];
    try {
      ({ resources } = await pages.fetchNext());
    } catch (error) {
      throw storeError('reading the posted reports', error);
    }
    const page = resources
      .map((resource) => withoutSystemProperties(resource) as unknown as Report)
      // The compatible server may not filter as asked; a draft must never be published.
      .filter((report) => report.status === 'posted');
    if (page.length > 0) yield page;
  }
}
