/**
 * The Decidim adapter: a city's Decidim instance (participatory processes, meetings, proposals,
 * results), and, where the city publishes them, its plenary vote files in the Acords del Plenari
 * format (Barcelona's: one row per agreement, one column per group).
 */
import { z } from 'zod';
import { defineAdapter } from '../shared/adapter';

const httpUrl = z.url({ protocol: /^https?$/ });

export const decidimSettings = z
  .strictObject({
    /** The instance's GraphQL endpoint (`https://<host>/api`). */
    decidimUrl: httpUrl,
    /** The folder where the city publishes its plenary vote files (Acords del Plenari format); absent when it has none. */
    plenaryFilesUrl: httpUrl.optional(),
    /**
     * The plenary files under plenaryFilesUrl: `key` names the file's sync source (and is written into
     * every agreement), `name` is the file name. Either layout of the format is read (the header decides).
     */
    plenaryFiles: z.array(z.strictObject({ key: z.string().regex(/^[a-z0-9_]{1,40}$/, 'expected lower-case letters, digits and _'), name: z.string().min(1) })).default([]),
    /** The body whose plenary the files record (it takes every plenary decision): its id (`{city}:body:{id}`) and name. */
    plenaryBody: z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'expected lower-case letters, digits and -'), name: z.string().min(1) }).optional(),
    /** Canonical political group by the vote column labels the files use (labels change mid-term), keys lower-case. */
    plenaryGroups: z.record(z.string(), z.string()).default({}),
    /**
     * Whether answered proposals (Decidim state accepted or rejected, with an answer) are served as
     * decisions of their process. Off for a city whose decisions come from plenary files.
     */
    decisionsFromProposalAnswers: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (!s.plenaryFilesUrl) return;
    if (s.plenaryFiles.length === 0) ctx.addIssue({ code: 'custom', path: ['plenaryFiles'], message: 'expected at least one file ({ key, name }) when plenaryFilesUrl is given' });
    if (!s.plenaryBody) ctx.addIssue({ code: 'custom', path: ['plenaryBody'], message: 'expected { id, name } of the body whose plenary the files record when plenaryFilesUrl is given' });
  });

export type DecidimSettings = z.infer<typeof decidimSettings>;

export const decidimAdapter = defineAdapter({
  name: 'decidim',
  description: 'Decidim GraphQL API (0.27 to 0.31), with optional plenary vote files in the Acords del Plenari format',
  typePrefix: 'Decidim',
  rootField: 'decidim',
  schemaFile: 'subgraphs/decidim/schema.graphql',
  entry: 'subgraphs/decidim/index.ts',
  builder: 'subgraphs/decidim/server.ts',
  replicaEntry: 'subgraphs/decidim/replica/index.ts',
  settings: decidimSettings,
  upstreams: (s) => [
    // The replica serves the files under the live URL's path.
    ...(s.plenaryFilesUrl ? [{ name: 'plenary', description: 'Acords del Plenari files', liveBaseUrl: s.plenaryFilesUrl, replicaPath: new URL(s.plenaryFilesUrl).pathname.replace(/\/+$/, '') }] : []),
    { name: 'decidim', description: 'Decidim GraphQL API (0.27 to 0.31)', liveBaseUrl: s.decidimUrl, replicaPath: '/api' },
  ],
});
