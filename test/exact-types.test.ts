/**
 * Each city's lists hold that city's records only (issue 16): in the schema clients see, every paged
 * field of a city returns the city's own connection type, whose `nodes` and `edges.node` can only be
 * that city's records. Checked on the committed supergraph and on the cities' SDLs as composed now.
 */
import { getNamedType, isAbstractType, isInterfaceType, isObjectType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { apiSchema } from '../examples/clients/api-schema';
import { CITIES } from '../schema/cities';
import { composeSupergraph } from '../schema/compose';
import { PAGED_RECORDS } from '../schema/connections';

/** The object types a value of this type can be. */
function possible(schema: GraphQLSchema, type: GraphQLNamedType): string[] {
  return isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name).sort() : [type.name];
}

/** `{type}.{field}` → the city's own types its nodes can be, for every city type's paged fields. */
function pagedFields(schema: GraphQLSchema): Array<{ city: string; where: string; connection: string; nodes: string[]; edgeNodes: string[]; records: string[] }> {
  const out = [];
  for (const city of CITIES) {
    const own = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && t.name.startsWith(city.typePrefix));
    for (const type of own) {
      for (const field of Object.values(type.getFields())) {
        const connection = getNamedType(field.type);
        const record = PAGED_RECORDS.find((r) => isObjectType(connection) && connection.getInterfaces().some((i) => i.name === `${r}Connection`));
        if (!record || !isObjectType(connection)) continue;
        const recordInterface = schema.getType(record);
        const edge = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
        out.push({
          city: city.id,
          where: `${type.name}.${field.name}`,
          connection: connection.name,
          nodes: possible(schema, getNamedType(connection.getFields().nodes.type)),
          edgeNodes: possible(schema, getNamedType(edge.getFields().node.type)),
          // The city's types of that record: those implementing the contract's interface with the city's prefix.
          records: isInterfaceType(recordInterface) ? schema.getPossibleTypes(recordInterface).map((t) => t.name).filter((n) => n.startsWith(city.typePrefix)).sort() : [],
        });
      }
    }
  }
  return out;
}

describe.each([
  ['the committed supergraph', () => apiSchema()],
  ['the supergraph composed from the checkout', () => apiSchema(composeSupergraph().supergraphSdl)],
])('%s', (_name, schemaOf) => {
  const schema = schemaOf();
  const fields = pagedFields(schema);

  it('gives every city its own connection type for each list on its root, bodies and meetings', () => {
    for (const city of CITIES) {
      const rootFields = fields.filter((f) => f.city === city.id && f.where.startsWith(`${city.typePrefix}City.`)).map((f) => f.where.split('.')[1]).sort();
      expect({ city: city.id, rootFields }).toEqual({ city: city.id, rootFields: ['bodies', 'cases', 'decisions', 'meetings'] });
    }
    for (const f of fields) expect({ where: f.where, connection: f.connection.startsWith(CITIES.find((c) => c.id === f.city)!.typePrefix) }).toEqual({ where: f.where, connection: true });
  });

  it('lets a city list hold only that city\'s records, in nodes and in edges alike', () => {
    expect(fields.length).toBeGreaterThanOrEqual(CITIES.length * 6);
    for (const f of fields) {
      expect(f.records.length).toBeGreaterThan(0);
      expect({ where: f.where, nodes: f.nodes }).toEqual({ where: f.where, nodes: f.records });
      expect({ where: f.where, edgeNodes: f.edgeNodes }).toEqual({ where: f.where, edgeNodes: f.records });
    }
  });

  it('keeps the contract\'s connection interfaces, so a query on DecisionConnection still matches every city', () => {
    for (const record of PAGED_RECORDS) {
      const iface = schema.getType(`${record}Connection`);
      expect(isInterfaceType(iface)).toBe(true);
      const implementations = schema.getPossibleTypes(iface as never).map((t) => t.name);
      expect(implementations.length).toBe(CITIES.length);
    }
  });
});
