#!/usr/bin/env node
// `npm install`'s prepare step: builds dist/ (npm run build) unless it is newer than every source it is
// built from. `npx wirecoder` inside this repository installs the project into npx's cache and runs
// prepare again: without this check that was a full build (10-30 s) with no output before the command ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inputs = ['src', 'test', 'bench', 'web/src', 'web/index.html', 'web/tsconfig.json', 'web/vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
const outputs = ['dist/src/cli/main.js', 'dist/src/index.js', 'dist/web/index.html'];

/** The newest modification time under a file or folder (0 when missing). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

const built = Math.min(...outputs.map((o) => (existsSync(join(root, o)) ? statSync(join(root, o)).mtimeMs : 0)));
const source = Math.max(...inputs.map((i) => newest(join(root, i))));
if (built > source) {
  process.stderr.write('wirecoder: dist/ is newer than its sources: not rebuilt (npm run build forces it)\n');
} else {
  process.stderr.write('wirecoder: building dist/ (npm run build) ...\n');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
