import { InMemoryReportStore } from '../../src/store/memoryReportStore';
import { reportStoreContract } from './reportStore.contract';

describe('InMemoryReportStore', () => {
  describe('ReportStore contract', () => {
    reportStoreContract(() => new InMemoryReportStore());
  });
});
