import { searchContract } from './search-contract';

describe('search contract: PostgreSQL full text (the default engine)', () => {
  searchContract({ engine: 'postgres' });
});
