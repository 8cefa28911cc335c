// The digest figures' baseline, as a child process of the harness (one process, as one worker is): sends `count`
// pre-rendered messages (stored digests of the app's own run, taken in turn) straight through nodemailer to the
// sink, pooled as the app's MailTransport is, with `concurrency` sends in flight as the workers' job slots allow.
// Protocol (IPC): the parent sends { type: 'run', config }; this process answers { type: 'result', result } or
// { type: 'error', message }.
import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';

async function run({ smtpUrl, messagesFile, count, concurrency, maxConnections, from }) {
  const messages = JSON.parse(readFileSync(messagesFile, 'utf8'));
  if (messages.length === 0) throw new Error('no sample messages to send');
  const transport = createTransport({ url: smtpUrl, pool: true, maxConnections });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      const k = next;
      next += 1;
      const m = messages[k % messages.length];
      try {
        await transport.sendMail({
          from,
          to: m.to,
          subject: m.subject,
          html: m.html,
          text: m.text,
          // A fresh id per message, as every stored mail has its own.
          messageId: `baseline.${k}.${m.messageId}`,
          headers: m.headers,
        });
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  transport.close();
  return {
    count,
    failed,
    concurrency,
    maxConnections,
    sampleMessages: messages.length,
    wallMs: Math.round(wallMs),
    messagesPerSecond: Number(((count / wallMs) * 1000).toFixed(1)),
    cpuPercentOfOneCore: Number((((cpu.user + cpu.system) / 1000 / wallMs) * 100).toFixed(1)),
  };
}

process.once('message', (message) => {
  if (message?.type !== 'run') return;
  run(message.config).then(
    (result) => process.send({ type: 'result', result }, () => process.exit(0)),
    (error) => process.send({ type: 'error', message: error?.stack ?? String(error) }, () => process.exit(1)),
  );
});
