/**
 * Live composition: the gateway's supergraph built from the cities' subgraphs as they run, not from
 * the committed file. Each city's SDL is fetched (`{ _service { sdl } }`) at start and every poll;
 * a new SDL is checked against the contract and composed with the other cities' current good SDLs
 * (`@apollo/composition`). One that passes is served at once (Apollo Gateway's SupergraphManager
 * `update`), without a restart; one that fails keeps the city at its last good SDL (or out of the
 * graph if it never had one), so a city's bad deploy never takes the graph, or the city, down.
 * `status()` says, per city, which SDL is served and why (`/ready`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import type { SupergraphManager, SupergraphSdlUpdateFunction } from '@apollo/gateway';
import {
  Kind,
  parse,
  print,
  type DocumentNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type NamedTypeNode,
  type TypeNode,
} from 'graphql';
import { CONTRACT_FILE } from '../schema/cities';
import type { Logger } from '../subgraphs/shared/logger';

/** `current`: the SDL the city serves now; `last-good`: an earlier one (its new one failed, or it cannot be reached); `missing`: none, the city is not in the graph. */
export type CitySchemaState = 'current' | 'last-good' | 'missing';

export interface CitySchemaStatus {
  id: string;
  schema: CitySchemaState;
  /** Why the city is not at its current SDL (rejected, or not fetched); null when it is. */
  reason: string | null;
  /** When its SDL was last fetched or tried (ISO 8601); null before the first check. */
  checkedAt: string | null;
  /** sha256 (hex) of the SDL the gateway serves for the city; null when none. */
  sdlHash: string | null;
  /** sha256 of the SDL the city offers that was rejected, when that is why it is not current. */
  rejectedSdlHash?: string;
}

export interface CompositionStatus {
  mode: 'live';
  /** Milliseconds between checks of the cities' SDLs (0: only at start). */
  pollMs: number;
  /** sha256 of the supergraph served, and when it was composed. */
  supergraphHash: string | null;
  composedAt: string | null;
  cities: CitySchemaStatus[];
}

export interface LiveSupergraphOptions {
  /** Registry order: when two new SDLs conflict, the earlier city's is taken. */
  cities: Array<{ id: string; url: string }>;
  pollMs: number;
  /** Deadline of one SDL fetch. */
  fetchTimeoutMs: number;
  logger: Logger;
  /** The contract every city implements (default: schema/contract.graphql). */
  contractSdl?: string;
  /** SDLs known before any fetch (the registry cities' committed schemas): a city's last good schema until it answers. */
  known?: Record<string, string>;
  /**
   * Subgraphs composed with the cities that are not cities (the gateway's own `graph`): always in, never
   * checked. An SDL given as a function is made for each composition from the cities' SDLs composed
   * with it (the graph subgraph refers to the cities' types).
   */
  extraServices?: Array<{ name: string; url: string; sdl: string | ((cities: DocumentNode[]) => string) }>;
}

export interface LiveSupergraph extends SupergraphManager {
  status(): CompositionStatus;
}

/** A subgraph's SDL is some 50 KB; far more is not a schema, and is not read into memory. */
const MAX_SDL_BYTES = 5 * 1024 * 1024;
/** Composition errors kept in a reason (a broken SDL can produce hundreds). */
const MAX_REASON_ERRORS = 5;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

interface Good {
  hash: string;
  doc: DocumentNode;
}

interface CityState {
  id: string;
  url: string;
  good?: Good;
  /** Hash of the SDL the city offered at the last check (undefined: not fetched). */
  offered?: string;
  /** Why the last fetch failed. */
  fetchError?: string;
  /** The last SDL judged and refused, and why. */
  rejected?: { hash: string; reason: string };
  checkedAt?: string;
}

interface Candidate {
  state: CityState;
  hash: string;
  doc: DocumentNode;
}

export function createLiveSupergraph(options: LiveSupergraphOptions): LiveSupergraph {
  const { logger, pollMs } = options;
  const contract = parse(options.contractSdl ?? fs.readFileSync(CONTRACT_FILE, 'utf8'));
  const states: CityState[] = options.cities.map((c) => {
    const sdl = options.known?.[c.id];
    return { id: c.id, url: c.url, ...(sdl ? { good: { hash: sha256(sdl), doc: parse(sdl) } } : {}) };
  });
  const extras = options.extraServices ?? [];
  /** A generated extra SDL, parsed once per set of cities' SDLs (a check may compose several sets). */
  const extraDocs = new Map<string, DocumentNode>();
  const extraDoc = (sdl: string) => {
    let doc = extraDocs.get(sdl);
    if (!doc) {
      if (extraDocs.size > 16) extraDocs.clear();
      extraDocs.set(sdl, (doc = parse(sdl)));
    }
    return doc;
  };
  let supergraph: { sdl: string; hash: string; at: string } | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  /** Composes the given SDLs (registry order); the errors name the subgraph they come from. */
  function compose(set: Map<string, Good>): { supergraphSdl: string } | { errors: string[] } {
    const cities = states.filter((s) => set.has(s.id)).map((s) => ({ name: s.id, url: s.url, typeDefs: set.get(s.id)!.doc }));
    const cityDocs = cities.map((c) => c.typeDefs);
    let others: Array<{ name: string; url: string; typeDefs: DocumentNode }>;
    try {
      others = extras.map((e) => ({ name: e.name, url: e.url, typeDefs: extraDoc(typeof e.sdl === 'string' ? e.sdl : e.sdl(cityDocs)) }));
    } catch (err) {
      return { errors: [`the gateway's own subgraphs could not be built for these cities: ${(err as Error).message}`] };
    }
    const result = composeServices([...cities, ...others]);
    if (result.errors) return { errors: result.errors.map((e) => e.message) };
    return { supergraphSdl: result.supergraphSdl };
  }

  /**
   * One check of every city: fetch, judge what is new, compose. `apply` loads a changed supergraph
   * into the gateway (a no-op at start, where the gateway loads what initialize returns); what it
   * refuses is not committed.
   */
  async function check(apply: (sdl: string) => void): Promise<void> {
    const fetched = await Promise.all(states.map((s) => fetchSdl(s.url, options.fetchTimeoutMs).then((sdl) => ({ sdl }), (err: Error) => ({ error: err.message }))));
    const now = new Date().toISOString();
    const candidates: Candidate[] = [];
    let anyNew = false;
    fetched.forEach((f, i) => {
      const state = states[i];
      state.checkedAt = now;
      if ('error' in f) {
        // An unreachable city keeps the SDL it has: its queries get CITY_UNAVAILABLE, as before.
        if (state.fetchError !== f.error) logger.warn({ city: state.id, url: state.url, reason: f.error, schema: state.good ? 'last-good' : 'missing' }, state.good ? 'city schema not fetched; keeping its last good schema' : 'city schema not fetched; the city stays out of the graph');
        state.fetchError = f.error;
        state.offered = undefined;
        return;
      }
      if (state.fetchError) logger.info({ city: state.id }, 'city schema fetched again');
      state.fetchError = undefined;
      const hash = sha256(f.sdl);
      state.offered = hash;
      if (state.good?.hash === hash) {
        if (state.rejected) logger.info({ city: state.id, sdlHash: hash }, 'city is back on the schema the gateway serves');
        state.rejected = undefined;
        return;
      }
      // An SDL refused before is judged again only along with a new one: a change elsewhere may make
      // it fit (the conflict it had is gone); alone it would only fail again.
      if (state.rejected?.hash !== hash) anyNew = true;
      let doc: DocumentNode;
      try {
        doc = parse(f.sdl);
      } catch (err) {
        reject(state, hash, `its SDL is not valid GraphQL: ${(err as Error).message}`);
        return;
      }
      const breach = contractBreach(state.id, doc, contract);
      if (breach) return void reject(state, hash, `it does not implement the contract: ${breach}`);
      candidates.push({ state, hash, doc });
    });
    if (!anyNew || !candidates.length) return;

    // All new SDLs at once (the usual case: one city changed); when that fails, one by one in
    // registry order, so the city whose SDL breaks composition is the one refused.
    const base = new Map(states.filter((s) => s.good).map((s) => [s.id, s.good!] as const));
    const withAll = new Map(base);
    for (const c of candidates) withAll.set(c.state.id, c);
    let accepted: Candidate[] = [];
    let composed = compose(withAll);
    if ('errors' in composed && candidates.length > 1) {
      composed = { errors: [] };
      for (const c of candidates) {
        const trial = new Map(base).set(c.state.id, c);
        const result = compose(trial);
        if ('errors' in result) {
          reject(c.state, c.hash, compositionReason(result.errors));
          continue;
        }
        base.set(c.state.id, c);
        accepted.push(c);
        composed = result;
      }
    } else if ('errors' in composed) {
      reject(candidates[0].state, candidates[0].hash, compositionReason(composed.errors));
    } else {
      accepted = candidates;
    }
    if (!accepted.length || 'errors' in composed) return;
    // A check that ends while the gateway stops loads nothing (the gateway refuses updates then).
    if (stopped) return;
    try {
      apply(composed.supergraphSdl);
    } catch (err) {
      for (const c of accepted) reject(c.state, c.hash, `the gateway could not load the supergraph composed with it: ${(err as Error).message}`);
      return;
    }
    supergraph = { sdl: composed.supergraphSdl, hash: sha256(composed.supergraphSdl), at: now };
    for (const c of accepted) {
      logger.info({ city: c.state.id, sdlHash: c.hash, previousSdlHash: c.state.good?.hash ?? null, supergraphHash: supergraph.hash }, c.state.good ? 'city schema updated' : 'city joined the graph');
      c.state.good = { hash: c.hash, doc: c.doc };
      c.state.rejected = undefined;
    }
  }

  function reject(state: CityState, hash: string, reason: string): void {
    if (state.rejected?.hash !== hash || state.rejected.reason !== reason) {
      logger.warn({ city: state.id, sdlHash: hash, reason, servedSdlHash: state.good?.hash ?? null }, state.good ? 'city schema rejected; keeping its last good schema' : 'city schema rejected; the city stays out of the graph');
    }
    state.rejected = { hash, reason };
  }

  function cityStatus(s: CityState): CitySchemaStatus {
    const current = !!s.good && s.offered === s.good.hash;
    const rejected = s.rejected && s.offered === s.rejected.hash ? s.rejected : undefined;
    const reason = current ? null : s.fetchError ? `its SDL could not be fetched: ${s.fetchError}` : rejected ? rejected.reason : s.checkedAt ? 'its SDL has not been composed yet' : 'not checked yet';
    return {
      id: s.id,
      schema: current ? 'current' : s.good ? 'last-good' : 'missing',
      reason,
      checkedAt: s.checkedAt ?? null,
      sdlHash: s.good?.hash ?? null,
      ...(rejected && !current ? { rejectedSdlHash: rejected.hash } : {}),
    };
  }

  // Not unref'd: while the gateway waits for a first city, this timer is what keeps it running.
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  function schedule(update: SupergraphSdlUpdateFunction): void {
    timer = setTimeout(() => {
      inFlight = check(update)
        .catch((err: Error) => logger.error({ err }, 'checking the cities\' schemas failed'))
        .finally(() => {
          inFlight = undefined;
          if (!stopped) schedule(update);
        });
    }, pollMs);
    // The poll alone never keeps the process alive.
    timer.unref();
  }

  return {
    async initialize({ update }) {
      // The gateway cannot serve an empty graph: it waits until at least one city composes (a
      // container started before its subgraphs, say), telling why in the logs.
      const retryMs = pollMs > 0 ? Math.min(pollMs, 5000) : 1000;
      for (let attempt = 1; ; attempt++) {
        await check(() => undefined);
        if (supergraph) break;
        logger.warn({ attempt, retryInMs: retryMs, cities: states.map(cityStatus) }, 'no city schema can be composed yet; the gateway waits for one');
        await sleep(retryMs);
      }
      logger.info({ supergraphHash: supergraph.hash, cities: states.map(cityStatus), pollMs }, 'supergraph composed from the cities\' subgraphs');
      if (pollMs > 0) schedule(update);
      return {
        supergraphSdl: supergraph.sdl,
        cleanup: async () => {
          stopped = true;
          if (timer) clearTimeout(timer);
          await inFlight;
        },
      };
    },
    status: () => ({ mode: 'live', pollMs, supergraphHash: supergraph?.hash ?? null, composedAt: supergraph?.at ?? null, cities: states.map(cityStatus) }),
  };
}

function compositionReason(errors: string[]): string {
  const shown = errors.slice(0, MAX_REASON_ERRORS).join(' | ');
  return `it does not compose with the other cities: ${shown}${errors.length > MAX_REASON_ERRORS ? ` (and ${errors.length - MAX_REASON_ERRORS} more)` : ''}`;
}

/** Fetches a subgraph's SDL the way federation defines it: `{ _service { sdl } }`. */
export async function fetchSdl(url: string, timeoutMs: number): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    throw new Error(e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.cause?.code ?? e.message);
  }
  const text = await readCapped(res, MAX_SDL_BYTES);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  let body: { data?: { _service?: { sdl?: unknown } }; errors?: Array<{ message?: string }> };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('its answer to `{ _service { sdl } }` is not JSON');
  }
  const sdl = body?.data?._service?.sdl;
  if (typeof sdl !== 'string' || !sdl) {
    throw new Error(body?.errors?.length ? `\`{ _service { sdl } }\` failed: ${body.errors.map((e) => e.message).join('; ')}` : 'no `_service { sdl }` in its answer (not a federation subgraph?)');
  }
  return sdl;
}

/** A response body read up to `max` bytes: a larger one is cancelled, not read into memory. */
export async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`its answer is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

type Fields = Map<string, string>;
interface TypeShape {
  kind: string;
  /** Field (or input field) → its type, printed; `Type.field(arg)` → the argument's type; enum values → ''. */
  members: Fields;
  interfaces: Set<string>;
}

/** Every named type of a document, extensions merged in (a subgraph may spread a type over several). */
function shapes(doc: DocumentNode): Map<string, TypeShape> {
  const out = new Map<string, TypeShape>();
  const kindOf = (k: string) => k.replace(/Extension$/, 'Definition');
  for (const def of doc.definitions) {
    if (!('name' in def) || !def.name || !('kind' in def)) continue;
    switch (def.kind) {
      case Kind.OBJECT_TYPE_DEFINITION: case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION: case Kind.INTERFACE_TYPE_EXTENSION:
      case Kind.INPUT_OBJECT_TYPE_DEFINITION: case Kind.INPUT_OBJECT_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION: case Kind.ENUM_TYPE_EXTENSION:
      case Kind.SCALAR_TYPE_DEFINITION: case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.UNION_TYPE_DEFINITION: case Kind.UNION_TYPE_EXTENSION: {
        const name = def.name.value;
        const shape = out.get(name) ?? { kind: kindOf(def.kind), members: new Map(), interfaces: new Set<string>() };
        out.set(name, shape);
        const d = def as { fields?: ReadonlyArray<FieldDefinitionNode | InputValueDefinitionNode>; values?: ReadonlyArray<EnumValueDefinitionNode>; interfaces?: ReadonlyArray<NamedTypeNode> };
        for (const f of d.fields ?? []) {
          shape.members.set(f.name.value, print(f.type as TypeNode));
          for (const a of ('arguments' in f ? f.arguments : undefined) ?? []) shape.members.set(`${f.name.value}(${a.name.value})`, print(a.type));
        }
        for (const v of d.values ?? []) shape.members.set(v.name.value, '');
        for (const i of d.interfaces ?? []) shape.interfaces.add(i.name.value);
        break;
      }
      default:
    }
  }
  return out;
}

/**
 * What composition cannot see while a city is alone in the graph: that its SDL carries the
 * contract (every contract type, with every field, argument and enum value at the contract's type),
 * that its root field, named after the city, returns a type implementing `City`, and that some type
 * implements each contract interface a `City` field returns. Null when it does; else the first
 * few breaches.
 */
export function contractBreach(cityId: string, city: DocumentNode, contract: DocumentNode): string | null {
  const want = shapes(contract);
  const have = shapes(city);
  const breaches: string[] = [];
  for (const [name, shape] of want) {
    const own = have.get(name);
    if (!own) {
      breaches.push(`${name} is missing`);
      continue;
    }
    if (own.kind !== shape.kind) {
      breaches.push(`${name} is ${kindWord(own.kind)} here, ${kindWord(shape.kind)} in the contract`);
      continue;
    }
    for (const [member, type] of shape.members) {
      if (!own.members.has(member)) breaches.push(`${name}.${member} is missing`);
      else if (own.members.get(member) !== type) breaches.push(`${name}.${member} is ${own.members.get(member)} here, ${type} in the contract`);
    }
    for (const i of shape.interfaces) if (!own.interfaces.has(i)) breaches.push(`${name} does not implement ${i}`);
  }
  // The root field and the City it returns (the schema's query type is `Query` in every subgraph).
  const query = have.get('Query');
  const rootType = query?.members.get(cityId)?.replace(/[[\]!]/g, '');
  const cityInterface = [...want].find(([name, s]) => name === 'City' && s.kind === Kind.INTERFACE_TYPE_DEFINITION);
  if (!rootType) breaches.push(`Query.${cityId} (the city's root field) is missing`);
  else if (cityInterface && !have.get(rootType)?.interfaces.has('City')) breaches.push(`Query.${cityId} returns ${rootType}, which does not implement City`);
  // A contract interface a City field returns needs a type of the city behind it.
  if (cityInterface) {
    const implemented = new Set([...have.values()].filter((s) => s.kind === Kind.OBJECT_TYPE_DEFINITION).flatMap((s) => [...s.interfaces]));
    const returned = new Set([...cityInterface[1].members].filter(([m]) => !m.includes('(')).map(([, t]) => t.replace(/[[\]!]/g, '')));
    for (const t of returned) {
      if (want.get(t)?.kind === Kind.INTERFACE_TYPE_DEFINITION && !implemented.has(t)) breaches.push(`no type implements ${t} (City returns it)`);
    }
  }
  if (!breaches.length) return null;
  return breaches.slice(0, MAX_REASON_ERRORS).join('; ') + (breaches.length > MAX_REASON_ERRORS ? ` (and ${breaches.length - MAX_REASON_ERRORS} more)` : '');
}

function kindWord(kind: string): string {
  return `${kind.replace(/TypeDefinition$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} type`;
}
