/**
 * `npm run bench:abuse`: the server under hostile coding load.
 *
 *   1. starts `wirecoder serve` on an empty database in a child process (this process makes the load);
 *   2. for --duration seconds, --clients clients (default 20) each post, one after another, adversarial
 *      bodies of up to 2 MiB to POST /api/code: the pathological texts of bench:worst at the API's
 *      longest text (1,000,000 characters; in two-byte scripts and emoji, so that a body is near 2 MiB),
 *      and bodies that break the rules (over 2 MiB, a text over the limit, JSON nested 100,000 deep,
 *      broken JSON);
 *   3. meanwhile one client asks GET /api/health every 20 ms and another reads /api/events and /api/stats
 *      (on this process's main thread; the posting clients run on a thread of their own, so that their
 *      uploads do not delay the health client's own event loop);
 *   4. prints the answers by status, the slowest answer to an adversarial request, the health latency
 *      (p50, p99, max) and the 5xx answers other than 503, with a verdict for each aim: health p99 under
 *      100 ms, every adversarial request answered within 10 s (a result, or a 4xx/503 with a message),
 *      no other 5xx.
 *
 * Options: --duration S (default 30) --clients N (default 20) --workers N (the server's) --json.
 * Exit 0 once it ran (it measures; the verdicts are printed), 2 when it could not start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DEFAULT_BODY_LIMIT as MAX_BODY, MAX_POSTED_TEXT as MAX_TEXT } from '../server/app.js';
import { startServer } from './child.js';
import { fill, worstInputs } from './inputs.js';

interface Body {
  name: string;
  /** The body as sent (JSON text, or not quite). */
  bytes: string;
}

/** The adversarial bodies: pathological texts at the longest allowed length, and bodies over the rules. */
function adversarialBodies(): Body[] {
  const json = (name: string, text: string, extra: Record<string, unknown> = {}): Body => ({ name, bytes: JSON.stringify({ text, ...extra }) });
  const bodies: Body[] = worstInputs(MAX_TEXT).map((w) => json(w.name, w.text.slice(0, MAX_TEXT)));
  bodies.push(
    json('two-byte script, no sentence end', fill('Канада выведет войска из Кандагара ', MAX_TEXT)),
    json('emoji and bidi marks', fill('\u202eCanada 😀 troops \u200f', MAX_TEXT)),
    json('deep HTML page', '<div>'.repeat(150_000) + '<p>Canada said it would pull its troops out.</p>', { format: 'html' }),
    json('text over the limit', 'x'.repeat(MAX_TEXT + 1)),
    { name: 'body over 2 MiB', bytes: JSON.stringify({ text: fill('Canada said it would go. ', MAX_BODY) }) },
    { name: 'JSON nested 100,000 deep', bytes: '{"text":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}' },
    { name: 'broken JSON', bytes: '{"text": "Canada said' + ' it would'.repeat(100_000) },
  );
  return bodies;
}

interface Answer {
  name: string;
  status: number; // 0: no answer (network error or our 30 s timeout)
  ms: number;
  message: boolean;
}

async function post(url: string, body: Body): Promise<Answer> {
  const t0 = performance.now();
  try {
    const r = await fetch(`${url}api/code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.bytes,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await r.text();
    let message = r.ok;
    if (!r.ok) {
      try {
        const parsed = JSON.parse(text) as { message?: unknown };
        message = typeof parsed.message === 'string' && parsed.message.length > 0;
      } catch {
        message = false;
      }
    }
    return { name: body.name, status: r.status, ms: performance.now() - t0, message };
  } catch {
    return { name: body.name, status: 0, ms: performance.now() - t0, message: false };
  }
}

const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const round = (x: number): number => Math.round(x * 10) / 10;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '30' },
      clients: { type: 'string', default: '20' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration);
  const clients = Number(values.clients);
  if (!(duration > 0) || !Number.isInteger(clients) || clients < 1) {
    process.stderr.write('bench:abuse: --duration takes seconds above 0, --clients a whole number ≥ 1\n');
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'wirecoder-abuse-'));
  const kinds = adversarialBodies().length;
  const { url, child } = await startServer(join(dir, 'abuse.db'), values.workers !== undefined ? ['--workers', values.workers] : []);
  try {
    const end = performance.now() + duration * 1000;
    const attackers = new Worker(new URL(import.meta.url), { workerData: { url, clients, duration } });
    const attacked = new Promise<Answer[]>((done, fail) => {
      attackers.once('message', (m: Answer[]) => done(m));
      attackers.once('error', fail);
    });
    const health: number[] = [];
    let healthFailures = 0;
    const monitor = (async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const r = await fetch(`${url}api/health`, { signal: AbortSignal.timeout(10_000) });
          await r.text();
          if (!r.ok) healthFailures++;
        } catch {
          healthFailures++;
        }
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const otherStatuses: number[] = [];
    const reader = (async () => {
      const paths = ['api/events?limit=20', 'api/stats', 'api/events?q=troops', 'api/aggregates/monthly'];
      for (let k = 0; performance.now() < end; k++) {
        try {
          const r = await fetch(`${url}${paths[k % paths.length] ?? 'api/stats'}`, { signal: AbortSignal.timeout(10_000) });
          await r.text();
          otherStatuses.push(r.status);
        } catch {
          otherStatuses.push(0);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const [answers] = await Promise.all([attacked, monitor, reader]);

    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    const slowest = answers.reduce<Answer | null>((m, a) => (m === null || a.ms > m.ms ? a : m), null);
    const unanswered = answers.filter((a) => a.status === 0 || a.ms > 10_000 || (a.status !== 200 && !a.message)).length;
    const bad5xx = answers.filter((a) => a.status >= 500 && a.status !== 503).length + otherStatuses.filter((s) => s >= 500 || s === 0).length;
    const byKind: Record<string, Record<string, number>> = {};
    for (const a of answers) {
      const k = (byKind[a.name] ??= {});
      k[a.status] = (k[a.status] ?? 0) + 1;
    }
    const summary = {
      clients,
      duration_s: duration,
      adversarial_requests: answers.length,
      by_status: byStatus,
      by_kind: byKind,
      slowest_ms: round(slowest?.ms ?? 0),
      slowest_kind: slowest?.name ?? null,
      unanswered_within_10s_or_without_message: unanswered,
      health: { requests: health.length, failures: healthFailures, p50_ms: round(quantile(health, 0.5)), p99_ms: round(quantile(health, 0.99)), max_ms: round(Math.max(0, ...health)) },
      other_requests: otherStatuses.length,
      other_5xx: bad5xx,
    };
    const verdicts = [
      [`GET /api/health p99 ${summary.health.p99_ms} ms (aim < 100)`, summary.health.p99_ms < 100 && healthFailures === 0],
      [`adversarial requests answered within 10 s with a result or a message: ${answers.length - unanswered} of ${answers.length}`, unanswered === 0],
      [`5xx other than 503: ${bad5xx}`, bad5xx === 0],
    ] as const;
    if (values.json) process.stdout.write(JSON.stringify({ ...summary, pass: verdicts.every(([, ok]) => ok) }) + '\n');
    else {
      const lines = [
        `${clients} clients posting ${kinds} kinds of adversarial body (up to 2 MiB) to POST /api/code for ${duration} s: ${answers.length} requests`,
        `answers by status: ${Object.entries(byStatus).map(([s, n]) => `${s}: ${n}`).join(', ')}`,
        ...Object.entries(byKind).map(([k, st]) => `  ${k.padEnd(34)} ${Object.entries(st).map(([s, n]) => `${s}×${n}`).join(' ')}`),
        `slowest answer: ${summary.slowest_ms} ms (${summary.slowest_kind ?? "-"}, status ${slowest?.status ?? "-"})`,
        `GET /api/health: ${health.length} requests, p50 ${summary.health.p50_ms} ms, p99 ${summary.health.p99_ms} ms, max ${summary.health.max_ms} ms, failures ${healthFailures}`,
        `other reads (/api/events, /api/stats, ...): ${otherStatuses.length}, 5xx or no answer: ${otherStatuses.filter((s) => s >= 500 || s === 0).length}`,
        ...verdicts.map(([what, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${what}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    }
    return 0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The posting clients, on a thread of their own: they post until the time is up, then send their answers. */
async function attack(url: string, clients: number, duration: number): Promise<Answer[]> {
  const bodies = adversarialBodies();
  const end = performance.now() + duration * 1000;
  const answers: Answer[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let k = c; performance.now() < end; k++) answers.push(await post(url, bodies[k % bodies.length] as Body));
    }),
  );
  return answers;
}

if (!isMainThread) {
  const { url, clients, duration } = workerData as { url: string; clients: number; duration: number };
  void attack(url, clients, duration).then((answers) => parentPort?.postMessage(answers));
} else main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench:abuse: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
