import { Writable } from 'node:stream';
import { buildUser } from '@app/testing';
import { Client, startTestApp, type TestApp } from '../support/test-app';

/** Collects the JSON lines the server logs, as an operator's log pipeline would receive them. */
class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

describe('structured logs', () => {
  let t: TestApp;
  const capture = new LogCapture();
  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info' }, { logDestination: capture });
  });
  afterAll(() => t.close());

  it('writes JSON lines that all carry the request id of the request being handled', async () => {
    const user = await buildUser(t.db);
    const response = await new Client(t.url).post('/api/v1/auth/login', { email: user.email, password: 'not the password' });
    expect(response.status).toBe(401);
    const requestId = response.headers['x-request-id'];
    expect(response.body.requestId).toBe(requestId);
    const lines = capture.lines.filter((line) => line.requestId === requestId || line.reqId === requestId);
    // Fastify's request lines plus the service's own warning, all tied to this request.
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['sign-in failed', 'request completed']));
    const serviceLine = lines.find((line) => line.msg === 'sign-in failed')!;
    expect(serviceLine).toMatchObject({ level: 'warn', context: 'AuthService', requestId });
  });

  it('never logs passwords, cookies or bearer tokens', async () => {
    const user = await buildUser(t.db);
    await new Client(t.url).post('/api/v1/auth/login', { email: user.email, password: user.password });
    await new Client(t.url, 'artc_session=as_secretcookievalue')
      .get('/api/v1/me')
      .set('Authorization', 'Bearer at_secrettokenvalue');
    const everything = JSON.stringify(capture.lines);
    expect(everything).not.toContain(user.password);
    expect(everything).not.toContain('as_secretcookievalue');
    expect(everything).not.toContain('at_secrettokenvalue');
  });
});
