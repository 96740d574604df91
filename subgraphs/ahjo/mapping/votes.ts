/**
 * Ahjo VotingResults → VoteEvents. Each element of VotingResults is one vote; its Ayes, Noes,
 * Blank and Absent each carry NumberOfVotes, the Voters and the text voted for (Content).
 * Counts come from NumberOfVotes (what Ahjo states), votes and group counts from Voters.
 */
import { gid, type MappingCity } from './common';
import { personOf, type Person } from './people';
import type { AhjoVoteOption, AhjoVotingResult } from '../upstream/types';

export type VoteOption = 'YES' | 'NO' | 'ABSTAIN' | 'ABSENT' | 'NOT_VOTING';

export interface VoteEvent {
  id: string;
  motion: string | null;
  counts: Array<{ option: VoteOption; optionRaw: string; value: number; motion: string | null }>;
  groupCounts: Array<{ group: string | null; option: VoteOption; value: number }>;
  votes: Array<{ voter: Person; option: VoteOption; optionRaw: string; group: string | null }>;
  totalCast: number;
}

const OPTIONS: Array<[keyof Omit<AhjoVotingResult, 'links'>, VoteOption]> = [
  ['Ayes', 'YES'],
  ['Noes', 'NO'],
  ['Blank', 'ABSTAIN'],
  ['Absent', 'ABSENT'],
];

function motionOf(option: AhjoVoteOption | null | undefined): string | null {
  const text = option?.Content?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

export function voteEventsOf(city: MappingCity, decisionSourceId: string, results: AhjoVotingResult[] | null | undefined): VoteEvent[] {
  return (results ?? []).map((result, index) => {
    const counts: VoteEvent['counts'] = [];
    const votes: VoteEvent['votes'] = [];
    const groups = new Map<string, { group: string | null; option: VoteOption; value: number }>();
    for (const [raw, option] of OPTIONS) {
      const entry = result[raw] as AhjoVoteOption | null | undefined;
      if (!entry) continue;
      counts.push({ option, optionRaw: raw, value: entry.NumberOfVotes ?? entry.Voters?.length ?? 0, motion: motionOf(entry) });
      for (const voter of entry.Voters ?? []) {
        const group = voter.CouncilGroup?.trim() || null;
        votes.push({ voter: personOf(city, voter.Name, voter.ID ?? voter.agentId, group), option, optionRaw: raw, group });
        const key = `${group ?? ''}\u0000${option}`;
        const current = groups.get(key) ?? { group, option, value: 0 };
        current.value++;
        groups.set(key, current);
      }
    }
    // The proposal that "Ayes" supported is what was put to the vote.
    const motion = motionOf(result.Ayes) ?? motionOf(result.Noes);
    return {
      id: gid(city, 'vote', `${decisionSourceId}:${index + 1}`),
      motion,
      counts,
      groupCounts: [...groups.values()].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '') || a.option.localeCompare(b.option)),
      votes,
      totalCast: counts.filter((c) => c.option !== 'ABSENT').reduce((sum, c) => sum + c.value, 0),
    };
  });
}
