import { InMemoryReportStore } from '../../src/store/memoryReportStore';
import { registerQueriesContract } from './registerQueries.contract';
import { reportStoreContract } from './reportStore.contract';

describe('InMemoryReportStore', () => {
  describe('ReportStore contract', () => {
    reportStoreContract(() => new InMemoryReportStore());
  });
  describe('register queries', () => {
    registerQueriesContract(() => new InMemoryReportStore());
  });
});
