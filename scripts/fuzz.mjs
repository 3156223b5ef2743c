#!/usr/bin/env node
// `npm run fuzz [-- N]`: the fuzz suite (test/fuzz/) with N generated cases per property (default 100,000;
// `npm test` runs 150). Prints the runner's summary; exits non-zero on any crash, failure or hang.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv[2] ?? '100000';
if (!/^\d+$/.test(arg) || Number(arg) < 1) {
  process.stderr.write(`fuzz: expected a number of cases, got "${arg}"\n`);
  process.exit(2);
}
const started = Date.now();
const child = spawn(process.execPath, ['--test', '--test-reporter=spec', join(root, 'dist', 'test', 'fuzz')], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: arg },
});
child.on('exit', (code, signal) => {
  process.stderr.write(`fuzz: ${arg} cases per property, ${Math.round((Date.now() - started) / 1000)} s, ${code === 0 ? 'no failures' : `failed (${signal ?? code})`}\n`);
  process.exit(code ?? 1);
});
