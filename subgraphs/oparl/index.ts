/** Starts a OParl city's subgraph: `CITY_ID=<city> tsx subgraphs/oparl/index.ts` (configured by env, see config.ts). */
import { runCitySubgraph } from '../shared/main';
import { oparlConfigFromEnv } from './config';
import { buildOParlSubgraph } from './server';

runCitySubgraph('oparl', oparlConfigFromEnv, buildOParlSubgraph);
