/**
 * What a city's Notubiz data offers for each part of the contract (served as `<city>.coverage`),
 * worded from its settings (its deciding bodies, decision document types, result label).
 * Fields with a `measure` are counted in the copy: the availability and share served are measured.
 */
import type { CityEntry } from '../../schema/cities';
import type { CoverageNote } from '../shared/resolvers';
import { notubizCity } from './mapping/common';

const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items[0] ?? '');

export function coverageOf(entry: CityEntry): CoverageNote[] {
  const c = notubizCity(entry);
  return [
    { field: 'Decision', availability: 'DERIVED', note: `Notubiz has no decisions as data. A decision is an agenda point of a held, public meeting of a deciding body (a gremium whose title starts with ${list(c.decidingBodies)}) that carries a decision document (${c.decisionDocumentTypes.join(', ')}), on the point itself or in its module item. Raadscommissies only advise and have none.` },
    {
      field: 'Decision.outcome',
      availability: 'DERIVED',
      note: `From the ${c.resultLabel} attribute of the point's module item (motion, amendment, proposal) where exactly one states it: aangenomen → ADOPTED, geamendeerd aangenomen → AMENDED, verworpen → REJECTED, ingetrokken / afgevoerd → WITHDRAWN, aangehouden → POSTPONED, voor kennisgeving aangenomen → NOTED. Points without such a module item (most proposals: their results are only in the meeting's ${c.resultDocumentTypes.join('/') || 'results'} PDFs, see resultDocuments) or with several are UNKNOWN; no outcome is guessed from a title. Unknown wordings are counted in sources.unmappedValues.`,
      measure: { table: 'decisions', has: "outcome <> 'UNKNOWN'" },
    },
    { field: 'Decision.voteEvents', availability: 'NONE', note: 'Votes are published in PDF results lists only.', measure: { table: 'decisions', has: 'EXISTS (SELECT 1 FROM vote_events v WHERE v.decision_id = decisions.id)' } },
    { field: 'Decision.content', availability: 'NONE', note: `Decision texts are PDF documents (${entry.typePrefix}Decision.decisionDocuments).` },
    { field: 'Decision.date', availability: 'FULL', note: 'The date of the meeting the point was decided in.', measure: { table: 'decisions', has: 'date IS NOT NULL' } },
    { field: 'Decision.case', availability: 'PARTIAL', note: 'Known only through case_code on the point\'s documents, which is often empty.', measure: { table: 'decisions', has: 'cardinality(case_ids) > 0' } },
    { field: 'Decision.text filter', availability: 'PARTIAL', note: 'Notubiz has no search: the text filter matches agenda point and document titles (not document contents) of every meeting in the synced copy (every word as part of a word, diacritics ignored, or by its Dutch stem).' },
    { field: 'Meeting', availability: 'PARTIAL', note: 'Non-public meetings ("No rights to see this meeting") are not published: left out of the copy and of every list. A meeting is HELD from its start on; its decisions appear with the first sync after it started.' },
    { field: 'Meeting.participants', availability: 'NONE', note: 'Notubiz publishes no attendance.' },
    { field: 'Case', availability: 'PARTIAL', note: 'Known only through case_code on documents of public meetings, which is often empty; no status or classification. Opened at the earliest meeting where one of its documents appears.' },
    { field: 'Body.members', availability: 'NONE', note: 'Notubiz publishes no memberships.' },
    { field: 'Decision.titles', availability: 'FULL', note: `One language only (${c.language}).`, measure: { table: 'decisions', has: "coalesce(doc->>'title', '') <> ''" } },
  ];
}
