/** The committed supergraph is what `npm run compose` produces, composition is clean, and plans stay per city. */
import fs from 'node:fs';
import { parse } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { composeSupergraph } from '../schema/compose';
import { CITIES, SUPERGRAPH_FILE } from '../schema/cities';

describe('supergraph', () => {
  const composed = composeSupergraph();

  it('composes without errors', () => {
    expect(composed.errors).toEqual([]);
    expect(composed.supergraphSdl).toBeDefined();
  });

  it('is committed and up to date (run `npm run compose` after changing any SDL)', () => {
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composed.supergraphSdl);
  });

  it('has one nullable root field per city in the registry', () => {
    const schema = Supergraph.build(composed.supergraphSdl!).schema;
    const query = schema.schemaDefinition.rootType('query')!;
    for (const city of CITIES) {
      const field = query.field(city.id);
      expect(field).toBeDefined();
      expect(field!.type!.toString()).not.toMatch(/!$/);
    }
  });

  it('plans the namespaced query as one fetch to the city subgraph', () => {
    const supergraph = Supergraph.build(composed.supergraphSdl!);
    const planner = new QueryPlanner(supergraph);
    const operation = operationFromDocument(supergraph.schema, parse('{ helsinki { decisions(first: 5) { totalCount nodes { id title date body { name } } } } }'));
    const plan = planner.buildQueryPlan(operation);
    expect(plan.node?.kind).toBe('Fetch');
    expect((plan.node as { serviceName: string }).serviceName).toBe('helsinki');
  });
});
