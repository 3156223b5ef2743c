/**
 * The wirecoder command line.
 *
 *   wirecoder code [inputs...] [--format jsonl|json|tsv|table|explain] [--input auto|text|reuters|jsonl]
 *                  [--date YYYY-MM-DD] [--explain] [--dictionaries DIR] [--output FILE]
 *   wirecoder bench [DIR] [--limit N] [--json] [--dictionaries DIR]
 *   wirecoder validate FILE.xml --dictionaries DIR [--verbose] [--min-pass FRACTION]
 *   wirecoder ingest PATH... [--db FILE] [--input FMT] [--date D] [--dictionaries DIR] [--limit N] [--workers N] [--budget S]
 *   wirecoder stats [--db FILE] [--json]
 *   wirecoder serve [--db FILE] [--port N] [--host H] [--web DIR] [--ingest PATH...] [--max-body BYTES] [--workers N]
 *                   [--budget S] [--code-wait S]
 *   wirecoder token [--db FILE]
 *
 *   wirecoder --version | --help | COMMAND --help          (load no dictionaries)
 *
 * `code` with no input says "no stories in INPUT" on stderr (exit 0); with no input argument on a
 * terminal it prints its usage and exits 2 rather than wait for typing ("-" reads the terminal).
 *
 * Exit codes: 0 all inputs read; 1 some input had a problem (reported on stderr as
 * `wirecoder: FILE:LINE: message`, the rest still coded); 2 usage error or nothing could start
 * (bad option, coder failed to load, output not writable). `validate`: 0 ran; 1 fewer records passed than
 * --min-pass asks; 2 the file or the dictionaries could not be read. `ingest` and `stats`: see ingest.ts.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Coder } from '../coder.js';
import type { BenchOptions } from '../bench/bench.js';
import { INPUT_FORMATS, isInputProblem, isInputWarning, normaliseDate, problemLocation, readInputBatches } from '../ingest/index.js';
import type { IngestItem, InputFormat } from '../ingest/index.js';
import { createFormatter, formatExplain, FORMAT_NAMES, oneLine } from '../output/index.js';
import type { FormatName, FormatOptions } from '../output/index.js';
import { Sink } from '../output/sink.js';
import type { StoryInput, StoryResult } from '../types.js';

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Base for relative default paths (bench corpus); default process.cwd(). */
  cwd?: string;
  /** Terminal width for the table format. */
  columns?: number;
}

export interface CodeOptions {
  format: FormatName;
  input: InputFormat;
  date: string | null;
  explain: boolean;
  dictionaries?: string;
  output?: string;
  /** Use this coder instead of loading one (tests, embedding). */
  coder?: Coder;
}

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_FATAL = 2;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function parseDateOption(value: string): string {
  const d = normaliseDate(value);
  if (d === null || !/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return d;
}

function parsePort(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new InvalidArgumentError('expected a port number 0..65535');
  return n;
}

/** A time in seconds (a positive number, e.g. 5 or 0.5), as milliseconds. */
function parseSeconds(value: string): number {
  const v = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(v > 0)) throw new InvalidArgumentError('expected a number of seconds above 0');
  return Math.round(v * 1000);
}

function parseLimit(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number (0 = all)');
  return Number(value);
}

/** Whether a stream is an interactive terminal. */
function isTerminal(stream: Readable): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}

/** The package's version, from its package.json (dist/src/cli/ is three levels below it). */
function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // reported below
  }
  return 'unknown (package.json not found)';
}

/** How the inputs are named in a message: their paths, or standard input. */
function inputNames(inputs: readonly string[]): string {
  const names = inputs.length === 0 ? ['-'] : inputs;
  return names.map((n) => (n === '-' ? 'standard input' : n)).join(', ');
}

/** Opens --output FILE, resolving once it is writable (or rejecting with the open error). */
async function openOutput(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  await new Promise<void>((ok, fail) => {
    stream.once('open', () => ok());
    stream.once('error', fail);
  });
  return stream;
}

/** `wirecoder code`: read, code, format, stream out. Returns the exit code. */
export async function runCode(inputs: readonly string[], options: CodeOptions, io: Io): Promise<number> {
  const err = (line: string): void => {
    io.stderr.write(`wirecoder: ${line}\n`);
  };
  const explain = options.explain || options.format === 'explain';
  // The coder is loaded when the first story arrives: empty input, or input that is all problems, never
  // pays for (or depends on) the dictionaries.
  let coder: Coder | null = options.coder ?? null;
  let coderFailed = false;
  const getCoder = async (): Promise<Coder | null> => {
    if (coder !== null || coderFailed) return coder;
    try {
      const coderOptions: { explain: boolean; dictionaries?: string } = { explain };
      if (options.dictionaries !== undefined) coderOptions.dictionaries = options.dictionaries;
      coder = await (await import('../coder.js')).createCoder(coderOptions);
      // dictionary errors always (the line was skipped); warnings (read as PETRARCH read them) with --explain
      for (const p of coder.info.dictionaryProblems ?? []) if (explain || p.includes(': error: ')) err(p);
      if (explain) {
        const i = coder.info;
        const petr = i.petrarchLoadMs !== undefined ? `; PETRARCH dictionaries read and compiled in ${i.petrarchLoadMs} ms` : '';
        err(`coder loaded in ${i.loadMs} ms (${i.dictionaries}: ${i.verbRules} verb rules${petr})`);
      }
    } catch (e) {
      coderFailed = true;
      err(`error: cannot load the coder: ${message(e)}`);
    }
    return coder;
  };
  let target: Writable = io.stdout;
  if (options.output !== undefined) {
    try {
      target = await openOutput(options.output);
    } catch (e) {
      err(`error: cannot write ${options.output}: ${message(e)}`);
      return EXIT_FATAL;
    }
  }
  const out = new Sink(target);
  const formatOptions: FormatOptions = { explain: options.explain, width: io.columns ?? 120 };
  if (options.format === 'table') {
    const names = await cameoNames(options.dictionaries);
    if (names !== null) formatOptions.cameoName = names;
  }
  const formatter = createFormatter(options.format, formatOptions);
  // Explanations of machine-readable formats go to stderr so stdout stays parseable.
  const explainToStderr = options.explain && (options.format === 'jsonl' || options.format === 'tsv');

  let problems = 0;
  let stories = 0;
  let started = false;
  /** Handles one story or problem; false once output can no longer be written. */
  const handle = async (item: IngestItem): Promise<boolean> => {
    if (isInputProblem(item)) {
      if (isInputWarning(item)) err(`warning: ${problemLocation(item)}: ${item.message}`);
      else {
        problems += 1;
        err(`${problemLocation(item)}: ${item.message}`);
      }
      return true;
    }
    stories += 1;
    const loaded = await getCoder();
    if (loaded === null) return false;
    const result = codeOne(loaded, item);
    if (typeof result === 'string') {
      problems += 1;
      err(`${problemLocation(item.origin)}: coding "${item.id}" failed: ${result}`);
      return true;
    }
    for (const w of result.warnings) err(`warning: ${result.doc}: ${oneLine(w)}`);
    if (!started) {
      started = true;
      await out.write(formatter.begin());
    }
    await out.write(formatter.story(result));
    if (explainToStderr) io.stderr.write(formatExplain(result));
    return !out.closed; // the reader went away (EPIPE) or the output failed
  };

  const readOptions = { input: options.input, date: options.date, stdin: io.stdin };
  reading: for await (const batch of readInputBatches(inputs.length === 0 ? ['-'] : inputs, readOptions)) {
    for (const item of batch) if (!(await handle(item))) break reading;
  }
  // nothing at all to code is said, not an error: an empty file, directory or stream
  if (stories === 0 && problems === 0) err(`no stories in ${inputNames(inputs)}`);
  if (started) await out.write(formatter.end());
  if (options.output !== undefined) await out.end();
  if (out.error !== null) {
    err(`error: writing output: ${out.error.message}`);
    return EXIT_FATAL;
  }
  if (coderFailed) return EXIT_FATAL;
  return problems > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** Short CAMEO names for the table, from the dictionaries' cameo.tsv; null when unavailable. */
async function cameoNames(dictionaries: string | undefined): Promise<((code: string) => string | null) | null> {
  try {
    const { loadCameoTable } = await import('../events/cameo.js');
    const { defaultDictionariesDir } = await import('../actors/dictionary.js');
    const table = loadCameoTable(join(dictionaries ?? defaultDictionariesDir(), 'cameo.tsv'));
    return (code) => table.get(code)?.name ?? null;
  } catch {
    return null;
  }
}

function codeOne(coder: Coder, story: StoryInput): StoryResult | string {
  try {
    return coder.codeStory(story);
  } catch (e) {
    return message(e);
  }
}

/** `wirecoder bench`. */
export async function runBenchCommand(
  dir: string | undefined,
  options: { limit: number | null; json: boolean; dictionaries?: string },
  io: Io,
): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const corpus = dir === undefined ? resolve(cwd, '..', 'shared', 'corpus', 'reuters-2008') : resolve(cwd, dir);
  if (!existsSync(corpus)) {
    io.stderr.write(`wirecoder: bench: no corpus at ${corpus}${dir === undefined ? ' (give a DIR)' : ''}\n`);
    return EXIT_FATAL;
  }
  const log = (line: string): void => {
    io.stderr.write(line + '\n');
  };
  const benchOptions: BenchOptions = { dir: corpus, limit: options.limit, log };
  if (options.dictionaries !== undefined) benchOptions.dictionaries = options.dictionaries;
  try {
    const { benchJson, benchReport, runBench } = await import('../bench/bench.js');
    const result = await runBench(benchOptions);
    const out = new Sink(io.stdout);
    if (!options.json) await out.write(benchReport(result));
    else await out.write(benchJson(result) + '\n');
    return EXIT_OK;
  } catch (e) {
    io.stderr.write(`wirecoder: bench: ${message(e)}\n`);
    return EXIT_FATAL;
  }
}

function parseFraction(value: string): number {
  const v = value.trim();
  const n = Number(v);
  if (v === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a fraction between 0 and 1');
  return n;
}

/** `wirecoder validate`: report on stdout; exit 1 below --min-pass, 2 when it cannot start. */
export async function runValidateCommand(
  file: string,
  options: { dictionaries: string; verbose: boolean; minPass: number | null },
  io: Io,
): Promise<number> {
  const out = new Sink(io.stdout); // remembers a closed pipe or a write error
  const print = (line: string): void => {
    if (!out.closed) io.stdout.write(line + '\n');
  };
  try {
    const { runValidate, ValidateError } = await import('./validate.js');
    let r: { passed: number; failed: number };
    try {
      r = await runValidate(file, { dictionaries: options.dictionaries, verbose: options.verbose }, print);
    } catch (e) {
      if (!(e instanceof ValidateError)) throw e;
      io.stderr.write(`wirecoder: ${e.message}\n`);
      return EXIT_FATAL;
    }
    if (out.error !== null) {
      io.stderr.write(`wirecoder: error: writing output: ${out.error.message}\n`);
      return EXIT_FATAL;
    }
    const total = r.passed + r.failed;
    if (options.minPass !== null && (total === 0 ? 0 : r.passed / total) < options.minPass) return EXIT_PROBLEMS;
    return EXIT_OK;
  } catch (e) {
    io.stderr.write(`wirecoder: validate: ${message(e)}\n`);
    return EXIT_FATAL;
  }
}

/** The store commands' module (it loads the SQLite driver); a load failure is reported and exits 2. */
async function importStoreCli(io: Io): Promise<typeof import('./ingest.js') | null> {
  try {
    return await import('./ingest.js');
  } catch (e) {
    io.stderr.write(`wirecoder: error: cannot load the database driver: ${message(e)}\n`);
    return null;
  }
}

/** Builds the commander program; each action hands its running work (resolving to the exit code) to `onWork`. */
function buildProgram(io: Io, onWork: (work: Promise<number>) => void): Command {
  const program = new Command('wirecoder');
  program
    .description('Turns news wire stories into political event data (CAMEO, PLOVER).')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run wirecoder --help for usage)');

  program
    .command('code')
    .description('code stories from files, directories or standard input ("-", the default)')
    .argument('[inputs...]', 'text/Reuters files, .jsonl files, directories (walked recursively), or "-"')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMAT_NAMES]).default('jsonl'))
    .addOption(new Option('-i, --input <kind>', 'input format').choices([...INPUT_FORMATS]).default('auto'))
    .option('-d, --date <YYYY-MM-DD>', 'date of stories that carry none', parseDateOption)
    .option('--explain', 'explain each sentence (json: "explain" field; table: under each story; jsonl/tsv: on stderr)', false)
    .option('--dictionaries <dir>', 'dictionary directory (default: the package\'s dictionaries/)')
    .option('-o, --output <file>', 'write to FILE instead of standard output')
    .action((inputs: string[], opts: Record<string, unknown>, cmd: Command) => {
      // standard input on a terminal with nothing piped in: the user wants to know how to use the command
      if (inputs.length === 0 && isTerminal(io.stdin)) {
        cmd.outputHelp({ error: true });
        io.stderr.write('wirecoder: code: no input: give files or directories, or pipe stories in ("-" reads a terminal)\n');
        onWork(Promise.resolve(EXIT_FATAL));
        return;
      }
      const options: CodeOptions = {
        format: opts['format'] as FormatName,
        input: opts['input'] as InputFormat,
        date: typeof opts['date'] === 'string' ? opts['date'] : null,
        explain: opts['explain'] === true,
      };
      if (typeof opts['dictionaries'] === 'string') options.dictionaries = opts['dictionaries'];
      if (typeof opts['output'] === 'string') options.output = opts['output'];
      const work = runCode(inputs, options, io);
      onWork(work);
      return work.then(() => undefined);
    });

  program
    .command('bench')
    .description('throughput on a Reuters corpus against the wink-nlp floor, in the same run')
    .argument('[dir]', 'corpus directory (default ../shared/corpus/reuters-2008)')
    .option('-n, --limit <n>', 'at most N stories (default: all)', parseLimit, 0)
    .option('--json', 'print one JSON line of results', false)
    .option('--dictionaries <dir>', 'dictionary directory')
    .action((dir: string | undefined, opts: Record<string, unknown>) => {
      const limit = typeof opts['limit'] === 'number' && opts['limit'] > 0 ? opts['limit'] : null;
      const options: { limit: number | null; json: boolean; dictionaries?: string } = { limit, json: opts['json'] === true };
      if (typeof opts['dictionaries'] === 'string') options.dictionaries = opts['dictionaries'];
      const work = runBenchCommand(dir, options, io);
      onWork(work);
      return work.then(() => undefined);
    });

  program
    .command('validate')
    .description('run a PETRARCH validation file (<Sentence> records with expected events) and report failures')
    .argument('<file>', 'the validation XML file, e.g. PETR.UnitTest.records.xml')
    .requiredOption('--dictionaries <dir>', 'PETRARCH dictionary directory: the files the <Environment> names, else *verbs.txt, *actors.txt ... found there')
    .option('-v, --verbose', 'also list the records that pass', false)
    .option('--min-pass <fraction>', 'exit 1 when fewer than this fraction (0..1) of the records pass', parseFraction)
    .action((file: string, opts: Record<string, unknown>) => {
      const options = {
        dictionaries: String(opts['dictionaries']),
        verbose: opts['verbose'] === true,
        minPass: typeof opts['minPass'] === 'number' ? opts['minPass'] : null,
      };
      const work = runValidateCommand(file, options, io);
      onWork(work);
      return work.then(() => undefined);
    });

  program
    .command('ingest')
    .description('code stories and store them in a database; stories already stored by the same coder are skipped')
    .argument('<paths...>', 'text/Reuters files, .jsonl files, directories (walked recursively), or "-"')
    .option('--db <file>', 'database file (created when missing)', 'wirecoder.db')
    .addOption(new Option('-i, --input <kind>', 'input format').choices([...INPUT_FORMATS]).default('auto'))
    .option('-d, --date <YYYY-MM-DD>', 'date of stories that carry none', parseDateOption)
    .option('--dictionaries <dir>', 'dictionary directory (default: the package\'s dictionaries/)')
    .option('-n, --limit <n>', 'at most N stories (default: all)', parseLimit, 0)
    .option('--workers <n>', 'coding threads (default: one per core; 0 = in this thread)', parseLimit)
    .option('--budget <seconds>', 'longest one story may code on a thread; past it the story is stopped and reported (default 5)', parseSeconds)
    .action((paths: string[], opts: Record<string, unknown>) => {
      const work = (async () => {
        const cli = await importStoreCli(io);
        if (cli === null) return EXIT_FATAL;
        const limit = typeof opts['limit'] === 'number' && opts['limit'] > 0 ? opts['limit'] : null;
        const options: import('./ingest.js').IngestCommandOptions = {
          db: String(opts['db']),
          input: opts['input'] as InputFormat,
          date: typeof opts['date'] === 'string' ? opts['date'] : null,
          limit,
        };
        if (typeof opts['dictionaries'] === 'string') options.dictionaries = opts['dictionaries'];
        if (typeof opts['workers'] === 'number') options.workers = opts['workers'];
        if (typeof opts['budget'] === 'number') options.budgetMs = opts['budget'];
        return cli.runIngest(paths, options, io);
      })();
      onWork(work);
      return work.then(() => undefined);
    });

  program
    .command('stats')
    .description('counts of a database: stories, sentences, actors, events per QuadClass, quotes, commitments')
    .option('--db <file>', 'database file', 'wirecoder.db')
    .option('--json', 'print one JSON object', false)
    .action((opts: Record<string, unknown>) => {
      const work = (async () => {
        const cli = await importStoreCli(io);
        if (cli === null) return EXIT_FATAL;
        return cli.runStats({ db: String(opts['db']), json: opts['json'] === true }, io);
      })();
      onWork(work);
      return work.then(() => undefined);
    });

  program
    .command('serve')
    .description('serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the web app over a database')
    .option('--db <file>', 'database file (created when missing)', 'wirecoder.db')
    .option('-p, --port <n>', 'port (0 = any free port)', parsePort, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--web <dir>', 'built web app folder (default: the package\'s dist/web)')
    .option('--ingest <paths...>', 'ingest these paths first (stories already stored are skipped)')
    .option('--dictionaries <dir>', 'dictionary directory (default: the package\'s dictionaries/)')
    .option('--max-body <bytes>', 'largest request body (default 2 MiB); larger gets 413', parseLimit)
    .option('--workers <n>', 'coding threads (default: one per core but one; 0 = in the server thread)', parseLimit)
    .option('--budget <seconds>', 'longest one story may code on a thread: past it 422 (default 5)', parseSeconds)
    .option('--code-wait <seconds>', 'longest POST /api/code waits for a coding thread: past it 503 (default 4)', parseSeconds)
    .action((opts: Record<string, unknown>) => {
      const work = (async () => {
        const { runServe } = await import('./serve.js');
        const options: import('./serve.js').ServeOptions = {
          db: String(opts['db']),
          port: Number(opts['port']),
          host: String(opts['host']),
          ingest: Array.isArray(opts['ingest']) ? opts['ingest'].map(String) : [],
        };
        if (typeof opts['web'] === 'string') options.web = opts['web'];
        if (typeof opts['dictionaries'] === 'string') options.dictionaries = opts['dictionaries'];
        if (typeof opts['maxBody'] === 'number' && opts['maxBody'] > 0) options.bodyLimit = opts['maxBody'];
        if (typeof opts['workers'] === 'number') options.workers = opts['workers'];
        if (typeof opts['budget'] === 'number') options.budgetMs = opts['budget'];
        if (typeof opts['codeWait'] === 'number') options.codeWaitMs = opts['codeWait'];
        return runServe(options, io);
      })();
      onWork(work);
      return work.then(() => undefined);
    });

  program
    .command('token')
    .description('print the write token kept in a database (serve generates it on first start)')
    .option('--db <file>', 'database file', 'wirecoder.db')
    .action((opts: Record<string, unknown>) => {
      const work = (async () => (await import('./serve.js')).runToken(String(opts['db']), io))();
      onWork(work);
      return work.then(() => undefined);
    });
  return program;
}

/** Runs the CLI on process-style argv (node, script, ...args); resolves to the exit code. */
export async function main(argv: readonly string[], io?: Partial<Io>): Promise<number> {
  const full: Io = {
    stdin: io?.stdin ?? process.stdin,
    stdout: io?.stdout ?? process.stdout,
    stderr: io?.stderr ?? process.stderr,
  };
  const cwd = io?.cwd;
  if (cwd !== undefined) full.cwd = cwd;
  const columns = io?.columns ?? (process.stdout.isTTY ? process.stdout.columns : undefined);
  if (columns !== undefined) full.columns = columns;
  let pending: Promise<number> | null = null;
  const program = buildProgram(full, (work) => {
    pending = work;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_FATAL;
    full.stderr.write(`wirecoder: error: ${message(e)}\n`);
    return EXIT_FATAL;
  }
  const work: Promise<number> | null = pending;
  return work === null ? EXIT_OK : await work;
}
