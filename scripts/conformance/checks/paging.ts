/** Rules on the Relay connections of the four root lists: `first`, `after`, `totalCount`, `pageInfo`, stable cursors. */
import { cityData } from '../client';
import { fail, pass, type Check, type Subject } from '../types';
import { LISTS } from './ids';

/** Most pages walked per list: small pages over a short list, at most this many requests over a long one. */
export const MAX_PAGES = 25;
const SMALLEST_PAGE = 3;
const CONTRACT_DEFAULT_FIRST = 20;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string }>;
}

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } nodes { id }';

function page(s: Subject, list: string, first: number | null, after: string | null): Promise<Page> {
  const args = [first === null ? '' : `first: ${first}`, after === null ? '' : 'after: $after'].filter(Boolean).join(', ');
  return cityData(s, `${list}${args ? `(${args})` : ''} { ${PAGE} }`, `${list}(${args})`, after === null ? undefined : { after }, after === null ? '' : '($after: String)').then((d) => d[list]);
}

async function totals(s: Subject): Promise<Record<string, number>> {
  const d = await cityData(s, LISTS.map((l) => `${l.list}(first: 0) { totalCount }`).join(' '), 'counting the lists');
  return Object.fromEntries(LISTS.map((l) => [l.list, d[l.list].totalCount]));
}

/** The page size for walking a list of `total` items in at most MAX_PAGES pages (never over 100). */
export const pageSizeFor = (total: number) => Math.min(100, Math.max(SMALLEST_PAGE, Math.ceil(total / MAX_PAGES)));

export const pagingFirst: Check = {
  rule: 'paging.first',
  summary: '`first: 0` returns no nodes and no edges but the `totalCount`; without `first` a page holds min(20, totalCount) nodes; `first: n` at most n.',
  async run(s) {
    const problems: Array<{ list: string; problem: string }> = [];
    for (const { list } of LISTS) {
      const zero = await page(s, list, 0, null);
      if (zero.nodes.length || zero.edges.length) problems.push({ list, problem: `${list}(first: 0) returned ${zero.nodes.length} nodes and ${zero.edges.length} edges; it must return none (and the count)` });
      const byDefault = await page(s, list, null, null);
      if (byDefault.totalCount !== zero.totalCount) problems.push({ list, problem: `${list}(first: 0) says totalCount ${zero.totalCount}, ${list} without first says ${byDefault.totalCount}` });
      const expected = Math.min(CONTRACT_DEFAULT_FIRST, byDefault.totalCount);
      if (byDefault.nodes.length !== expected) problems.push({ list, problem: `${list} without first returned ${byDefault.nodes.length} nodes; the default page is 20, so ${expected} were expected (totalCount ${byDefault.totalCount})` });
      const one = await page(s, list, 1, null);
      if (one.nodes.length !== Math.min(1, zero.totalCount)) problems.push({ list, problem: `${list}(first: 1) returned ${one.nodes.length} nodes (totalCount ${zero.totalCount})` });
    }
    if (problems.length) return fail(`\`first\` bounds a page and \`first: 0\` counts only: ${problems[0].problem}`, problems);
    return pass('first: 0 counts only, the default page is 20, first: 1 gives one (decisions, meetings, cases, bodies)');
  },
};

export const pagingWalk: Check = {
  rule: 'paging.walk',
  summary: 'Walking each list with a small `first` and `after: endCursor` visits `totalCount` distinct nodes exactly once; `hasNextPage` is false only on the last page; edges match nodes.',
  async run(s) {
    const problems: Array<Record<string, unknown>> = [];
    const done: string[] = [];
    const counts = await totals(s);
    for (const { list } of LISTS) {
      const total = counts[list];
      const first = pageSizeFor(total);
      const seenOn = new Map<string, number>();
      let after: string | null = null;
      let pages = 0;
      let complete = false;
      const problem = (p: string, example?: unknown) => problems.push({ list, first, page: pages, problem: p, ...(example === undefined ? {} : { example }) });
      while (pages < MAX_PAGES) {
        const p: Page = await page(s, list, first, after);
        pages++;
        const ids = p.nodes.map((n) => n.id);
        if (p.totalCount !== total) problem(`totalCount changed from ${total} to ${p.totalCount} while paging`);
        if (ids.length > first) problem(`${ids.length} nodes for first: ${first}`);
        if (p.edges.map((e) => e.node.id).join('\u0000') !== ids.join('\u0000')) problem('edges and nodes differ', { edges: p.edges.map((e) => e.node.id), nodes: ids });
        if (ids.length && p.pageInfo.endCursor !== p.edges[ids.length - 1].cursor) problem('pageInfo.endCursor is not the last edge\'s cursor', { endCursor: p.pageInfo.endCursor, lastEdgeCursor: p.edges[ids.length - 1].cursor });
        if (ids.length && p.pageInfo.startCursor !== p.edges[0].cursor) problem('pageInfo.startCursor is not the first edge\'s cursor');
        if (p.pageInfo.hasPreviousPage !== (after !== null)) problem(`hasPreviousPage is ${p.pageInfo.hasPreviousPage} on page ${pages} (true exactly when an \`after\` was given and matched)`);
        for (const id of ids) {
          if (seenOn.has(id)) problem(`node ${JSON.stringify(id)} came again on page ${pages} (first seen on page ${seenOn.get(id)})`, { after, ids });
          else seenOn.set(id, pages);
        }
        if (!p.pageInfo.hasNextPage) {
          complete = true;
          break;
        }
        if (!ids.length || !p.pageInfo.endCursor) {
          problem('hasNextPage is true on a page without nodes or endCursor: the list cannot be continued');
          break;
        }
        after = p.pageInfo.endCursor;
      }
      const visited = seenOn.size;
      if (complete && visited !== total) problems.push({ list, first, pages, problem: `walking ${list} with first: ${first} visited ${visited} distinct nodes over ${pages} pages, but totalCount is ${total}` });
      if (!complete && visited !== first * pages && !problems.some((p) => p.list === list)) problems.push({ list, first, pages, problem: `after ${pages} pages of ${first}, ${visited} distinct nodes were visited (${first * pages} expected)` });
      const walked = `${pages} page${pages === 1 ? '' : 's'} of ${first}`;
      done.push(complete ? `${list} ${visited}/${total} in ${walked}` : `${list}: the first ${visited} of ${total} (${walked}; longer lists are not walked to the end)`);
    }
    if (problems.length) {
      const p = problems[0];
      return fail(`walking a list page by page must visit each of its totalCount nodes exactly once: ${p.list}(first: ${p.first}): ${p.problem}`, problems.slice(0, 6));
    }
    return pass(done.join('; '));
  },
};

export const pagingCursors: Check = {
  rule: 'paging.cursors',
  summary: 'Cursors are stable: asking again after the same cursor gives the same page.',
  async run(s) {
    const problems: Array<Record<string, unknown>> = [];
    const counts = await totals(s);
    let compared = 0;
    for (const { list } of LISTS) {
      const first = pageSizeFor(counts[list]);
      const p1 = await page(s, list, first, null);
      const again = await page(s, list, first, null);
      if (again.nodes.map((n) => n.id).join() !== p1.nodes.map((n) => n.id).join()) problems.push({ list, problem: `the first page of ${list}(first: ${first}) differs when asked twice`, pages: [p1.nodes.map((n) => n.id), again.nodes.map((n) => n.id)] });
      if (!p1.pageInfo.hasNextPage || !p1.pageInfo.endCursor) continue;
      const a = await page(s, list, first, p1.pageInfo.endCursor);
      const b = await page(s, list, first, p1.pageInfo.endCursor);
      // The page after a cursor is the same again, and so is the one after an edge's cursor.
      const c = await page(s, list, first, p1.edges[p1.edges.length - 1].cursor);
      const ids = (x: Page) => x.nodes.map((n) => n.id);
      compared++;
      if (ids(a).join() !== ids(b).join() || ids(a).join() !== ids(c).join()) problems.push({ list, problem: `${list}(first: ${first}, after: the first page's endCursor) gave different pages when asked again`, after: p1.pageInfo.endCursor, pages: [ids(a), ids(b), ids(c)] });
      if (ids(a).some((id) => ids(p1).includes(id))) problems.push({ list, problem: `${list}: the page after the first page's endCursor repeats nodes of the first page`, first: ids(p1), next: ids(a) });
    }
    if (problems.length) return fail(`cursors must be stable (the same cursor gives the same next page): ${problems[0].problem}`, problems.slice(0, 4));
    return pass(`the page after a cursor is the same when asked again (${compared} lists with a second page)`);
  },
};

export const PAGING_CHECKS: Check[] = [pagingFirst, pagingWalk, pagingCursors];
