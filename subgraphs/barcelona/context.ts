/**
 * Per-request context. Both sources are cached at service level (the plenary index until a file
 * changes, the Decidim snapshot for a TTL); within a request each is read once.
 */
import type { PlenaryIndex, PlenaryIndexer } from './plenary-index';
import type { DecidimData } from './mapping/decidim-model';
import type { DecidimSource } from './upstream/decidim';
import { createMemo } from '../shared/resolvers';

export interface BarcelonaContext {
  upstreamBaseUrl: string;
  plenary(): Promise<PlenaryIndex>;
  decidim(): Promise<DecidimData>;
}

export function createContext(indexer: PlenaryIndexer, decidim: DecidimSource, upstreamBaseUrl: string): BarcelonaContext {
  const memo = createMemo();
  return {
    upstreamBaseUrl,
    plenary: () => memo('plenary', () => indexer.load()),
    decidim: () => memo('decidim', () => decidim.data()),
  };
}
