/**
 * What a city's Ahjo data offers for each part of the contract (served as `{city}.coverage`).
 * Fields with a `measure` are counted in the copy: the availability and share served are measured.
 */
import type { CoverageNote } from '../shared/resolvers';
import type { MappingCity } from './mapping/common';

const OFFICER = "doc->>'isOfficerDecision' = 'true'";

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
/** `sv` → Swedish. */
const languageName = (code: string) => languageNames.of(code) ?? code;

/** The coverage notes of one city (its zone and languages are named in them). */
export function ahjoCoverage(city: MappingCity): CoverageNote[] {
  const main = languageName(city.main);
  const others = city.languages.slice(1);
  const translated = others.map(languageName).join(' or ') || 'another language';
  return [
    {
      field: 'Decision.outcome',
      availability: 'DERIVED',
      note: 'Ahjo has no outcome field. Derived from the decision\'s "Päätös"/"Beslut" section (paragraphs and lists; an amendment or the presenter\'s proposal before the decision is skipped) by the standard phrasings of Ahjo minutes: päätti hyväksyä / myöntää / valita, hyväksyi, päätös on ehdotuksen mukainen → ADOPTED; muutettuna → AMENDED; päätti hylätä (a proposal, motion or initiative) → REJECTED; hylätä oikaisuvaatimus / vaatimus / hakemus → REQUEST_REJECTED; jättää … tutkimatta → REQUEST_DISMISSED; merkitsi tiedoksi → NOTED; pöydälle, jättää … lepäämään → POSTPONED; palauttaa … uudelleen valmisteltavaksi → REFERRED_BACK; poistettiin esityslistalta → WITHDRAWN; the Swedish forms too. UNKNOWN when the section says nothing standard, or the decision has no "Päätös" section (only "Esitys" or "Lausunto": a proposal or statement to another body). The statement is kept verbatim in outcomeRaw.',
      measure: { table: 'decisions', has: "outcome <> 'UNKNOWN'" },
    },
    {
      field: 'Decision.voteEvents',
      availability: 'PARTIAL',
      note: 'From Ahjo VotingResults: only decisions that went to a vote have them; counts per option from NumberOfVotes, individual votes and group counts from Voters[].CouncilGroup.',
      measure: { table: 'decisions', has: 'EXISTS (SELECT 1 FROM vote_events v WHERE v.decision_id = decisions.id)' },
    },
    {
      field: 'Decision.date',
      availability: 'PARTIAL',
      note: `Ahjo DateDecision, else the meeting's DateMeeting, else the decision PDF's Issued (local times converted with the ${city.zone} offset). Most officer (viranhaltija) decisions carry none of these: no DateDecision, no meeting, and their text holds only reference and effective dates, which are not the decision date; their date is null (they are listed after dated decisions, and a date filter leaves them out).`,
      measure: { table: 'decisions', has: 'date IS NOT NULL' },
    },
    {
      field: 'Decision.date (officer decisions)',
      availability: 'PARTIAL',
      note: 'The share of officer decisions that carry a date (see Decision.date).',
      measure: { table: 'decisions', has: 'date IS NOT NULL', of: OFFICER },
    },
    {
      field: 'Decision.titles',
      availability: 'FULL',
      note: `${main} always; ${translated} where Ahjo has a translation (a separate Ahjo decision, merged into the ${main} one by case, meeting and section) or a copy of the ${main} decision titled in another language (merged too: one decision, its votes counted once).`,
      measure: { table: 'decisions', has: "jsonb_array_length(doc->'titles') > 0" },
    },
    // Language codes are two letters (checked by the registry), safe in the SQL.
    ...others.map((lang): CoverageNote => ({
      field: `Decision.titles (${languageName(lang)})`,
      availability: 'PARTIAL',
      note: `The share of decisions with a ${languageName(lang)} title (see Decision.titles).`,
      measure: { table: 'decisions', has: `doc->'availableLanguages' ? '${lang}'` },
    })),
    {
      field: 'Decision.meeting',
      availability: 'PARTIAL',
      note: 'Null for officer (viranhaltija) decisions, which are taken outside meetings.',
      measure: { table: 'decisions', has: 'meeting_id IS NOT NULL' },
    },
    {
      field: 'Decision.case',
      availability: 'PARTIAL',
      note: 'From the decision\'s CaseID; an officer decision without one finds its case where the case\'s Records list it ("viranhaltijan päätös"). Counted here: decisions that name their case (CaseID).',
      measure: { table: 'decisions', has: 'cardinality(case_ids) > 0' },
    },
    {
      field: 'Meeting.end',
      availability: 'NONE',
      note: 'Ahjo publishes only the start time (DateMeeting).',
      measure: { table: 'meetings', has: "doc->>'end' IS NOT NULL" },
    },
    {
      field: 'Meeting.status',
      availability: 'DERIVED',
      note: 'CANCELLED from Ahjo Status "peruttu"; otherwise HELD when minutes are published or the date has passed, SCHEDULED when it lies ahead. The raw Status is in statusRaw.',
      measure: { table: 'meetings', has: "status <> 'UNKNOWN'" },
    },
    { field: 'Meeting.url', availability: 'NONE', note: 'Ahjo gives no public web address for a meeting.', measure: { table: 'meetings', has: "doc->>'url' IS NOT NULL" } },
    {
      field: 'Case.status',
      availability: 'PARTIAL',
      note: 'Ahjo Status: Vireillä → OPEN, Päätetty → DECIDED, Ratkaistu → CLOSED; any other value is UNKNOWN (raw in statusRaw, counted in sources.unmappedValues). Cases known only from a decision (not yet synced) have none.',
      measure: { table: 'cases', has: "status <> 'UNKNOWN'" },
    },
    {
      field: 'Body.members',
      availability: 'PARTIAL',
      note: 'Ahjo Composition of /agents/decisionmakers; officers have none.',
      measure: { table: 'bodies', has: "jsonb_array_length(coalesce(doc->'members', '[]'::jsonb)) > 0" },
    },
  ];
}
