/** What Barcelona's sources offer for each part of the contract (served as `barcelona.coverage`). */
import type { CoverageNote } from '../shared/resolvers';

export const COVERAGE: CoverageNote[] = [
  { field: 'Decision', availability: 'FULL', note: 'Plenary agreements of the Consell Municipal from the city\'s files (current term and 2019–2023). Decidim proposals are not council decisions and are served as BarcelonaProposal.' },
  { field: 'Decision.outcome', availability: 'FULL', note: 'From resultat (Aprovada, Aprovat per unanimitat → ADOPTED; … amb text transaccionat / amb modificacions → AMENDED; Rebutjada, No aprovada → REJECTED); raw value in outcomeRaw.' },
  { field: 'Decision.voteEvents', availability: 'FULL', note: 'One vote per group (counts are in groups, not councillors); "-" (did not take part) is NOT_VOTING, an empty cell (not recorded) is no vote; councillor votes only for nominal votes (rare).' },
  { field: 'Decision.decidedAt', availability: 'NONE', note: 'The files give the session date only.' },
  { field: 'Decision.content', availability: 'PARTIAL', note: 'The agreement text (HTML) is in the current-term file only.' },
  { field: 'Decision.titles', availability: 'PARTIAL', note: 'Catalan and Spanish in the current-term file (four rows with the languages swapped at the source are corrected); Catalan only in 2019–2023.' },
  { field: 'Decision (freshness)', availability: 'PARTIAL', note: 'Served from a synced copy of the files, revalidated every SYNC_INTERVAL_S by conditional GET; the files themselves lag the city\'s web pages by months. See barcelona.sources for Last-Modified, the newest session and the last sync.' },
  { field: 'Decision (unplaced rows)', availability: 'PARTIAL', note: 'Rows the parser cannot place are set aside and reported with their line number in barcelona.sources (unplacedRows, setAside), never dropped silently.' },
  { field: 'Decision (text search)', availability: 'FULL', note: 'Titles (ca/es), agreement text and references; every word as part of a word, accents ignored. Spanish words also match by stem; Catalan has no stemmer (substring only).' },
  { field: 'Meeting', availability: 'PARTIAL', note: 'Plenary sessions (date only) from the files, and Decidim meetings of participatory processes (with time, address and coordinates).' },
  { field: 'Body.members', availability: 'NONE', note: 'The files name groups, not members.' },
];
