import { SearchIndexer } from '@app/search';
import type { TestApp } from '../../support/test-app';
import { searchContract } from './search-contract';

const meiliUrl = process.env.MEILI_URL;
// Runs where a Meilisearch server is reachable (MEILI_URL, and MEILI_KEY if it needs one); the global setup says so when skipped.
const describeWithMeili: jest.Describe = meiliUrl ? describe : describe.skip;

describeWithMeili('search contract: Meilisearch (MEILI_URL)', () => {
  searchContract({
    engine: 'meilisearch',
    env: { MEILI_URL: meiliUrl ?? '', ...(process.env.MEILI_KEY ? { MEILI_KEY: process.env.MEILI_KEY } : {}) },
    // What was written reaches the index through the outbox; draining it here waits for Meilisearch's tasks.
    settle: async (t: TestApp) => {
      await t.app.get(SearchIndexer).drainAll();
    },
  });
});
