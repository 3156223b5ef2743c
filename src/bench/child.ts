/** `wirecoder serve` in a child process for the API benchmarks (bench:api, bench:abuse). */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const bin = resolve(root, 'bin', 'wirecoder.js');

/** Starts `wirecoder serve --db DB --port 0 [extra]`; resolves with its URL once it listens. */
export function startServer(db: string, extra: readonly string[] = []): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', ...extra], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, WIRECODER_TOKEN: 'bench-token' },
    });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /(http:\/\/[^\s/]+\/)/.exec(out);
      if (m?.[1] !== undefined) done({ url: m[1], child });
    });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening`)));
  });
}
