/**
 * The gateway's pages in a real headless Chromium (Debian's `chromium`, driven by playwright-core; no
 * browser download): real cities (replicas + subgraphs) behind a real gateway on loopback, every
 * request the pages make that is not to the gateway's own origin blocked, so the pages must work
 * offline. `/` is GraphiQL and runs a README example; `/compare` draws its charts for two cities and
 * its table views hold exactly the gateway's `decisionStats` for the same filter. Screenshots go to
 * test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import express from 'express';
import { parse as parseCsv } from 'csv-parse/sync';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { cityById, ROOT_DIR } from '../../schema/cities';
import { buildWeb, readmeExamples } from '../../scripts/build-web';
import { PAGES_CSP, pagesRouter } from '../../gateway/pages';
import { startRegistryGraph, type RegistryGraph } from '../e2e/registry-graph';
import { logger } from '../e2e/harness';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT_DIR, 'test-artifacts');
/** Helsinki and Barcelona: both publish votes per group, and both map their categories to topics. */
const CITY_IDS = ['helsinki', 'barcelona'];
const PERIOD = { from: '2024-01-01', to: '2027-01-01' };
/** A page test on a loaded CI machine (two cores, another suite beside it) can take a while. */
const PAGE_TEST_MS = 180_000;

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to make to any other origin (all refused). */
  blocked: string[];
  /** Console errors and uncaught exceptions (a CSP violation is one too). */
  errors: string[];
}

interface TableView {
  columns: string[];
  rows: Array<{ label: string; values: number[] }>;
}

type Bucket = { city: string; month?: string | null; outcome?: string | null; topic?: string | null; count: number };

describe('the gateway\'s pages in headless Chromium, offline', () => {
  let graph: RegistryGraph;
  let browser: Browser;
  let origin: string;
  const opened: Opened[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium; .ci/run does), or set CHROMIUM_PATH.`);
    // The pages as the sources are now (npm ci built them too; a build takes seconds).
    await buildWeb();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    graph = await startRegistryGraph(CITY_IDS.map(cityById));
    origin = new URL(graph.gatewayUrl).origin;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 600_000);

  afterAll(async () => {
    for (const o of opened) await o.context.close().catch(() => undefined);
    await browser?.close();
    await graph?.close();
  });

  async function open(pathname: string): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const o: Opened = { page, context, blocked: [], errors: [] };
    opened.push(o);
    // Offline: only the gateway's own origin answers; anything else would be a CDN or a tracker.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      o.blocked.push(url);
      return route.abort('internetdisconnected');
    });
    page.on('console', (m) => {
      if (m.type() === 'error') o.errors.push(m.text());
    });
    page.on('pageerror', (e) => o.errors.push(e.message));
    const res = await page.goto(origin + pathname);
    expect(res?.status()).toBe(200);
    return o;
  }

  const stats = async (filter: Record<string, unknown>, groupBy: string[]) => {
    const res = await graph.query('query($filter: CrossCityDecisionFilter, $groupBy: [DecisionDimension!]!) { decisionStats(filter: $filter, groupBy: $groupBy) { totalCount buckets { city month outcome topic count } cities { city error } } }', { filter, groupBy });
    expect(res.errors).toBeUndefined();
    const s = res.data.decisionStats as { totalCount: number; buckets: Bucket[]; cities: Array<{ city: string; error: string | null }> };
    expect(s.cities.filter((c) => c.error)).toEqual([]);
    return s;
  };

  /** A table view as a person reads it: opened, then its header and rows. */
  async function readTable(page: Page, root: string): Promise<TableView> {
    await page.locator(`${root} details.table-view summary`).click();
    const table = page.locator(`${root} details.table-view table`);
    await table.waitFor({ state: 'visible' });
    const columns = (await table.locator('thead th').allTextContents()).slice(1);
    const rows: TableView['rows'] = [];
    for (const row of await table.locator('tbody tr').all()) {
      rows.push({ label: (await row.locator('th').textContent()) ?? '', values: (await row.locator('td').allTextContents()).map(Number) });
    }
    return { columns, rows };
  }

  /** The table's cell at a row and column (0 for a row or column the table does not have). */
  const cell = (t: TableView, row: string, column: string) => {
    const r = t.rows.find((x) => x.label === row);
    const c = t.columns.indexOf(column);
    return r && c >= 0 ? r.values[c] : 0;
  };
  const sum = (t: TableView, columns = t.columns) => t.rows.reduce((a, r) => a + columns.reduce((b, c) => b + r.values[t.columns.indexOf(c)], 0), 0);

  it('serves the pages with a self-only content security policy, hashed assets cached for good, and sends a browser at /graphql to /', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PAGES_CSP);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const asset = html.match(/src="(\/assets\/graphiql-[A-Z0-9]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(origin + asset);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await fetch(`${origin}/assets/graphiql-NOSUCHHASH.js`)).status).toBe(404);
    expect((await fetch(`${origin}/compare`)).status).toBe(200);
    // No page refers to another host.
    for (const file of ['index.html', 'compare.html']) expect(fs.readFileSync(path.join(ROOT_DIR, 'web', 'dist', file), 'utf8')).not.toMatch(/https?:\/\//);
    const browserAtGraphql = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browserAtGraphql.status).toBe(302);
    expect(browserAtGraphql.headers.get('location')).toBe('/');
    // The graph itself is untouched.
    expect((await graph.query('{ helsinki { name } }')).data).toEqual({ helsinki: { name: 'Helsinki' } });
  });

  it('without a build, the pages say what to run (503), and the graph still answers', async () => {
    const app = express().use(pagesRouter(logger, path.join(ROOT_DIR, 'web', 'no-such-build')));
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/compare`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/npm run build/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('/ is GraphiQL with the README\'s examples as named tabs, and runs one offline', async () => {
    const { page, blocked, errors } = await open('/');
    const examples = readmeExamples(fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const tabs = page.locator('.graphiql-tab');
    await page.locator('.graphiql-tab').first().waitFor();
    expect(await tabs.allTextContents()).toEqual(expect.arrayContaining(examples.map((e) => expect.stringContaining(e.name))));

    // A README example about Helsinki, run as a person would: its tab, then the run button.
    const example = examples.find((e) => e.name === 'FiveNewestHelsinkiDecisions');
    expect(example).toBeDefined();
    // GraphiQL saves an editor's text into the active tab 500 ms after a change: a tab switched to
    // sooner after the first tab's text was set gets that text. A person takes longer than that.
    await page.locator('.graphiql-query-editor .CodeMirror-code', { hasText: `query ${examples[0].name}` }).waitFor();
    await page.waitForTimeout(1000);
    await page.locator('.graphiql-tab', { hasText: example!.name }).click();
    // The tab's query is in the editor before it is run.
    await page.locator('.graphiql-query-editor .CodeMirror-code', { hasText: `query ${example!.name}` }).waitFor();
    // The tab's operation name follows its text after the same debounce: run it once that has passed
    // (sooner, on a loaded machine, GraphiQL sends the first tab's operation name with this text).
    await page.waitForTimeout(1000);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    try {
      await result.locator('.CodeMirror-code', { hasText: /"(data|errors)"/ }).waitFor({ timeout: 60_000 });
    } finally {
      await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });
    }
    const expected = await graph.query(example!.query);
    expect(expected.errors).toBeUndefined();
    const shown = await result.textContent();
    expect(shown).toContain(`"totalCount": ${expected.data.helsinki.decisions.totalCount}`);
    expect(shown).toContain(expected.data.helsinki.decisions.edges[0].node.id);

    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }, PAGE_TEST_MS);

  it('/compare draws its charts for two cities, and each table view equals decisionStats for the same filter', async () => {
    const { page, blocked, errors } = await open('/compare');
    await page.locator('input[name=city]').first().waitFor();
    // Choose as a person would: the two cities, the period, every topic; then Compare.
    const boxes = page.locator('input[name=city]');
    expect(await boxes.evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))).toEqual(CITY_IDS);
    for (const box of await boxes.all()) await box.check();
    await page.locator('#from').fill(PERIOD.from);
    await page.locator('#to').fill(PERIOD.to);
    await page.locator('#topic').selectOption('');
    await page.locator('#compare').click();
    await page.locator('body[data-state=ready]').waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).search).toBe(`?cities=${CITY_IDS.join(',')}&from=${PERIOD.from}&to=${PERIOD.to}`);

    // Every chart is drawn (ECharts' SVG renderer), with bars or lines in it.
    const plots = ['#per-month', ...CITY_IDS.map((c) => `#month-outcomes figure[data-city=${c}]`), '#outcomes', '#topics', '#votes'];
    for (const root of plots) {
      const svg = page.locator(`${root} .plot svg`);
      await svg.waitFor();
      expect(await svg.locator('path').count()).toBeGreaterThan(3);
      expect(await page.locator(`${root} .plot`).getAttribute('aria-label')).toBeTruthy();
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare.png'), fullPage: true });

    const filter = { cities: CITY_IDS, ...PERIOD };
    const names = { helsinki: 'Helsinki', barcelona: 'Barcelona' } as Record<string, string>;

    const perMonth = await stats(filter, ['CITY', 'MONTH']);
    expect(perMonth.totalCount).toBeGreaterThan(0);
    const months = await readTable(page, '#per-month');
    expect(months.columns).toEqual(CITY_IDS.map((c) => names[c]));
    for (const b of perMonth.buckets) expect([b.city, b.month, cell(months, b.month ?? 'No date', names[b.city])]).toEqual([b.city, b.month, b.count]);
    expect(sum(months)).toBe(perMonth.totalCount);
    // Oldest month first.
    expect(months.rows.map((r) => r.label)).toEqual([...months.rows.map((r) => r.label)].sort());

    const label = (o: string | null | undefined) => (o ? o[0] + o.slice(1).toLowerCase().replace(/_/g, ' ') : 'No outcome');
    const byMonthAndOutcome = await stats(filter, ['CITY', 'MONTH', 'OUTCOME']);
    for (const city of CITY_IDS) {
      const t = await readTable(page, `#month-outcomes figure[data-city=${city}]`);
      const mine = byMonthAndOutcome.buckets.filter((b) => b.city === city);
      for (const b of mine) expect([b.month, b.outcome, cell(t, b.month ?? 'No date', label(b.outcome))]).toEqual([b.month, b.outcome, b.count]);
      expect(sum(t, t.columns.filter((c) => c !== 'Total'))).toBe(mine.reduce((a, b) => a + b.count, 0));
      // The whole period, month by month.
      expect(t.rows[0].label).toBe(PERIOD.from.slice(0, 7));
      expect(await page.locator(`#month-outcomes figure[data-city=${city}] a.export-link`).getAttribute('href')).toBe(`/export/decisions.csv?cities=${city}&from=${PERIOD.from}&to=${PERIOD.to}`);
    }

    const byOutcome = await stats(filter, ['CITY', 'OUTCOME']);
    const outcomes = await readTable(page, '#outcomes');
    for (const b of byOutcome.buckets) expect([b.city, b.outcome, cell(outcomes, names[b.city], label(b.outcome))]).toEqual([b.city, b.outcome, b.count]);
    expect(sum(outcomes, outcomes.columns.filter((c) => c !== 'Total'))).toBe(byOutcome.totalCount);
    for (const c of CITY_IDS) expect(cell(outcomes, names[c], 'Total')).toBe(byOutcome.buckets.filter((b) => b.city === c).reduce((a, b) => a + b.count, 0));

    const byTopic = await stats(filter, ['CITY', 'TOPIC']);
    const topics = await readTable(page, '#topics');
    const scheme = (await graph.query('{ topicScheme { code name } }')).data.topicScheme as Array<{ code: string; name: string }>;
    const topicLabel = (t: string | null | undefined) => (t ? `${t} ${scheme.find((d) => d.code === t)!.name}` : 'No topic');
    for (const b of byTopic.buckets) expect([b.city, b.topic, cell(topics, topicLabel(b.topic), names[b.city])]).toEqual([b.city, b.topic, b.count]);
    expect(sum(topics)).toBe(byTopic.totalCount);

    // The vote sample: the 100 newest decisions per city, the members' votes summed per group and option.
    const votes = await readTable(page, '#votes');
    expect(await page.locator('#votes-note').textContent()).toMatch(/Not the whole period: the 100 newest decisions/);
    for (const city of CITY_IDS) {
      const nodes: Array<{ voteEvents: Array<{ groupCounts: Array<{ group: string | null; option: string; value: number }> }> }> = [];
      let after: string | null = null;
      do {
        const res = await graph.query('query($filter: CrossCityDecisionFilter, $after: String) { decisions(filter: $filter, first: 25, after: $after) { pageInfo { hasNextPage endCursor } nodes { voteEvents { groupCounts { group option value } } } } }', { filter: { ...filter, cities: [city] }, after });
        expect(res.errors).toBeUndefined();
        nodes.push(...res.data.decisions.nodes);
        after = res.data.decisions.pageInfo.hasNextPage ? res.data.decisions.pageInfo.endCursor : null;
      } while (after && nodes.length < 100);
      expect(nodes.some((n) => n.voteEvents.length > 0)).toBe(true);
      const expected = new Map<string, number>();
      for (const n of nodes) for (const e of n.voteEvents) for (const g of e.groupCounts) {
        const key = `${names[city]} · ${g.group ?? 'No group'}\u0000${label(g.option)}`;
        expected.set(key, (expected.get(key) ?? 0) + g.value);
      }
      const shown = new Map<string, number>();
      for (const r of votes.rows.filter((x) => x.label.startsWith(`${names[city]} · `))) {
        votes.columns.forEach((c, i) => r.values[i] && shown.set(`${r.label}\u0000${c}`, r.values[i]));
      }
      expect(shown).toEqual(expected);
    }

    // The export link is the same filter.
    const href = await page.locator('#per-month a.export-link').getAttribute('href');
    expect(href).toBe(`/export/decisions.csv?cities=${CITY_IDS.join(',')}&from=${PERIOD.from}&to=${PERIOD.to}`);
    await page.locator('details.table-view').first().screenshot({ path: path.join(ARTIFACTS, 'compare-table.png') });

    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }, PAGE_TEST_MS);

  it('/compare with a topic from the URL counts that topic only, and its export link gives those decisions', async () => {
    const query = `?cities=${CITY_IDS.join(',')}&from=${PERIOD.from}&to=${PERIOD.to}&topic=06`;
    const { page, blocked, errors } = await open(`/compare${query}`);
    await page.locator('body[data-state=ready]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#topic').inputValue()).toBe('06');
    const filter = { cities: CITY_IDS, ...PERIOD, topic: ['06'] };
    const perMonth = await stats(filter, ['CITY', 'MONTH']);
    const months = await readTable(page, '#per-month');
    expect(sum(months)).toBe(perMonth.totalCount);
    const topics = await readTable(page, '#topics');
    expect(topics.rows.every((r) => r.label.startsWith('06'))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare-topic-06.png'), fullPage: true });

    const href = await page.locator('#export-csv').getAttribute('href');
    expect(href).toBe(`/export/decisions.csv${query}`);
    const csv = await fetch(origin + href!);
    expect(csv.status).toBe(200);
    const rows = parseCsv(await csv.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(perMonth.totalCount);
    expect(new Set(rows.map((r) => r.city))).toEqual(new Set(CITY_IDS.filter((c) => perMonth.buckets.some((b) => b.city === c))));

    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }, PAGE_TEST_MS);
});
