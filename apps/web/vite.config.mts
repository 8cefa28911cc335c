import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));
// The API server in development; `vite` alone serves the client and forwards API and socket traffic.
const apiTarget = process.env.ART_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  // Devtools and prefresh stay dev-only; the preset switches to oxc's JSX transform on vite 8.
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Keeps source maps out of the served bundle; the budget counts what a browser downloads.
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
      '/realtime': { target: apiTarget, ws: true },
    },
  },
});
