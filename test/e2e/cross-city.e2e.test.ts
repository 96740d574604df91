/**
 * The product's promise: one request compares cities. Helsinki and Amsterdam side by side through
 * the gateway, planned as one parallel fetch per city, and one city failing leaves the other intact.
 */
import fs from 'node:fs';
import { parse } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { SUPERGRAPH_FILE } from '../../schema/cities';
import { startGraph, type Graph } from './harness';

const COMPARE = `{
  helsinki { decisions(first: 3, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title date outcome body { name } } } }
  amsterdam { decisions(first: 3, filter: { from: "2025-01-01", to: "2026-01-01" }) { totalCount nodes { id title date outcome body { name } } } }
}`;

describe('Helsinki and Amsterdam in one request', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ amsterdam: true, breaker: { volumeThreshold: 1000 } });
  });
  afterAll(async () => {
    await graph.close();
  });

  it('returns both cities\' decisions', async () => {
    const res = await graph.query(COMPARE);
    expect(res.errors).toBeUndefined();
    for (const city of ['helsinki', 'amsterdam']) {
      const { totalCount, nodes } = res.data[city].decisions;
      expect(totalCount).toBeGreaterThan(0);
      expect(nodes.length).toBeGreaterThan(0);
      for (const n of nodes) {
        expect(n.id.startsWith(`${city}:decision:`)).toBe(true);
        expect(n.date >= '2025-01-01' && n.date < '2026-01-01').toBe(true);
      }
    }
    // Amsterdam's outcomes come from its module items' Uitslag (UNKNOWN where none states one): values of the one Outcome enum.
    for (const n of res.data.amsterdam.decisions.nodes) expect(['ADOPTED', 'AMENDED', 'REJECTED', 'NOTED', 'WITHDRAWN', 'POSTPONED', 'UNKNOWN']).toContain(n.outcome);
  });

  it('is planned as one fetch per city, in parallel', () => {
    const supergraph = Supergraph.build(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'));
    const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse(COMPARE)));
    expect(plan.node?.kind).toBe('Parallel');
    const nodes = (plan.node as { nodes: Array<{ kind: string; serviceName: string }> }).nodes;
    expect(nodes.map((n) => [n.kind, n.serviceName]).sort()).toEqual([['Fetch', 'amsterdam'], ['Fetch', 'helsinki']]);
  });

  // The two below break this graph (in this order: its replica, then its subgraph), so they come last.
  it('Amsterdam\'s Notubiz down after a sync: both cities answer, Amsterdam from its copy, flagged stale', async () => {
    await graph.amsterdam!.replica!.close();
    await graph.amsterdam!.service.sync.runOnce();
    const res = await graph.query(COMPARE.replace('first: 3', 'first: 2')); // not the cached answer of the test above
    expect(res.errors).toBeUndefined();
    expect(res.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
    expect(res.data.amsterdam.decisions.totalCount).toBeGreaterThan(0);
    expect(res.extensions?.stale).toEqual([expect.objectContaining({ city: 'amsterdam', upstream: 'Notubiz API' })]);
  });

  it('Amsterdam\'s subgraph down: Helsinki\'s data comes back, with CITY_UNAVAILABLE naming Amsterdam', async () => {
    await graph.amsterdam!.subgraph.close();
    const res = await graph.query(COMPARE.replace(/first: 3/g, 'first: 1'));
    expect(res.data.amsterdam).toBeNull();
    expect(res.data.helsinki.decisions.nodes.length).toBeGreaterThan(0);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CITY_UNAVAILABLE', city: 'amsterdam' });
  });
});

describe('one city down', () => {
  it('Amsterdam\'s Notubiz down before its first sync: Helsinki\'s data comes back, with an error naming Amsterdam', async () => {
    const graph = await startGraph({ amsterdam: true, syncFirst: false, breaker: { volumeThreshold: 1000 } });
    try {
      await graph.subgraphService.sync.runOnce();
      await graph.amsterdam!.replica!.close();
      await graph.amsterdam!.service.sync.runOnce();
      const res = await graph.query(COMPARE);
      expect(res.data.amsterdam).toBeNull();
      expect(res.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', city: 'amsterdam' });
      expect(res.errors![0].message).toMatch(/^Amsterdam has no data yet: the first sync from Notubiz API failed/);
    } finally {
      await graph.close();
    }
  });

  it('Helsinki\'s Ahjo down before its first sync: Amsterdam\'s data comes back, with an error naming Helsinki', async () => {
    const graph = await startGraph({ amsterdam: true, syncFirst: false, breaker: { volumeThreshold: 1000 } });
    try {
      await graph.amsterdam!.service.sync.runOnce();
      await graph.replica!.close();
      await graph.subgraphService.sync.runOnce();
      const res = await graph.query(COMPARE);
      expect(res.data.helsinki).toBeNull();
      expect(res.data.amsterdam.decisions.totalCount).toBeGreaterThan(0);
      expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', city: 'helsinki' });
    } finally {
      await graph.close();
    }
  });
});

const HOUSING = `{
  helsinki { decisions(first: 3, filter: { text: "asunto" }) { totalCount nodes { id title date outcome } } }
  amsterdam { decisions(first: 3, filter: { text: "woning", from: "2024-01-01", to: "2027-01-01" }) { totalCount nodes { id title date outcome } } }
  barcelona { decisions(first: 3, filter: { category: "Habitatge" }) { totalCount nodes { id title date outcome } } }
}`;

describe('Helsinki, Amsterdam and Barcelona in one request', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ amsterdam: true, barcelona: true });
  });
  afterAll(async () => {
    await graph.close();
  });

  it('compares housing decisions of the three cities', async () => {
    const res = await graph.query(HOUSING);
    expect(res.errors).toBeUndefined();
    for (const city of ['helsinki', 'amsterdam', 'barcelona']) {
      expect(res.data[city].decisions.totalCount).toBeGreaterThan(0);
      for (const n of res.data[city].decisions.nodes) expect(n.id.startsWith(`${city}:decision:`)).toBe(true);
    }
  });

  it('is planned as one parallel fetch per city', () => {
    const supergraph = Supergraph.build(fs.readFileSync(SUPERGRAPH_FILE, 'utf8'));
    const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse(HOUSING)));
    expect(plan.node?.kind).toBe('Parallel');
    const nodes = (plan.node as { nodes: Array<{ kind: string; serviceName: string }> }).nodes;
    expect(nodes.map((n) => [n.kind, n.serviceName]).sort()).toEqual([['Fetch', 'amsterdam'], ['Fetch', 'barcelona'], ['Fetch', 'helsinki']]);
  });

  it('Barcelona down before its first sync: the other two intact, an error naming Barcelona', async () => {
    const g = await startGraph({ amsterdam: true, barcelona: true, syncFirst: false, breaker: { volumeThreshold: 1000 } });
    try {
      await g.subgraphService.sync.runOnce();
      await g.amsterdam!.service.sync.runOnce();
      await g.barcelona!.replicaService.close();
      await g.barcelona!.service.sync.runOnce();
      const res = await g.query(HOUSING);
      expect(res.data.barcelona).toBeNull();
      expect(res.data.helsinki.decisions.totalCount).toBeGreaterThan(0);
      expect(res.data.amsterdam.decisions.totalCount).toBeGreaterThan(0);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', city: 'barcelona' });
      expect(res.errors![0].message).toMatch(/^Barcelona has no data yet/);
    } finally {
      await g.close();
    }
  });
});
