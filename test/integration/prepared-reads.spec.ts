import { pageSizeLiteral, PreparedReads } from '@app/database';
import { testDatabaseUrl } from '../support/test-database';

describe('PreparedReads (the hot-read pool, real PostgreSQL)', () => {
  let reads: PreparedReads;

  beforeAll(async () => {
    // One connection, so every statement below meets the same server session.
    reads = new PreparedReads({ url: await testDatabaseUrl(), poolSize: 1 });
  });

  afterAll(() => reads.onApplicationShutdown());

  it('binds values and returns rows', async () => {
    const rows = await reads.rows<{ n: number; word: string }>('SELECT $1::int + 1 AS n, $2::text AS word', [41, 'ok']);
    expect(rows).toEqual([{ n: 42, word: 'ok' }]);
  });

  it('runs its connections on generic plans', async () => {
    const [mine] = await reads.rows<{ mode: string }>("SELECT current_setting('plan_cache_mode') AS mode", []);
    expect(mine.mode).toBe('force_generic_plan');
  });

  it('prepares each distinct text once per connection, under one name', async () => {
    const text = 'SELECT $1::int * 2 AS doubled';
    for (const n of [1, 2, 3]) expect(await reads.rows(text, [n])).toEqual([{ doubled: n * 2 }]);
    const prepared = await reads.rows<{ name: string; generic_plans: string }>(
      "SELECT name, generic_plans FROM pg_prepared_statements WHERE statement = 'SELECT $1::int * 2 AS doubled'",
      [],
    );
    expect(prepared).toHaveLength(1);
    expect(prepared[0].name).toMatch(/^artc_read_\d+$/);
    expect(Number(prepared[0].generic_plans)).toBe(3);
  });

  it('opens the pool again after a shutdown', async () => {
    await reads.onApplicationShutdown();
    expect(await reads.rows('SELECT 7 AS seven', [])).toEqual([{ seven: 7 }]);
  });

  it('writes only whole page sizes from 1 to 1000 into a statement', () => {
    expect(pageSizeLiteral(31)).toBe('31');
    for (const bad of [0, -1, 1.5, 1001, Number.NaN]) expect(() => pageSizeLiteral(bad)).toThrow('Unexpected page size');
  });
});
