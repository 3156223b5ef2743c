/**
 * `wirecoder serve [--db FILE] [--port N] [--host H] [--web DIR] [--ingest PATH...]`: the HTTP API and
 * the web app over an embedded store. With --ingest, the paths are ingested first (idempotent: stories
 * already stored are skipped), which is what `npm start` does with the example stories.
 *
 * The write token comes from WIRECODER_TOKEN, or is generated on first start, kept in the store and
 * printed; `wirecoder token --db FILE` prints it again.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { EventStore } from '../store/types.js';
import type { Io } from './main.js';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  /** Built web app folder; default: the package's dist/web. */
  web?: string;
  dictionaries?: string;
  /** Ingest these paths before serving. */
  ingest: string[];
  bodyLimit?: number;
  /** Coding threads (default: one per core but one, kept for answering); 0 codes in the server's own thread (no budget then). */
  workers?: number;
  /** Longest one story codes on a thread, ms (default DEFAULT_STORY_BUDGET_MS): past it 422. */
  budgetMs?: number;
  /** Longest POST /api/code waits for a thread, ms (default DEFAULT_CODE_WAIT_MS): past it 503. */
  codeWaitMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Resolves when the server should stop (tests); default: SIGINT / SIGTERM. */
  until?: Promise<void>;
}

/** The package's built web app (dist/web beside dist/src). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../web/', import.meta.url));
}

const TOKEN_KEY = 'write_token';

/** The write token: the environment's, else the store's, else a new one kept in the store. */
export function writeToken(store: EventStore, env: NodeJS.ProcessEnv): { token: string; from: 'env' | 'store' | 'generated' } {
  const fromEnv = env['WIRECODER_TOKEN'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { token: fromEnv.trim(), from: 'env' };
  const kept = store.getMeta(TOKEN_KEY);
  if (kept !== null) return { token: kept, from: 'store' };
  const token = randomBytes(24).toString('base64url');
  store.setMeta(TOKEN_KEY, token);
  return { token, from: 'generated' };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function runServe(options: ServeOptions, io: Io): Promise<number> {
  const say = (line: string): void => {
    io.stderr.write(`wirecoder: ${line}\n`);
  };
  const { openSqliteStore } = await import('../store/sqlite.js');
  const { coderFingerprint } = await import('../store/fingerprint.js');
  const { ingest, ingestStories } = await import('../store/ingest.js');
  const { defaultDictionariesDir } = await import('../actors/dictionary.js');
  let store: EventStore;
  try {
    store = openSqliteStore(options.db);
  } catch (e) {
    say(`error: cannot open ${options.db}: ${message(e)}`);
    return 2;
  }
  const dictionaries = options.dictionaries ?? defaultDictionariesDir();
  const fingerprint = coderFingerprint(dictionaries);
  // coding happens on worker threads: the server's event loop only answers
  const { createCoderPool, defaultServerThreads, inProcess } = await import('../pool/pool.js');
  const coder =
    options.workers === 0
      ? inProcess(() => import('../coder.js').then(({ createCoder }) => createCoder(options.dictionaries !== undefined ? { dictionaries: options.dictionaries } : {})))
      : createCoderPool({
          ...(options.dictionaries !== undefined ? { dictionaries: options.dictionaries } : {}),
          threads: options.workers ?? defaultServerThreads(),
          ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
        });

  let exit = 0;
  if (options.ingest.length > 0) {
    try {
      const summary = await ingest(options.ingest, {
        store,
        coder,
        fingerprint,
        onProblem: (m: string) => say(m),
      });
      say(`ingested ${options.ingest.join(' ')}: ${summary.stored} stored, ${summary.unchanged} already stored, ${summary.recoded} re-coded, ${summary.problems} problems`);
      if (summary.problems > 0) exit = 1;
    } catch (e) {
      say(`error: ingest failed: ${message(e)}`);
      store.close();
      await coder.close();
      return 2;
    }
  }

  const { token, from } = writeToken(store, options.env ?? process.env);
  if (from === 'generated') say(`write token (generated, kept in ${options.db}; set WIRECODER_TOKEN to choose one): ${token}`);
  else if (from === 'store') say(`write token: kept in ${options.db} (wirecoder token --db ${options.db} prints it)`);

  const { buildServer } = await import('../server/app.js');
  const webRoot = options.web ?? defaultWebRoot();
  const serverOptions: import('../server/app.js').ServerOptions = {
    store,
    coder,
    storeStories: (stories) => ingestStories(stories, store, coder, fingerprint),
    token,
    webRoot,
  };
  if (options.bodyLimit !== undefined) serverOptions.bodyLimit = options.bodyLimit;
  if (options.codeWaitMs !== undefined) serverOptions.codeWaitMs = options.codeWaitMs;
  const app = await buildServer(serverOptions);
  let address: string;
  try {
    address = await app.listen({ port: options.port, host: options.host });
  } catch (e) {
    say(`error: cannot listen on ${options.host}:${options.port}: ${message(e)}`);
    store.close();
    await coder.close();
    return 2;
  }
  const url = address.replace('://[::1]', '://localhost') + '/';
  io.stdout.write(`wirecoder: serving ${url} (API ${url}api/openapi.json; stop with Ctrl+C)\n`);
  // start a worker and its coder now, so the first paste does not wait for it
  coder.code([{ id: 'warm-up', text: 'Warm-up.', date: null, origin: { file: 'serve' } }]).catch((e: unknown) => say(`error: cannot load the coder: ${message(e)}`));

  await (options.until ??
    new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      process.once('SIGTERM', () => done());
    }));
  await app.close();
  await coder.close();
  store.close();
  return exit;
}

/** `wirecoder token --db FILE`: prints the kept write token. */
export async function runToken(db: string, io: Io): Promise<number> {
  const { openSqliteStore } = await import('../store/sqlite.js');
  const { existsSync } = await import('node:fs');
  if (!existsSync(db)) {
    io.stderr.write(`wirecoder: error: no database ${db}\n`);
    return 2;
  }
  const store = openSqliteStore(db);
  try {
    const t = store.getMeta(TOKEN_KEY);
    if (t === null) {
      io.stderr.write(`wirecoder: ${db} has no write token yet (serve generates one, or set WIRECODER_TOKEN)\n`);
      return 1;
    }
    io.stdout.write(t + '\n');
    return 0;
  } finally {
    store.close();
  }
}
