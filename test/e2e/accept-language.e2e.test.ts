/**
 * `Accept-Language` through the real path (Ahjo replica → Helsinki subgraph → gateway): it chooses
 * the default of `lang` arguments among the city's languages (q-values honoured, other languages
 * ignored, none: the text's own language as before), an explicit `lang` always wins, and answers
 * in different languages never come from each other's cache entry or shared subgraph call.
 */
import { helsinkiMerges, readDataset, slowProxy, startGateway, startGraph, type Graph } from './harness';
import { CITIES } from '../../schema/cities';

/** A decision Helsinki published in Finnish with a Swedish translation, from the replica's files alone. */
const { pairs } = helsinkiMerges(readDataset());
const pair = pairs[0];
const ID = `helsinki:decision:${pair.fi.NativeId}`;
const FI = pair.fi.Title as string;
const SV = pair.sv.Title as string;

const DECISION = `{ helsinki { decision(id: "${ID}") { id availableLanguages title content { lang } } } }`;

interface Answer {
  cache: string | null;
  vary: string | null;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: unknown[];
}

async function post(url: string, query: string, language?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (language !== undefined) headers['accept-language'] = language;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return { cache: res.headers.get('x-cache'), vary: res.headers.get('vary'), ...((await res.json()) as { data: unknown }) };
}

let graph: Graph;
beforeAll(async () => {
  graph = await startGraph({ cache: {} });
});
afterAll(async () => {
  await graph?.close();
});

it('the replica has the decision in both languages, with different titles', async () => {
  expect(FI).not.toBe(SV);
  const res = await post(graph.gatewayUrl, DECISION);
  expect(res.errors).toBeUndefined();
  expect(res.data.helsinki.decision.availableLanguages).toEqual(expect.arrayContaining(['fi', 'sv']));
});

describe('Accept-Language chooses the default language of `lang`', () => {
  it.each([
    ['no header', undefined, FI, 'fi'],
    ['sv', 'sv', SV, 'sv'],
    ['fi', 'fi', FI, 'fi'],
    ['a region of sv (sv-FI)', 'sv-FI', SV, 'sv'],
    ['q-values: sv preferred over fi', 'fi;q=0.4, sv;q=0.8', SV, 'sv'],
    ['q-values: fi preferred over sv', 'sv;q=0.3, fi', FI, 'fi'],
    ['languages the city has not, then sv', 'en-GB, en;q=0.9, de;q=0.8, sv;q=0.5', SV, 'sv'],
    ['only languages the city has not: its default', 'en-GB, en;q=0.9', FI, 'fi'],
    ['sv refused (q=0), fi acceptable', 'sv;q=0, fi;q=0.1', FI, 'fi'],
  ])('%s', async (_name, language, title, lang) => {
    const res = await post(graph.gatewayUrl, DECISION, language);
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decision).toMatchObject({ id: ID, title, content: { lang } });
    // HTTP caches outside the gateway keep the languages apart too (edge-cache hits included).
    expect(res.vary).toMatch(/accept-language/i);
  });

  it('an explicit `lang` wins over the header, field by field', async () => {
    const query = `{ helsinki { decision(id: "${ID}") { fi: title(lang: "fi") sv: title(lang: "sv") title content(lang: "fi") { lang } } } }`;
    const res = await post(graph.gatewayUrl, query, 'sv');
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decision).toEqual({ fi: FI, sv: SV, title: SV, content: { lang: 'fi' } });
    const other = await post(graph.gatewayUrl, query, 'fi');
    expect(other.data.helsinki.decision).toEqual({ fi: FI, sv: SV, title: FI, content: { lang: 'fi' } });
  });

  it('reaches the city through the cross-city `node` lookup too (an entity fetch)', async () => {
    const query = `{ node(id: "${ID}") { id ... on HelsinkiDecision { title } } }`;
    expect((await post(graph.gatewayUrl, query, 'sv')).data.node).toEqual({ id: ID, title: SV });
    expect((await post(graph.gatewayUrl, query, 'fi')).data.node).toEqual({ id: ID, title: FI });
  });
});

describe('answers in different languages are kept apart', () => {
  it('by the gateway caches: sv and fi each get their own entry', async () => {
    const query = `query Cached { helsinki { decision(id: "${ID}") { title } } }`;
    const sv = await post(graph.gatewayUrl, query, 'sv');
    expect(sv).toMatchObject({ cache: 'MISS', data: { helsinki: { decision: { title: SV } } } });
    const fi = await post(graph.gatewayUrl, query, 'fi');
    expect(fi).toMatchObject({ cache: 'MISS', data: { helsinki: { decision: { title: FI } } } });
    expect(await post(graph.gatewayUrl, query, 'sv')).toMatchObject({ cache: 'HIT', data: { helsinki: { decision: { title: SV } } } });
    expect(await post(graph.gatewayUrl, query, 'fi')).toMatchObject({ cache: 'HIT', data: { helsinki: { decision: { title: FI } } } });
  });

  it('by the response cache alone (no edge cache)', async () => {
    const gateway = await startGateway({ subgraphUrls: subgraphUrls(graph.subgraph.url), cache: { maxEntries: 1000, timeoutMs: 250 }, edgeCacheEntries: 0 });
    try {
      const query = `query ResponseCache { helsinki { decision(id: "${ID}") { title } } }`;
      expect(await post(gateway.url, query, 'fi')).toMatchObject({ cache: 'MISS', data: { helsinki: { decision: { title: FI } } } });
      expect(await post(gateway.url, query, 'sv')).toMatchObject({ cache: 'MISS', data: { helsinki: { decision: { title: SV } } } });
      expect(await post(gateway.url, query, 'fi')).toMatchObject({ cache: 'HIT', data: { helsinki: { decision: { title: FI } } } });
    } finally {
      await gateway.close();
    }
  });

  it('by the gateway\'s sharing of identical subgraph calls in flight', async () => {
    // A proxy holding each call to the subgraph a while, so that the two requests' calls overlap.
    const proxy = await slowProxy(graph.subgraph.url, 300);
    const gateway = await startGateway({ subgraphUrls: subgraphUrls(proxy.url), responseCache: false, edgeCacheEntries: 0 });
    try {
      const query = `query InFlight { helsinki { decision(id: "${ID}") { title } } }`;
      const [sv, fi] = await Promise.all([post(gateway.url, query, 'sv'), post(gateway.url, query, 'fi')]);
      expect(sv.data.helsinki.decision.title).toBe(SV);
      expect(fi.data.helsinki.decision.title).toBe(FI);
    } finally {
      await gateway.close();
      await proxy.close();
    }
  });
});

/** Every registry city at a port nothing listens on, Helsinki at `helsinki`. */
function subgraphUrls(helsinki: string): Record<string, string> {
  return { ...Object.fromEntries(CITIES.map((c) => [c.id, 'http://127.0.0.1:9/graphql'])), helsinki };
}

