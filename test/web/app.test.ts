/**
 * The web app in a real browser against the real server: `wirecoder ingest examples` into a temporary
 * store, `wirecoder serve --port 0 --web dist/web`, then headless Chromium codes a pasted story, explores
 * the example events (table, filters, timeline, network, map, commitments), charts a dyad's Goldstein
 * score over time, and opens stories from the table and the map. Screenshots of each step go to
 * test-output/screenshots/.
 *
 * Needs the built app (dist/web, `npm run build:web`) and Chromium at /usr/bin/chromium (or
 * WIRECODER_CHROMIUM). Without Chromium the suite is skipped, unless WIRECODER_REQUIRE_BROWSER=1.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../helpers.js';

const CHROMIUM = process.env['WIRECODER_CHROMIUM'] ?? '/usr/bin/chromium';
const REQUIRE = process.env['WIRECODER_REQUIRE_BROWSER'] === '1';
const WEB = join(repoRoot, 'dist', 'web');
const CLI = join(repoRoot, 'bin', 'wirecoder.js');
const SHOTS = join(repoRoot, 'test-output', 'screenshots');

const haveBrowser = existsSync(CHROMIUM);
const skipReason = haveBrowser || REQUIRE ? false : `no Chromium at ${CHROMIUM}: browser tests skipped (set WIRECODER_REQUIRE_BROWSER=1 to make this a failure)`;

/** Runs the CLI to completion; rejects with its stderr on a non-zero exit. */
function runCli(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`wirecoder ${args.join(' ')} exited with ${code ?? signal}:\n${err}${out}`));
    });
  });
}

/** Starts `wirecoder serve` and resolves with its base URL once it prints it. */
function startServer(db: string): Promise<{ child: ChildProcessWithoutNullStreams; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--web', WEB], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`wirecoder serve printed no http://127.0.0.1:PORT/ line within 20 s:\n${out}${err}`));
    }, 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}/` });
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`wirecoder serve exited (${code ?? signal}) before listening:\n${out}${err}`));
    });
  });
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  assert.equal(res.status, 200, `GET ${url}: ${res.status}`);
  return (await res.json()) as T;
}

interface MonthlyRow {
  month: string;
  events: number;
  goldstein: number | null;
}

/** The app's Goldstein format (web/src/format.ts): a sign and one decimal. */
function fmtGoldstein(g: number): string {
  const v = Math.round(g * 10) / 10;
  return `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
}

interface ApiEvent {
  story: string;
  headline: string | null;
  source: { code: string };
  target: { code: string } | null;
  cameo: { quad: number | null };
}

describe('web app in a browser', { skip: skipReason }, () => {
  let tmp = '';
  let server: ChildProcessWithoutNullStreams | null = null;
  let base = '';
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  const pageErrors: string[] = [];

  before(async () => {
    if (!haveBrowser) throw new Error(`WIRECODER_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (install chromium or set WIRECODER_CHROMIUM)`);
    if (!existsSync(join(WEB, 'index.html'))) throw new Error(`the web app is not built: no ${join(WEB, 'index.html')} (run npm run build:web)`);
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'wirecoder-web-'));
    const db = join(tmp, 'db.sqlite');
    await runCli(['ingest', 'examples', '--db', db], 30_000);
    const started = await startServer(db);
    server = started.child;
    base = started.base;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(10_000);
  });

  after(async () => {
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    if (server !== null && server.exitCode === null) {
      const exited = new Promise<void>((resolve) => server?.once('exit', () => resolve()));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
  });

  async function open(hash: string): Promise<Page> {
    assert.ok(context !== null);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${hash}: ${e.message}`));
    page.on('response', (r) => {
      // every request the app makes goes to its own server and succeeds (no CDN, no tiles, no fonts)
      if (!r.url().startsWith(base)) pageErrors.push(`${hash}: request outside the app: ${r.url()}`);
      else if (r.status() >= 500) pageErrors.push(`${hash}: ${r.status()} from ${r.url()}`);
    });
    await page.goto(`${base}${hash}`);
    return page;
  }

  const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  test('code view: a pasted story gives event cards with source and target codes', async () => {
    const page = await open('#/code');
    const text =
      "NAIROBI (Wirecoder Test) - Kenya's president met Tanzania's foreign minister in Nairobi on Monday to discuss the border dispute.\n" +
      'Kenyan police arrested 30 protesters outside parliament on Tuesday.';
    await page.getByLabel('Story text').fill(text);
    await page.getByLabel('Date (optional)').fill('2008-04-09');
    await page.getByRole('button', { name: 'Code', exact: true }).click();
    const cards = page.locator('.code-result .event-card');
    await cards.first().waitFor();
    assert.ok((await cards.count()) >= 2, 'two events coded');
    const first = cards.nth(0);
    assert.equal(await first.locator('.actor-code').nth(0).textContent(), 'KENGOV');
    assert.equal(await first.locator('.actor-code').nth(1).textContent(), 'TZAGOV');
    assert.match((await first.textContent()) ?? '', /CAMEO 040/);
    assert.match((await first.textContent()) ?? '', /coded by rule \S+ \(.+:\d+\)/);
    const second = (await cards.nth(1).textContent()) ?? '';
    assert.match(second, /KENCOP/);
    assert.match(second, /30 protesters/);
    // highlights: actors and verbs, with a legend
    assert.ok((await page.locator('.code-result .story-text mark.hl-actor').count()) >= 2);
    assert.ok((await page.locator('.code-result .story-text mark.hl-verb').count()) >= 2);
    assert.equal(await page.locator('.code-result .story-text mark.hl-verb').first().getAttribute('data-label'), '040');
    await assert.doesNotReject(page.locator('.hl-legend').waitFor());
    await shot(page, '01-code-events');

    // a text without events says so (Ctrl+Enter codes)
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Story text').fill('Shares of technology companies rose on Wednesday as investors bet that rates have peaked.');
    await page.getByLabel('Story text').press('Control+Enter');
    await page.getByText('No events coded in this text').first().waitFor();
    assert.equal(await page.locator('.code-result .event-card').count(), 0);
    await shot(page, '02-code-no-events');

    // an API error is shown in the alert region
    await page.getByLabel('Story text').evaluate((el) => {
      if (el instanceof HTMLTextAreaElement) el.value = 'x'.repeat(2_500_000);
    });
    await page.getByRole('button', { name: 'Code', exact: true }).click();
    const alert = page.locator('.view-code [role="alert"]');
    await alert.getByText(/Could not code the text/).waitFor();
    assert.match((await alert.textContent()) ?? '', /\b4\d\d\b/);
    // (a 2.5 MB textarea makes screenshots slow: show a note in its place)
    await page.getByLabel('Story text').fill('(2,500,000 characters were here)');
    await shot(page, '03-code-api-error');

    // a loaded wire file: its header fills headline and date, its body is coded
    await page.getByLabel('Load a .txt file').setInputFiles(join(repoRoot, 'examples', '002_border_clash.txt'));
    await page.waitForFunction(() => document.querySelector('textarea')?.value.startsWith('ADDIS ABABA') === true);
    assert.equal(await page.getByLabel('Headline (optional)').inputValue(), 'Ethiopian army shells rebel positions near Gonder');
    assert.equal(await page.getByLabel('Date (optional)').inputValue(), '2008-04-06');
    assert.equal(await page.locator('.view-code [role="alert"]').textContent(), '');
    await page.getByRole('button', { name: 'Code', exact: true }).click();
    await page.locator('.code-result .event-card .actor-code', { hasText: 'ETHMIL' }).first().waitFor();
    await shot(page, '04-code-file');
    await page.close();
  });

  test('explore view: table, filters in the hash, timeline, network, map and commitments', async () => {
    const all = await getJson<{ events: ApiEvent[]; next: string | null }>(`${base}api/events?limit=50`);
    assert.ok(all.events.length >= 10, 'the examples give events');
    const page = await open('#/explore');
    const rows = page.locator('.events-table tbody tr');
    await page.getByText(/All \d+ matching events shown/).waitFor();
    assert.equal(await rows.count(), all.events.length);
    assert.ok((await page.locator('.events-table').textContent())?.includes('Canada gives NATO allies an ultimatum over Mosul mission'));

    // the charts render
    await page.locator('#ex-timeline svg rect.bar').first().waitFor();
    await page.locator('#ex-network svg .node').first().waitFor();
    await page.locator('#ex-map svg a.map-point').first().waitFor();
    assert.ok((await page.locator('#ex-map svg .land path').count()) > 100, 'world countries drawn');
    assert.ok((await page.locator('#ex-network svg path.edge').count()) > 0);
    assert.ok((await page.locator('#ex-timeline svg title').first().textContent())?.startsWith('Events per'));

    // the Canada threat of examples/001 reads as one line
    const threat = page.locator('#ex-commitments li.kind-threat', { hasText: 'withdraw' }).first();
    await threat.waitFor();
    const line = (await threat.locator('.commitment-line').textContent()) ?? '';
    assert.match(line, /^CAN \(Canada\) THREAT: withdraw 900 engineers — by 2008-06 — unless its NATO allies send an extra 400 troops/);
    assert.match(line, /→ IGOWSTNAT/);
    await shot(page, '05-explore');

    // "/" focuses the text search
    await page.locator('body').press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'filter-q');

    // filter by QuadClass 4: the hash carries it and only material conflict rows remain
    const quad4 = all.events.filter((e) => e.cameo.quad === 4).length;
    assert.ok(quad4 > 0 && quad4 < all.events.length);
    await page.getByLabel('QuadClass', { exact: true }).selectOption('4');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(() => location.hash.includes('quad=4'));
    await page.getByText(`All ${quad4} matching events shown.`).waitFor();
    assert.equal(await rows.count(), quad4);
    assert.equal(await page.locator('.events-table tbody tr:not(.quad-4)').count(), 0);
    const csvHref = (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '';
    assert.match(csvHref, /^api\/events\/export\?/);
    assert.match(csvHref, /quad=4/);
    assert.match(csvHref, /format=csv/);
    const csv = await fetch(new URL(csvHref, base));
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.equal((await csv.text()).trim().split('\n').length, quad4 + 1, 'a header and one line per event');
    await shot(page, '06-explore-quad4');

    // an actor from the network becomes the actor filter (kept with the others)
    await page.getByLabel('QuadClass', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForFunction(() => !location.hash.includes('quad='));
    await page.locator('#ex-network .node[data-code="CAN"]').click();
    await page.waitForFunction(() => location.hash.includes('actor=CAN'));
    const canEvents = all.events.filter((e) => e.source.code.startsWith('CAN') || (e.target?.code.startsWith('CAN') ?? false)).length;
    await page.getByText(`All ${canEvents} matching events shown.`).waitFor();
    assert.equal(await page.getByLabel('Actor (either side)').inputValue(), 'CAN');
    for (const cells of await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[1]?.textContent ?? '', tr.children[2]?.textContent ?? '']))) {
      assert.ok(cells.some((c) => c.startsWith('CAN')), `row ${cells.join(' → ')} has a CAN actor`);
    }
    await page.locator('#ex-commitments li').first().waitFor();
    await shot(page, '07-explore-actor-can');

    // the filtered view is a link: opening it fresh gives the same rows
    const link = page.url();
    const again = await open(link.slice(base.length));
    await again.getByText(`All ${canEvents} matching events shown.`).waitFor();
    await again.close();
    await page.close();
  });

  test('explore view: a dyad chosen by keyboard charts its Goldstein score over time, kept in the hash', async () => {
    const page = await open('#/explore');
    const entry = page.locator('#ex-network .dyad-list button[data-dyad="CAN~IGOWSTNAT"]');
    await entry.waitFor();
    assert.match((await entry.getAttribute('aria-label')) ?? '', /^CAN → IGOWSTNAT: \d+ events?, mean Goldstein [-+]?\d+\.\d$/);
    assert.equal(await entry.getAttribute('aria-pressed'), 'false');
    const edge = page.locator('#ex-network svg .dyad-edge[data-dyad="CAN~IGOWSTNAT"]');
    assert.equal(await edge.getAttribute('role'), 'button');
    assert.equal(await edge.getAttribute('aria-label'), await entry.getAttribute('aria-label'));

    // keyboard: focus the list entry, Enter
    await entry.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /[?&]dyad=CAN~IGOWSTNAT(&|$)/.test(location.hash));
    const panel = page.locator('#ex-dyad');
    await panel.getByRole('heading', { name: 'Goldstein over time: CAN → IGOWSTNAT' }).waitFor();
    const points = panel.locator('svg .gs-point');
    await points.first().waitFor();
    assert.equal(await entry.getAttribute('aria-pressed'), 'true');
    assert.equal(await edge.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-dyad')), 'CAN~IGOWSTNAT', 'focus stays on the entry');
    await panel.getByRole('img', { name: /^Mean Goldstein score per month, CAN → IGOWSTNAT/ }).waitFor();

    // each point says the month's mean Goldstein and events as the API has them
    const api = await getJson<{ rows: MonthlyRow[] }>(`${base}api/aggregates/goldstein?source=CAN&target=IGOWSTNAT&match=exact`);
    const scored = api.rows.filter((r): r is MonthlyRow & { goldstein: number } => r.goldstein !== null);
    assert.ok(scored.length > 0, 'the examples give CAN → IGOWSTNAT a Goldstein score');
    assert.equal(await points.count(), scored.length);
    const titles = await points.locator('title').allTextContents();
    for (const r of scored) {
      const want = `${r.month}: mean Goldstein ${fmtGoldstein(r.goldstein)}, ${r.events} event${r.events === 1 ? '' : 's'}`;
      assert.ok(titles.includes(want), `a point titled ${JSON.stringify(want)} (got ${JSON.stringify(titles)})`);
    }
    const first = scored[0];
    assert.ok(first !== undefined);
    const tableRow = panel.locator('details.data-table tbody tr', { hasText: first.month });
    assert.deepEqual(await tableRow.locator('th, td').allTextContents(), [first.month, String(first.events), fmtGoldstein(first.goldstein)]);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'no horizontal scroll at 1366 px');
    await shot(page, '11-dyad-goldstein');

    // the edge is a toggle button too: Space on the selected one deselects it
    await edge.focus();
    await page.keyboard.press(' ');
    await page.waitForFunction(() => !location.hash.includes('dyad='));
    await panel.waitFor({ state: 'hidden' });

    // the link opens with the chart; its Clear button closes it and returns focus to the entry
    await page.evaluate(() => (location.hash = '#/explore?quad=3&dyad=CAN~IGOWSTNAT'));
    await panel.locator('svg .gs-point').first().waitFor();
    assert.match((await panel.textContent()) ?? '', /Within QuadClass: 3 Verbal conflict/);
    await panel.getByRole('button', { name: /^Clear/ }).click();
    await page.waitForFunction(() => location.hash === '#/explore?quad=3');
    await panel.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-dyad')), 'CAN~IGOWSTNAT');

    // an invalid pair is dropped from the address and said so, without a request
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/aggregates/goldstein')) asked.push(r.url());
    });
    await page.evaluate(() => (location.hash = '#/explore?quad=3&dyad=CAN~%3Cx%3E'));
    await page.waitForFunction(() => location.hash === '#/explore?quad=3');
    await page.locator('.view-explore [role="alert"]').getByText(/is not two actor codes/).waitFor();
    assert.ok(await panel.isHidden());
    assert.deepEqual(asked, []);
    await page.close();
  });

  test('story view: opened from the table and from the map', async () => {
    const page = await open('#/explore');
    const headline = 'Canada gives NATO allies an ultimatum over Mosul mission';
    await page.locator('.events-table tbody tr a', { hasText: headline }).first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/story/'));
    await page.getByRole('heading', { level: 1, name: headline }).waitFor();
    assert.ok((await page.locator('.view-story .story-text mark.hl-actor').count()) > 0);
    assert.ok((await page.locator('.view-story .story-text mark.hl-verb').count()) > 0);
    assert.ok((await page.locator('.view-story .event-card').count()) > 0);
    assert.match((await page.locator('.view-story .commitments').textContent()) ?? '', /withdraw 900 engineers/);
    await shot(page, '08-story-from-table');

    // back to explore, then a map circle (the last drawn is the smallest, on top)
    await page.getByRole('link', { name: '← Back to explore' }).click();
    const point = page.locator('#ex-map a.map-point').last();
    await point.waitFor();
    const href = (await point.getAttribute('href')) ?? '';
    assert.match(href, /^#\/story\/[0-9a-f]{64}$/);
    const story = await getJson<{ headline: string | null }>(`${base}api/stories/${href.slice('#/story/'.length)}`);
    await point.locator('circle').click();
    await page.waitForFunction((h) => location.hash === h, href);
    await page.getByRole('heading', { level: 1, name: story.headline ?? 'Untitled story' }).waitFor();
    assert.ok((await page.locator('.view-story .story-text mark').count()) > 0);
    await shot(page, '09-story-from-map');

    // an unknown story says so
    await page.goto(`${base}#/story/${'0'.repeat(64)}`);
    await page.getByRole('heading', { level: 1, name: 'Story not found' }).waitFor();
    await shot(page, '10-story-not-found');
    await page.close();
  });

  test('no script errors, no server errors, no request outside the app', () => {
    assert.deepEqual(pageErrors, []);
  });
});
