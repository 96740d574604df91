/** What Helsinki's Ahjo data offers for each part of the contract (served as `helsinki.coverage`). */
import type { CoverageNote } from '../shared/resolvers';

export const COVERAGE: CoverageNote[] = [
  { field: 'Decision.outcome', availability: 'DERIVED', note: 'Ahjo has no outcome field. Derived from the first paragraph of the decision\'s "Päätös"/"Beslut" section by Helsinki\'s standard phrasings (päätti hyväksyä, hylätä, pöydälle, palauttaa uudelleen valmisteltavaksi, merkitsi tiedoksi, poistettiin esityslistalta, muutettuna); anything else is UNKNOWN. The paragraph is kept verbatim in outcomeRaw.' },
  { field: 'Decision.voteEvents', availability: 'PARTIAL', note: 'From Ahjo VotingResults: only decisions that went to a vote have them; counts per option from NumberOfVotes, individual votes and group counts from Voters[].CouncilGroup.' },
  { field: 'Decision.date', availability: 'FULL', note: 'Ahjo DateDecision, else the meeting\'s DateMeeting, else the decision PDF\'s Issued; local times converted with the Europe/Helsinki offset.' },
  { field: 'Decision.titles', availability: 'PARTIAL', note: 'Finnish always; Swedish where Ahjo has a Swedish translation (a separate Ahjo decision, merged into the Finnish one by case, meeting and section).' },
  { field: 'Decision.meeting', availability: 'PARTIAL', note: 'Null for officer (viranhaltija) decisions, which are taken outside meetings.' },
  { field: 'Decision.case', availability: 'PARTIAL', note: 'Null for decisions without a case (Ahjo CaseID null).' },
  { field: 'Meeting.end', availability: 'NONE', note: 'Ahjo publishes only the start time (DateMeeting).' },
  { field: 'Meeting.status', availability: 'DERIVED', note: 'CANCELLED from Ahjo Status "peruttu"; otherwise HELD when minutes are published or the date has passed, SCHEDULED when it lies ahead. The raw Status is in statusRaw.' },
  { field: 'Meeting.url', availability: 'NONE', note: 'Ahjo gives no public web address for a meeting.' },
  { field: 'Case.status', availability: 'FULL', note: 'Ahjo Status: Vireillä → OPEN, Ratkaistu → CLOSED.' },
  { field: 'Body.members', availability: 'PARTIAL', note: 'Ahjo Composition of /agents/decisionmakers; officers have none.' },
];
