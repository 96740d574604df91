/** The schema is the product: every type, field, argument and enum value in every city's SDL has a description. */
import { buildASTSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { citySubgraphSdl } from '../schema/compose';
import { CITIES } from '../schema/cities';
import { graphSubgraphSdl } from '../gateway/graph-status';

// Every city's SDL, and the gateway's own (`graph`, the cities status).
const SDLS = [...CITIES.map((c) => [c.id, citySubgraphSdl(c), 40] as const), ['the gateway\'s graph', graphSubgraphSdl(), 4] as const];

describe.each(SDLS)('%s SDL', (_id, sdl, atLeast) => {
  const schema = buildSubgraphSchema(parse(sdl));
  // Federation adds its own types (_Service, _Entity, _Any, link__…); ours are the rest.
  const ours = new Set(
    buildASTSchema(parse(sdl.replace(/extend schema[\s\S]*?\n\n/, '')), { assumeValidSDL: true })
      .toConfig()
      .types.map((t) => t.name)
      .filter((n) => !n.startsWith('__')),
  );

  it('describes everything', () => {
    const missing: string[] = [];
    for (const name of ours) {
      const type = schema.getType(name);
      if (!type) continue;
      if (!type.description) missing.push(name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (name === 'Query' && field.name.startsWith('_')) continue;
          if (!field.description) missing.push(`${name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${name}.${field.name}`);
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${name}.${value.name}`);
      if (isScalarType(type) && !type.description) missing.push(name);
    }
    expect(ours.size).toBeGreaterThan(atLeast);
    expect(missing).toEqual([]);
  });
});
