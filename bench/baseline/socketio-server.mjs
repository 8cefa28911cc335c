// The floor the chat figures are measured against: a bare socket.io server (the app's socket.io version, the
// app's path and frame limit) on plain node:http. No sign-in, no checks, no database: `chat:join` puts the socket
// in the room, `chat:send` numbers the message in memory and broadcasts it to the whole room, sender included, as
// the app does. What remains between the two is the app's work per message: validation, access checks,
// Markdown rendering, the numbered write to PostgreSQL, and the Nest gateway around it.
// Env: PORT, HOST (127.0.0.1).
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  const ready = req.url === '/health/ready';
  res.writeHead(ready ? 200 : 404, { 'content-type': 'application/json' });
  res.end(ready ? '{"status":"ok"}' : '{"error":"not found"}');
});
const io = new Server(http, { path: '/realtime', serveClient: false, maxHttpBufferSize: 64 * 1024, cors: { origin: false } });

const lastSeq = new Map();
const room = (roomId) => `chat:${roomId}`;

io.on('connection', (socket) => {
  socket.on('chat:join', (body, ack) => {
    if (typeof body?.roomId !== 'string') return ack?.({ ok: false, code: 'VALIDATION_FAILED' });
    socket.join(room(body.roomId));
    ack?.({ ok: true });
  });
  socket.on('chat:send', (body, ack) => {
    if (typeof body?.roomId !== 'string' || typeof body.body !== 'string') return ack?.({ ok: false, code: 'VALIDATION_FAILED' });
    const seq = (lastSeq.get(body.roomId) ?? 0) + 1;
    lastSeq.set(body.roomId, seq);
    const message = { roomId: body.roomId, seq, body: body.body, createdAt: new Date().toISOString() };
    io.to(room(body.roomId)).emit('chat:message', message);
    ack?.({ ok: true, message });
  });
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => process.stdout.write('baseline ready\n'));
