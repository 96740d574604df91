/**
 * graphql-codegen with the client preset, offline from the committed supergraph's API schema.
 *   npx graphql-codegen --config examples/clients/codegen.ts
 * writes typed documents for the `graphql(...)` calls in examples/clients/*.ts into examples/clients/gql/.
 * The test (test/e2e/client-examples.e2e.test.ts) runs it into a temporary folder (CODEGEN_OUT) and
 * checks the committed output is current; `npm test`'s typecheck checks the committed output compiles.
 */
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { apiSchemaSdl } from './api-schema';

const here = path.relative(process.cwd(), __dirname) || '.';

const config: CodegenConfig = {
  schema: apiSchemaSdl(),
  documents: [path.join(here, '*.ts')],
  ignoreNoDocuments: false,
  generates: {
    [process.env.CODEGEN_OUT ?? path.join(here, 'gql') + '/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // The contract's two custom scalars, both ISO 8601 strings on the wire.
        scalars: { Date: 'string', DateTime: 'string' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
