/**
 * The OParl adapter: a German municipality (or district) whose council information system publishes
 * the OParl standard (1.1, read also from 1.0 servers: the object model is the same). One System
 * object is the entry point; the city is one Body of it.
 */
import { z } from 'zod';
import { defineAdapter } from '../shared/adapter';

export const oparlAdapter = defineAdapter({
  name: 'oparl',
  description: 'OParl 1.1, the German standard interface of council information systems (Ratsinformationssysteme)',
  typePrefix: 'OParl',
  rootField: 'oparl',
  schemaFile: 'subgraphs/oparl/schema.graphql',
  entry: 'subgraphs/oparl/index.ts',
  builder: 'subgraphs/oparl/server.ts',
  replicaEntry: 'subgraphs/oparl/replica/index.ts',
  settings: z.strictObject({
    /** URL of the OParl System object: the entry point (`endpoints.yml` in OParl/resources lists them). */
    systemUrl: z.url({ protocol: /^https?$/ }),
    /**
     * Which Body of the System is the city: its id (the URL) or that URL relative to the System's
     * directory (e.g. `body/1`). Needed only when the System holds several bodies.
     */
    bodyId: z.string().min(1).optional(),
  }),
  // The replica serves the System at its root path (the spec example's System id is the server's root).
  upstreams: (s) => [{ name: 'oparl', description: 'OParl 1.1 API', liveBaseUrl: s.systemUrl, replicaPath: '/oparl/v1/' }],
});
