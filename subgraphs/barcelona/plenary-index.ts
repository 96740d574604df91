/**
 * The parsed plenary files as an index (decisions, sessions, cases, freshness), rebuilt only when
 * a file actually changed (a 304 keeps it).
 */
import { newestFirst } from '../shared/pagination';
import type { PlenaryFiles, PlenaryFileState } from './upstream/plenary';
import { decisionsOf, gid, type PlenaryDecision } from './mapping/decision';

export interface PlenarySession {
  id: string;
  sourceId: string;
  sessionRef: string;
  date: string;
  decisions: PlenaryDecision[];
  sourceUrl: string;
}

export interface PlenaryCase {
  id: string;
  sourceId: string;
  decisions: PlenaryDecision[];
}

export interface PlenaryIndex {
  decisions: PlenaryDecision[];
  byId: Map<string, PlenaryDecision>;
  sessions: PlenarySession[];
  cases: PlenaryCase[];
  states: PlenaryFileState[];
}

export const decisionKey = (d: PlenaryDecision): [string, string] => [d.date, d.id];

export class PlenaryIndexer {
  private index: PlenaryIndex | null = null;
  private version = '';
  /** How many times the index was built (a test reads it to see 304s reuse it). */
  builds = 0;

  constructor(readonly files: PlenaryFiles) {}

  async load(): Promise<PlenaryIndex> {
    const states = await this.files.load();
    const version = states.map((s) => `${s.key}:${s.parses}`).join(',');
    if (!this.index || version !== this.version) {
      this.index = build(states);
      this.version = version;
      this.builds++;
    }
    return this.index;
  }
}

function build(states: PlenaryFileState[]): PlenaryIndex {
  const urls = new Map(states.map((s) => [s.key, s.url]));
  const decisions = decisionsOf(states.flatMap((s) => s.parsed.agreements), (file) => urls.get(file) ?? '').sort((a, b) => newestFirst(decisionKey(a), decisionKey(b)));
  const sessions = new Map<string, PlenarySession>();
  const cases = new Map<string, PlenaryCase>();
  for (const d of decisions) {
    const ref = d.agreement.sessionRef;
    const session = sessions.get(ref) ?? { id: gid('meeting', `plenari:${ref}`), sourceId: `plenari:${ref}`, sessionRef: ref, date: d.date, decisions: [], sourceUrl: d.sourceUrl };
    session.decisions.push(d);
    sessions.set(ref, session);
    for (const r of d.agreement.proposalRefs) {
      if (r.toLowerCase() === 's/n') continue; // "sense número": not a reference
      const c = cases.get(r) ?? { id: gid('case', r), sourceId: r, decisions: [] };
      c.decisions.push(d);
      cases.set(r, c);
    }
  }
  // Agreements keep file order within their session.
  for (const s of sessions.values()) s.decisions.sort((a, b) => a.agreement.line - b.agreement.line);
  return { decisions, byId: new Map(decisions.map((d) => [d.sourceId, d])), sessions: [...sessions.values()], cases: [...cases.values()], states };
}
