/** Starts a Ahjo city's subgraph: `CITY_ID=<city> tsx subgraphs/ahjo/index.ts` (configured by env, see config.ts). */
import { runCitySubgraph } from '../shared/main';
import { ahjoConfigFromEnv } from './config';
import { buildAhjoSubgraph } from './server';

runCitySubgraph('ahjo', ahjoConfigFromEnv, buildAhjoSubgraph);
