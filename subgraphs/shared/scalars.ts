/**
 * Date and DateTime scalars. Output values are produced by the mappings already in ISO 8601 form
 * and checked on the way out. Input values are passed through as strings on purpose: the field
 * that takes them validates them (see args.ts), so the error can name the argument and carry
 * BAD_USER_INPUT instead of a generic validation failure.
 */
import { GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function literalString(ast: { kind: string; value?: unknown }): unknown {
  return ast.kind === Kind.STRING ? ast.value : ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? String(ast.value) : null;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'ISO 8601 calendar date (YYYY-MM-DD) in the city\'s time zone.',
  serialize(value) {
    if (typeof value !== 'string' || !DATE.test(value)) throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: (value) => value,
  parseLiteral: (ast) => literalString(ast),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO 8601 date-time with UTC offset.',
  serialize(value) {
    if (typeof value !== 'string' || !DATE_TIME.test(value)) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: (value) => value,
  parseLiteral: (ast) => literalString(ast),
});
