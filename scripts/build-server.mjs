// Compiles apps/server, apps/worker and libs with swc into dist/ as CommonJS.
// Node 20.19+ loads the ESM-only NestJS 12 packages through require(esm), so one
// CommonJS build serves both the runtime and Jest (which uses @swc/jest the same way).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync('dist/apps/server', { recursive: true, force: true });
rmSync('dist/apps/worker', { recursive: true, force: true });
rmSync('dist/libs', { recursive: true, force: true });
execFileSync(
  'npx',
  [
    'swc',
    'apps/server/src',
    'apps/worker/src',
    'libs',
    '-d',
    'dist',
    '--config-file',
    '.swcrc',
    '--ignore',
    '**/*.spec.ts,**/*-test-support.ts',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
