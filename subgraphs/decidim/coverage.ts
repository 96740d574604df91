/**
 * What a Decidim city's sources offer for each part of the contract (served as `{city}.coverage`):
 * with plenary files, the notes on them (Barcelona's files: current term and 2019–2023); without,
 * the notes say why its plenary-derived lists are empty. Fields with a `measure` are counted in the
 * copy: the availability and share served are measured.
 */
import type { CoverageNote } from '../shared/resolvers';
import type { DecidimCity } from './mapping/city';

export function coverageOf(city: DecidimCity): CoverageNote[] {
  return city.plenary ? plenaryCoverage(city, city.plenary.body.name) : decidimOnlyCoverage(city);
}

/** A city that publishes no plenary files here: Decidim only. */
function decidimOnlyCoverage(city: DecidimCity): CoverageNote[] {
  const why = `${city.name} publishes no plenary vote files that this graph reads (its registry entry gives no plenaryFilesUrl)`;
  return [
    city.decisionsFromProposalAnswers
      ? { field: 'Decision', availability: 'PARTIAL', note: `${why}: its decisions are the answers to Decidim proposals (accepted → ADOPTED, rejected → REJECTED, with the answer's text and date), each a decision of its participatory process; proposals not answered, still evaluating or withdrawn are not decisions.` }
      : { field: 'Decision', availability: 'NONE', note: `${why}: no plenary agreements, so no decisions. Decidim proposals are not council decisions and are served as ${city.typePrefix}Proposal.` },
    { field: 'Decision.voteEvents', availability: 'NONE', note: `${why}: no votes.`, measure: { table: 'decisions', has: 'EXISTS (SELECT 1 FROM vote_events v WHERE v.decision_id = decisions.id)' } },
    { field: 'Case', availability: 'NONE', note: `${why}: cases are the proposal references of plenary agreements, so there are none.` },
    { field: 'Meeting', availability: 'PARTIAL', note: 'Decidim meetings of participatory processes (with time, address and coordinates); no plenary sessions.' },
    { field: 'Meeting.url', availability: 'FULL', note: "Each Decidim meeting's page on the instance (Decidim 0.31's `url`, else built from its process, component and id).", measure: { table: 'meetings', has: "doc->>'url' IS NOT NULL" } },
    { field: 'Meeting.end', availability: 'FULL', note: 'Decidim meetings have an end time.', measure: { table: 'meetings', has: "doc->>'end' IS NOT NULL" } },
    { field: 'Body', availability: 'PARTIAL', note: 'Decidim participatory processes, as the bodies of their meetings; no council (no plenary files).' },
    { field: 'Body.members', availability: 'NONE', note: 'Decidim publishes no members of a process.', measure: { table: 'bodies', has: "jsonb_array_length(coalesce(doc->'members', '[]'::jsonb)) > 0" } },
  ];
}

function plenaryCoverage(city: DecidimCity, council: string): CoverageNote[] {
  return [
  { field: 'Decision', availability: 'FULL', note: `Plenary agreements of the ${council} from the city's files (current term and 2019–2023). Decidim proposals are not council decisions and are served as ${city.typePrefix}Proposal.` },
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
  { field: 'Decision (freshness)', availability: 'PARTIAL', note: `Served from a synced copy of the files, revalidated every SYNC_INTERVAL_S by conditional GET; the files themselves lag the city's web pages by months. See ${city.id}.sources for Last-Modified, the newest session and the last sync.` },
  { field: 'Decision (unplaced rows)', availability: 'PARTIAL', note: `Rows the parser cannot place are set aside and reported with their line number in ${city.id}.sources (unplacedRows, setAside), never dropped silently.` },
  { field: 'Decision (text search)', availability: 'FULL', note: 'Titles (ca/es), agreement text and references; every word as part of a word, accents ignored. Spanish words also match by stem; Catalan has no stemmer (substring only).' },
  { field: 'Meeting', availability: 'PARTIAL', note: 'Plenary sessions (date only) from the files, and Decidim meetings of participatory processes (with time, address and coordinates).' },
  { field: 'Meeting.url', availability: 'PARTIAL', note: "Decidim meetings link to their page on the instance (Decidim 0.31's `url`, else built from its process, component and id); plenary sessions have no page of their own.", measure: { table: 'meetings', has: "doc->>'url' IS NOT NULL" } },
  { field: 'Meeting.end', availability: 'PARTIAL', note: 'Decidim meetings have an end time; plenary sessions only a date.', measure: { table: 'meetings', has: "doc->>'end' IS NOT NULL" } },
  { field: 'Body.members', availability: 'NONE', note: 'The files name groups, not members.', measure: { table: 'bodies', has: "jsonb_array_length(coalesce(doc->'members', '[]'::jsonb)) > 0" } },
];
}
