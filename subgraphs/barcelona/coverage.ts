/**
 * What Barcelona's sources offer for each part of the contract (served as `barcelona.coverage`).
 * Fields with a `measure` are counted in the copy: the availability and share served are measured.
 */
import type { CoverageNote } from '../shared/resolvers';

export const COVERAGE: CoverageNote[] = [
  { field: 'Decision', availability: 'FULL', note: 'Plenary agreements of the Consell Municipal from the city\'s files (current term and 2019–2023). Decidim proposals are not council decisions and are served as BarcelonaProposal.' },
  {
    field: 'Decision.outcome',
    availability: 'FULL',
    note: 'From resultat (Aprovada, Aprovat per unanimitat, aprovat_unanimitat → ADOPTED; … amb text transaccionat / amb modificacions → AMENDED; Rebutjada, rebutjat, No aprovada → REJECTED); raw value in outcomeRaw. A wording the mapping does not know is UNKNOWN and counted in sources.unmappedValues.',
    measure: { table: 'decisions', has: "outcome <> 'UNKNOWN'" },
  },
  {
    field: 'Decision.voteEvents',
    availability: 'PARTIAL',
    note: 'One vote per group (counts are in groups, not councillors); "-" (did not take part) is NOT_VOTING, absencia ABSENT, an empty cell (not recorded) is no vote; councillor votes only for nominal votes in the current file. Agreements without any recorded group vote (and the 2019–2023 file\'s nominal votes, whose group cells are empty) have none.',
    measure: { table: 'decisions', has: 'EXISTS (SELECT 1 FROM vote_events v WHERE v.decision_id = decisions.id)' },
  },
  { field: 'Decision.decidedAt', availability: 'NONE', note: 'The files give the session date only.', measure: { table: 'decisions', has: "doc->>'decidedAt' IS NOT NULL" } },
  { field: 'Decision.date', availability: 'FULL', note: 'data_sessio, the date of the plenary session.', measure: { table: 'decisions', has: 'date IS NOT NULL' } },
  {
    field: 'Decision.content',
    availability: 'PARTIAL',
    note: 'The agreement text (HTML) is in the current-term file only; the 2019–2023 file has none.',
    measure: { table: 'decisions', has: "coalesce(doc->'agreement'->>'textHtml', '') <> ''" },
  },
  {
    field: 'Decision.titles',
    availability: 'PARTIAL',
    note: 'Catalan and Spanish in the current-term file (four rows with the languages swapped at the source are corrected); Catalan only in 2019–2023. Counted here: agreements with a Spanish title too.',
    measure: { table: 'decisions', has: "jsonb_array_length(doc->'titles') > 1" },
  },
  {
    field: 'Decision.case',
    availability: 'PARTIAL',
    note: 'From ref_proposta (a proposal reference, one row carries three): the 2019–2023 file has no ref_proposta, and `s/n` (minutes, declarations) names none.',
    measure: { table: 'decisions', has: 'cardinality(case_ids) > 0' },
  },
  { field: 'Decision (freshness)', availability: 'PARTIAL', note: 'Served from a synced copy of the files, revalidated every SYNC_INTERVAL_S by conditional GET; the files themselves lag the city\'s web pages by months. See barcelona.sources for Last-Modified, the newest session and the last sync.' },
  { field: 'Decision (unplaced rows)', availability: 'PARTIAL', note: 'Rows the parser cannot place are set aside and reported with their line number in barcelona.sources (unplacedRows, setAside), never dropped silently.' },
  { field: 'Decision (text search)', availability: 'FULL', note: 'Titles (ca/es), agreement text and references; every word as part of a word, accents ignored. Spanish words also match by stem; Catalan has no stemmer (substring only).' },
  { field: 'Meeting', availability: 'PARTIAL', note: 'Plenary sessions (date only) from the files, and Decidim meetings of participatory processes (with time, address and coordinates).' },
  { field: 'Meeting.end', availability: 'PARTIAL', note: 'Decidim meetings have an end time; plenary sessions only a date.', measure: { table: 'meetings', has: "doc->>'end' IS NOT NULL" } },
  { field: 'Body.members', availability: 'NONE', note: 'The files name groups, not members.', measure: { table: 'bodies', has: "jsonb_array_length(coalesce(doc->'members', '[]'::jsonb)) > 0" } },
];
