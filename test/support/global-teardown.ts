export default async function globalTeardown(): Promise<void> {
  await globalThis.__ART_EMBEDDED_PG__?.stop();
}
