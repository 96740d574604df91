/** What Amsterdam's Notubiz data offers for each part of the contract (served as `amsterdam.coverage`). */
import type { CoverageNote } from '../shared/resolvers';

export const COVERAGE: CoverageNote[] = [
  { field: 'Decision', availability: 'DERIVED', note: 'Notubiz has no decisions as data. A decision is an agenda point of a held, public meeting of the Gemeenteraad or a district committee/board that carries a decision document (Raadsvoorstel, Voordracht, Raadsbesluit, Besluit, Initiatiefvoorstel, Motie, Amendement). Raadscommissies only advise and have none.' },
  { field: 'Decision.outcome', availability: 'NONE', note: 'Always UNKNOWN: results are only in the meeting\'s Uitslagenlijst/Besluitenlijst PDFs (AmsterdamDecision.resultDocuments). No outcome is guessed from a title.' },
  { field: 'Decision.voteEvents', availability: 'NONE', note: 'Votes are published in PDF results lists only.' },
  { field: 'Decision.content', availability: 'NONE', note: 'Decision texts are PDF documents (AmsterdamDecision.decisionDocuments).' },
  { field: 'Decision.text filter', availability: 'PARTIAL', note: 'Notubiz has no search: the text filter matches agenda point and document titles (not document contents) of every meeting in the synced copy (every word as part of a word, diacritics ignored, or by its Dutch stem).' },
  { field: 'Meeting', availability: 'PARTIAL', note: 'Non-public meetings ("No rights to see this meeting") are not published: left out of the copy and of every list. A meeting is HELD from its start on; its decisions appear with the first sync after it started.' },
  { field: 'Meeting.participants', availability: 'NONE', note: 'Notubiz publishes no attendance.' },
  { field: 'Case', availability: 'PARTIAL', note: 'Known only through case_code on documents of public meetings, which is often empty; no status or classification. Opened at the earliest meeting where one of its documents appears.' },
  { field: 'Body.members', availability: 'NONE', note: 'Notubiz publishes no memberships.' },
  { field: 'Decision.titles', availability: 'FULL', note: 'Dutch only.' },
];
