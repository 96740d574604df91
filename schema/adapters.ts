/**
 * The adapters this repository has: one per kind of software a city runs. A city entry in
 * cities.yaml names one of these (`adapter: notubiz`) and gives its settings.
 */
import type { AdapterDescriptor } from '../subgraphs/shared/adapter';
import { ahjoAdapter } from '../subgraphs/ahjo/adapter';
import { notubizAdapter } from '../subgraphs/notubiz/adapter';
import { decidimAdapter } from '../subgraphs/decidim/adapter';
import { oparlAdapter } from '../subgraphs/oparl/adapter';

export const ADAPTERS: Record<string, AdapterDescriptor> = Object.fromEntries(
  [ahjoAdapter, notubizAdapter, decidimAdapter, oparlAdapter].map((a) => [a.name, a as unknown as AdapterDescriptor]),
);
