/**
 * `/compare`: choose cities, a period and a topic; four charts, each with its table view and a link
 * to the export of the same decisions. The choices live in the URL (`?cities=a,b&from=…&to=…&topic=06`)
 * so that a comparison can be bookmarked and shared.
 */
import './compare.css';
import { clearChart, disposeDetached, drawGroupedBars, drawLines, drawStackedBars, drawStackedColumns } from './charts';
import {
  exportUrl, loadChoices, loadStats, loadVoteSample, monthOutcomeTable, outcomeTable, perMonthTable, topicTable, voteTable,
  VOTE_SAMPLE_SIZE, type CityInfo, type Selection, type Table, type TopicDivision, type VoteSample,
} from './data';

const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document): T => {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`the page has no ${selector}`);
  return el;
};

const form = $<HTMLFormElement>('#choices');
const status = $('#status');
const notices = $('#notices');
const results = $('#results');
const button = $<HTMLButtonElement>('#compare');

let cities: CityInfo[] = [];
let scheme: TopicDivision[] = [];

function say(text: string, state: 'loading' | 'ready' | 'error'): void {
  status.textContent = text;
  // For scripts (and the browser tests): whether the page has finished drawing.
  document.body.dataset.state = state;
}

function notice(text: string): void {
  const li = document.createElement('li');
  li.textContent = text;
  notices.append(li);
}

/** A table with its caption, column headers and row headers, for screen readers and copying. */
function renderTable(container: HTMLElement, t: Table): void {
  const table = document.createElement('table');
  table.createCaption().textContent = t.caption;
  const head = table.createTHead().insertRow();
  for (const name of [t.corner, ...t.columns]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of t.rows) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = row.label;
    tr.append(th);
    for (const v of row.values) tr.insertCell().textContent = String(v);
  }
  container.replaceChildren(table);
}

function defaultPeriod(): { from: string; to: string } {
  const year = new Date().getFullYear();
  return { from: `${year - 2}-01-01`, to: `${year + 1}-01-01` };
}

/** The choices in the URL, or the defaults: every city that counts, the last two years and this one. */
function selectionFromUrl(): Selection {
  const q = new URLSearchParams(location.search);
  const known = new Set(cities.map((c) => c.id));
  const asked = q.get('cities')?.split(',').filter((id) => known.has(id));
  const period = q.has('from') || q.has('to') ? { from: q.get('from') ?? undefined, to: q.get('to') ?? undefined } : defaultPeriod();
  return {
    cities: asked?.length ? asked : cities.filter((c) => c.capabilities?.decisionStats !== false).map((c) => c.id),
    ...period,
    topic: q.get('topic') || undefined,
  };
}

function selectionFromForm(): Selection {
  const data = new FormData(form);
  return {
    cities: data.getAll('city').map(String),
    from: String(data.get('from') ?? '') || undefined,
    to: String(data.get('to') ?? '') || undefined,
    topic: String(data.get('topic') ?? '') || undefined,
  };
}

function showSelection(s: Selection): void {
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name=city]')) box.checked = s.cities.includes(box.value);
  $<HTMLInputElement>('#from').value = s.from ?? '';
  $<HTMLInputElement>('#to').value = s.to ?? '';
  $<HTMLSelectElement>('#topic').value = s.topic ?? '';
}

function renderChoices(): void {
  const fieldset = $('#cities');
  fieldset.querySelector('.loading')?.remove();
  for (const c of cities) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'city';
    box.value = c.id;
    // A city that cannot count its decisions cannot be compared here (its capabilities say so).
    box.disabled = c.capabilities?.decisionStats === false;
    label.append(box, ` ${c.name}`);
    fieldset.append(label);
  }
  const select = $<HTMLSelectElement>('#topic');
  for (const d of scheme) {
    select.append(new Option(`${d.code} ${d.name}`, d.code));
    for (const g of d.groups) select.append(new Option(`\u2003${g.code} ${g.name}`, g.code));
  }
}

const cityName = (id: string) => cities.find((c) => c.id === id)?.name ?? id;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function votesNote(samples: VoteSample[], without: CityInfo[]): string {
  const parts = samples.map((s) =>
    s.error
      ? `${cityName(s.city)}: not available (${s.error})`
      : `${cityName(s.city)}: ${plural(s.withVotes, 'decision')} with votes (${plural(s.voteEvents, 'vote event')}) among its ${plural(s.decisions, 'newest decision')}`,
  );
  return [
    `Not the whole period: the ${VOTE_SAMPLE_SIZE} newest decisions of the selection in each city that publishes votes, and of those the ones with votes.`,
    `Each bar sums the members' votes of a group over those vote events (a member voting on three motions counts three times).`,
    parts.length ? `${parts.join('; ')}.` : '',
    without.length ? `${without.map((c) => c.name).join(', ')} ${without.length === 1 ? 'publishes' : 'publish'} no votes.` : '',
  ].filter(Boolean).join(' ');
}

function setExportLinks(s: Selection): void {
  $<HTMLAnchorElement>('#export-csv').href = exportUrl(s, 'csv');
  $<HTMLAnchorElement>('#export-ndjson').href = exportUrl(s, 'ndjson');
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.chart > .links a.export-link')) a.href = exportUrl(s, 'csv');
}

function section(id: string): { plot: HTMLElement; table: HTMLElement; root: HTMLElement } {
  const root = $(`#${id}`);
  return { root, plot: $('.plot', root), table: $('.table', root) };
}

let run = 0;

async function compare(s: Selection): Promise<void> {
  const mine = ++run;
  notices.replaceChildren();
  if (!s.cities.length) return say('Choose at least one city.', 'error');
  if (s.from && s.to && s.from >= s.to) return say('"To" must be after "From" (from is inclusive, to exclusive).', 'error');
  say(`Counting the decisions of ${s.cities.map(cityName).join(', ')}…`, 'loading');
  button.disabled = true;
  try {
    const chosen = cities.filter((c) => s.cities.includes(c.id));
    const voting = chosen.filter((c) => c.capabilities?.votes && c.capabilities.votes !== 'NONE');
    const [stats, samples] = await Promise.all([loadStats(s), Promise.all(voting.map((c) => loadVoteSample(s, c.id)))]);
    if (mine !== run) return; // a newer comparison was asked for meanwhile
    for (const share of stats.cities) if (share.error) notice(`${cityName(share.city)} is left out: ${share.error}`);
    const answered = chosen.filter((c) => stats.cities.some((x) => x.city === c.id && !x.error));
    for (const c of answered) if (!c.capabilities?.topics) notice(`${c.name} has no topic table: its decisions count as "No topic".`);

    setExportLinks(s);
    results.hidden = false;
    const topicName = s.topic ? [...scheme, ...scheme.flatMap((d) => d.groups)].find((t) => t.code === s.topic)?.name : undefined;
    $('#summary').textContent = `${plural(stats.totalCount, 'decision')} of ${answered.map((c) => c.name).join(', ') || 'no city'}` +
      `${s.from ? ` from ${s.from}` : ''}${s.to ? ` until ${s.to} (exclusive)` : ''}${s.topic ? `, topic ${s.topic} ${topicName ?? ''}` : ''}.`;

    const months = perMonthTable(stats.perMonth, answered, s);
    const m = section('per-month');
    drawLines(m.plot, months, `Decisions per month of ${answered.map((c) => c.name).join(', ')}`);
    renderTable(m.table, months);

    // One small chart per city: months × outcomes, with its own table and export.
    const perCity = answered.map((c) => {
      const figure = document.createElement('figure');
      figure.className = 'city-chart';
      figure.dataset.city = c.id;
      figure.innerHTML = '<figcaption></figcaption><div class="plot" role="figure"></div><details class="table-view"><summary>Table</summary><div class="table"></div></details><p class="links"><a class="export-link"></a></p>';
      $('figcaption', figure).textContent = c.name;
      const plot = $('.plot', figure);
      plot.setAttribute('aria-label', `Bar chart: ${c.name}'s decisions per month, stacked by outcome`);
      const link = $<HTMLAnchorElement>('a.export-link', figure);
      link.textContent = `Export ${c.name}'s decisions (CSV)`;
      link.href = exportUrl({ ...s, cities: [c.id] });
      const table = monthOutcomeTable(stats.byMonthAndOutcome, c, s);
      renderTable($('.table', figure), table);
      return { figure, plot, table, city: c };
    });
    $('#month-outcomes .per-city').replaceChildren(...perCity.map((x) => x.figure));
    // Drawn once in the page: ECharts measures its element.
    for (const x of perCity) drawStackedColumns(x.plot, x.table, `${x.city.name}: decisions per month by outcome`, x.table.columns.slice(0, -1).map((_, i) => i));
    disposeDetached();

    const outcomes = outcomeTable(stats.byOutcome, answered);
    const o = section('outcomes');
    drawStackedBars(o.plot, outcomes, 'Share of each outcome in each city\u2019s decisions', { shares: true, columns: outcomes.columns.slice(0, -1).map((_, i) => i) });
    renderTable(o.table, outcomes);

    const topics = topicTable(stats.byTopic, answered, scheme);
    const t = section('topics');
    drawGroupedBars(t.plot, topics, 'Decisions per COFOG topic division and city');
    renderTable(t.table, topics);

    const v = section('votes');
    const votes = voteTable(samples.filter((x) => !x.error), cities);
    $('#votes-note').textContent = votesNote(samples, chosen.filter((c) => !voting.includes(c)));
    v.root.hidden = voting.length === 0;
    if (votes.rows.length) drawStackedBars(v.plot, votes, 'Members\u2019 votes per group and option in the sampled decisions');
    else clearChart(v.plot);
    renderTable(v.table, votes);

    say(`Compared ${answered.length} of ${chosen.length} ${chosen.length === 1 ? 'city' : 'cities'}: ${plural(stats.totalCount, 'decision')}.`, 'ready');
  } catch (err) {
    if (mine === run) say(`The gateway could not answer: ${(err as Error).message}`, 'error');
  } finally {
    if (mine === run) button.disabled = false;
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const s = selectionFromForm();
  const q = new URLSearchParams();
  q.set('cities', s.cities.join(','));
  if (s.from) q.set('from', s.from);
  if (s.to) q.set('to', s.to);
  if (s.topic) q.set('topic', s.topic);
  history.pushState(null, '', `?${q.toString().replace(/%2C/g, ',')}`);
  void compare(s);
});

addEventListener('popstate', () => {
  const s = selectionFromUrl();
  showSelection(s);
  void compare(s);
});

async function start(): Promise<void> {
  say('Loading the cities…', 'loading');
  try {
    ({ cities, topics: scheme } = await loadChoices().then((c) => ({ cities: c.cities, topics: c.topics })));
  } catch (err) {
    return say(`The gateway could not list its cities: ${(err as Error).message}`, 'error');
  }
  renderChoices();
  const s = selectionFromUrl();
  showSelection(s);
  await compare(s);
}

void start();
