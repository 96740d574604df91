/**
 * The Notubiz adapter: a Dutch municipality whose council information (raadsinformatie) runs on
 * Notubiz. Every municipality is the same API with its own organisation id; what differs between
 * them (their organisations, which gremia decide, how their document types and module item labels
 * are named) is in the settings below, given per city in cities.yaml.
 */
import { z } from 'zod';
import { defineAdapter } from '../shared/adapter';

const organisation = z.strictObject({
  /** Notubiz organisation id. */
  id: z.number().int().positive(),
  /** Its name as the city uses it (`Stadsdeel Noord`). */
  name: z.string().trim().min(1),
});

export const notubizSettings = z.strictObject({
  /** Base URL of the Notubiz API (the same host for every municipality). */
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.notubiz.nl'),
  /** The municipality's Notubiz organisation id (`notubiz_organization_id` in Open Raadsinformatie's ori.notubiz.yaml). */
  organisationId: z.number().int().positive(),
  /** The name of the municipality's organisation as a body (default `Gemeente {city name}`). */
  organisationName: z.string().trim().min(1).optional(),
  /**
   * Further Notubiz organisations whose meetings are the city's (Amsterdam's stadsdelen each have
   * their own organisation id in ori.notubiz.yaml); their bodies hang under them.
   */
  districts: z.array(organisation).default([]),
  /**
   * Title prefixes (case-insensitive) of the gremia whose held meetings make decisions; advisory
   * committees are left out (raadscommissies only advise).
   */
  decidingBodies: z.array(z.string().trim().min(1)).min(1).default(['Gemeenteraad']),
  /** Title prefixes (case-insensitive) of gremia that are executive boards (type BOARD); the council and committees are found by their titles. */
  boardTitles: z.array(z.string().trim().min(1)).default([]),
  /** Notubiz document types that make an agenda point a decision (a proposal, a decision, a motion …). */
  decisionDocumentTypes: z.array(z.string().trim().min(1)).min(1).default(['Raadsvoorstel', 'Raadsbesluit', 'Besluit', 'Motie', 'Amendement']),
  /** Notubiz document types of a meeting's results lists (linked from its decisions as resultDocuments). */
  resultDocumentTypes: z.array(z.string().trim().min(1)).default(['Besluitenlijst']),
  /** The label of the module item attribute that states a vote's result (`aangenomen`, `verworpen` …). */
  resultLabel: z.string().trim().min(1).default('Uitslag'),
  /** Labels of the organisation's meeting attribute fields that hold a meeting's title, location and description (`title` also labels a module item's title attribute). */
  meetingLabels: z.strictObject({
    title: z.string().trim().min(1).default('Titel'),
    location: z.string().trim().min(1).default('Locatie'),
    description: z.string().trim().min(1).default('Omschrijving'),
  }).default({ title: 'Titel', location: 'Locatie', description: 'Omschrijving' }),
});

export type NotubizSettings = z.infer<typeof notubizSettings>;

export const notubizAdapter = defineAdapter({
  name: 'notubiz',
  description: 'Notubiz API (version 1.17.0), the council information system of about 120 Dutch municipalities',
  typePrefix: 'Notubiz',
  rootField: 'notubiz',
  schemaFile: 'subgraphs/notubiz/schema.graphql',
  entry: 'subgraphs/notubiz/index.ts',
  builder: 'subgraphs/notubiz/server.ts',
  replicaEntry: 'subgraphs/notubiz/replica/index.ts',
  settings: notubizSettings,
  upstreams: (s) => [{ name: 'notubiz', description: 'Notubiz API (version 1.17.0)', liveBaseUrl: s.baseUrl, replicaPath: '' }],
});
