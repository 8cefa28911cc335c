// Small HTTP helpers; every request goes to 127.0.0.1 and carries a time limit.
import { request } from 'node:http';
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Resolves { status, headers, body }; rejects on a network error or after timeoutMs. */
export function call(port, method, path, { headers = {}, body, timeoutMs = 5_000 } = {}) {
  return new Promise((resolveCall, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      {
        host: HOST,
        port,
        method,
        path,
        headers: payload ? { ...headers, 'content-type': 'application/json', 'content-length': payload.length } : headers,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolveCall({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs in once and returns the `artc_session=<token>` cookie pair. */
export async function signIn(port, email, password) {
  const res = await call(port, 'POST', '/api/v1/auth/login', {
    headers: { 'x-requested-with': 'art-commons' },
    body: { email, password },
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${res.body.slice(0, 300)}`);
  const setCookie = [res.headers['set-cookie'] ?? []].flat();
  const pair = setCookie.map((line) => line.split(';')[0]).find((p) => p.startsWith('artc_session='));
  if (!pair) throw new Error('sign-in set no artc_session cookie');
  return pair;
}
