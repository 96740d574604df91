/** Starts a Notubiz city's subgraph: `CITY_ID=<city> tsx subgraphs/notubiz/index.ts` (configured by env, see config.ts). */
import { runCitySubgraph } from '../shared/main';
import { notubizConfigFromEnv } from './config';
import { buildNotubizSubgraph } from './server';

runCitySubgraph('notubiz', notubizConfigFromEnv, buildNotubizSubgraph);
