/**
 * What an OParl city's data offers for each part of the contract (served as `<city>.coverage`).
 * Fields with a `measure` are counted in the copy: the availability and share served are measured.
 */
import type { CoverageNote } from '../shared/resolvers';

export const COVERAGE: CoverageNote[] = [
  { field: 'Decision', availability: 'DERIVED', note: 'OParl has no decision objects. A decision is an agenda item (AgendaItem) with a `result` or a `resolutionText`, of a meeting that was not cancelled.' },
  {
    field: 'Decision.outcome',
    availability: 'DERIVED',
    note: 'From the agenda item\'s `result`, the council\'s own wording, after dropping qualifiers (einstimmig, mehrheitlich, unverändert, tallies, parentheses): beschlossen / angenommen / zugestimmt → ADOPTED, geändert beschlossen / mit Änderungen beschlossen → AMENDED, abgelehnt → REJECTED, zur Kenntnis genommen → NOTED, vertagt / zurückgestellt → POSTPONED, zurückgezogen / abgesetzt → WITHDRAWN, verwiesen → REFERRED_BACK. Items with only a resolutionText, and wordings not recognised, are UNKNOWN; the latter are counted in sources.unmappedValues.',
    measure: { table: 'decisions', has: "outcome <> 'UNKNOWN'" },
  },
  { field: 'Decision.voteEvents', availability: 'NONE', note: 'OParl 1.1 has no votes or vote counts: only the result wording (and perhaps the minutes as a file).', measure: { table: 'decisions', has: 'EXISTS (SELECT 1 FROM vote_events v WHERE v.decision_id = decisions.id)' } },
  { field: 'Decision.content', availability: 'PARTIAL', note: 'The agenda item\'s `resolutionText`, when the city publishes it (often only when the resolution differs from the proposal).', measure: { table: 'decisions', has: "coalesce(doc->>'resolutionText', '') <> ''" } },
  { field: 'Decision.proposal', availability: 'NONE', note: 'Proposals are files of the paper (its mainFile), not text.' },
  { field: 'Decision.date', availability: 'PARTIAL', note: 'The agenda item\'s start, else its meeting\'s.', measure: { table: 'decisions', has: 'date IS NOT NULL' } },
  { field: 'Decision.case', availability: 'PARTIAL', note: 'The paper whose consultation names the agenda item; items without a paper (reports, questions) have none.', measure: { table: 'decisions', has: "EXISTS (SELECT 1 FROM extras x WHERE x.kind = 'consultation' AND x.source_id = decisions.source_id)" } },
  { field: 'Decision.categories', availability: 'NONE', note: 'OParl has no classification of decisions (a paper has a paperType: see the case).' },
  { field: 'Meeting.status', availability: 'DERIVED', note: '`cancelled` → CANCELLED; meetingState durchgeführt → HELD; terminiert / eingeladen (or none) → SCHEDULED before the start, HELD from it on (the state often stays `eingeladen` until the minutes are out). Other states are counted in sources.unmappedValues.' },
  { field: 'Meeting.participants', availability: 'PARTIAL', note: 'Meeting.participant (people present), when the city publishes it; with no role.', measure: { table: 'meetings', has: "jsonb_array_length(coalesce(doc->'participantSourceIds', '[]'::jsonb)) > 0" } },
  { field: 'Case', availability: 'FULL', note: 'Every Paper (Drucksache) of the body.' },
  { field: 'Case.status', availability: 'NONE', note: 'OParl has no status of a paper.' },
  { field: 'Body.type', availability: 'DERIVED', note: 'From the organization\'s `classification`, else `organizationType` (Rat → COUNCIL, Ausschuss → COMMITTEE, Unterausschuss → SUBCOMMITTEE, Fraktion → OTHER …); kinds not recognised are counted in sources.unmappedValues.' },
  { field: 'Body.members', availability: 'PARTIAL', note: 'The memberships the persons embed (Person.membership) that hold today; people without a published membership are missing.' },
  { field: 'Decision.titles', availability: 'FULL', note: 'German only.', measure: { table: 'decisions', has: "coalesce(doc->>'title', '') <> ''" } },
];
