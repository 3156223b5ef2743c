/** Spawns the real CLI (bin/wirecoder.js) and collects its output. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { stdin?: string | Buffer; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'wirecoder.js'), ...args], {
      cwd: options.cwd ?? repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {}); // the CLI may not read stdin at all
    child.stdin.end(options.stdin ?? '');
  });
}

export const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');
