/** Starts a Decidim city's subgraph: `CITY_ID=<city> tsx subgraphs/decidim/index.ts` (configured by env, see config.ts). */
import { runCitySubgraph } from '../shared/main';
import { decidimConfigFromEnv } from './config';
import { buildDecidimSubgraph } from './server';

runCitySubgraph('decidim', decidimConfigFromEnv, buildDecidimSubgraph);
