/** Plenary agreements → Decisions; sessions → Meetings of the plenary body; proposal references → Cases. */
import { htmlToPlain } from '../../shared/text';
import type { DecidimCity } from './city';
import { foldValue, type PlenaryAgreement, type PlenaryVote, type VoteOption } from './plenary';

/** The scheme of the plenary theme categories (`tema_cat` / `tema_cast`), named after the city. */
export const themeScheme = (city: DecidimCity) => `${city.name} plenary theme (tema_cat / tema_cast)`;

export type Outcome = 'ADOPTED' | 'AMENDED' | 'REJECTED' | 'NOTED' | 'WITHDRAWN' | 'POSTPONED' | 'REFERRED_BACK' | 'UNKNOWN';

/**
 * `resultat` values of both files → Outcome, folded (case, accents and underscores do not matter:
 * `aprovat_unanimitat` = `Aprovat per unanimitat` minus the `per`, listed as both). Both genders of a
 * participle are listed (`aprovat`/`aprovada`: the 2019–2023 file writes the masculine). The raw value
 * is kept as outcomeRaw; anything else is UNKNOWN and reported as unmapped (mapping/rows.ts).
 */
const OUTCOMES: Record<string, Outcome> = {
  aprovada: 'ADOPTED',
  aprovat: 'ADOPTED',
  'aprovat per unanimitat': 'ADOPTED',
  'aprovada per unanimitat': 'ADOPTED',
  'aprovat unanimitat': 'ADOPTED',
  'aprovada unanimitat': 'ADOPTED',
  'aprovada amb text transaccionat': 'AMENDED',
  'aprovat amb text transaccionat': 'AMENDED',
  'aprovada amb modificacions': 'AMENDED',
  'aprovat amb modificacions': 'AMENDED',
  // A proposal or motion the council did not adopt.
  rebutjada: 'REJECTED',
  rebutjat: 'REJECTED',
  'no aprovada': 'REJECTED',
  'no aprovat': 'REJECTED',
  retirada: 'WITHDRAWN',
  retirat: 'WITHDRAWN',
};

export function outcomeOfResult(result: string): Outcome {
  return OUTCOMES[foldValue(result)] ?? 'UNKNOWN';
}

export interface VoteEventModel {
  id: string;
  motion: string | null;
  counts: Array<{ option: VoteOption; optionRaw: string; value: number; motion: string | null }>;
  groupCounts: Array<{ group: string | null; option: VoteOption; value: number }>;
  votes: Array<{ voter: { id: null; sourceId: null; name: string; givenName: null; familyName: null; group: string | null }; option: VoteOption; optionRaw: string; group: string | null }>;
  totalCast: number;
}

export interface PlenaryDecision {
  id: string;
  sourceId: string;
  agreement: PlenaryAgreement;
  titles: Array<{ lang: string; text: string }>;
  date: string;
  outcome: Outcome;
  categories: Array<{ id: string; code: string | null; name: string; scheme: string; parentCode: string | null }>;
  voteEvents: VoteEventModel[];
  plainText: string | null;
  sourceUrl: string;
  isMotion: boolean;
}

/** An option's label when no cell of the vote wrote it (the current file's wording). */
const OPTION_LABELS: Record<VoteOption, string> = { YES: 'A favor', NO: 'En contra', ABSTAIN: 'Abstenció', ABSENT: 'absencia', NOT_VOTING: '-' };

/**
 * The vote of an agreement: counts and group counts are in groups (the files record one vote per
 * group, not per councillor); individual votes only for nominal votes. `-` (did not take part) is
 * NOT_VOTING, `absencia` ABSENT; an empty cell (not recorded) or an unrecognised one is no vote at
 * all (the unrecognised one is reported by the rows). An option's optionRaw is the cell as this vote
 * wrote it (`a_favor` in the 2019–2023 file), else the current file's label.
 */
export function voteEventOf(city: DecidimCity, id: string, a: PlenaryAgreement): VoteEventModel | null {
  const recorded = a.groupVotes.filter((v): v is PlenaryVote & { option: VoteOption } => v.option !== null);
  const cast = a.councillorVotes.filter((v) => v.option !== null);
  if (recorded.length === 0 && cast.length === 0) return null;
  const options: VoteOption[] = ['YES', 'NO', 'ABSTAIN', 'ABSENT', 'NOT_VOTING'];
  const rawOf = (option: VoteOption) => [...recorded, ...cast].find((v) => v.option === option)?.raw ?? OPTION_LABELS[option];
  const counts = options.map((option) => ({ option, optionRaw: rawOf(option), value: recorded.filter((v) => v.option === option).length, motion: null }));
  return {
    id: city.gid('vote', `${id}:1`),
    motion: null,
    counts,
    groupCounts: recorded.map((v) => ({ group: v.group, option: v.option, value: 1 })),
    votes: cast
      .map((v) => ({ voter: { id: null, sourceId: null, name: v.name, givenName: null, familyName: null, group: v.group }, option: v.option as VoteOption, optionRaw: v.raw, group: v.group })),
    totalCast: counts.filter((c) => c.option === 'YES' || c.option === 'NO' || c.option === 'ABSTAIN').reduce((s, c) => s + c.value, 0),
  };
}

/** Decisions of parsed files; ids are `{ref_sessio}|{ref_proposta}` (+ `#n` for repeats such as `s/n`). */
export function decisionsOf(city: DecidimCity, agreements: PlenaryAgreement[], urlOf: (file: string) => string): PlenaryDecision[] {
  const seen = new Map<string, number>();
  return agreements.map((a) => {
    const base = `${a.sessionRef}|${a.proposalRefs.join(';') || 's/n'}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const sourceId = n > 1 ? `${base}#${n}` : base;
    const titles = [
      ...(a.titleCa ? [{ lang: 'ca', text: a.titleCa }] : []),
      ...(a.titleEs ? [{ lang: 'es', text: a.titleEs }] : []),
    ];
    const theme = a.themeCa ?? a.themeEs;
    return {
      id: city.gid('decision', sourceId),
      sourceId,
      agreement: a,
      titles: titles.length ? titles : [{ lang: city.main, text: a.proposalRefs.join(', ') || a.sessionRef }],
      date: a.sessionDate,
      outcome: outcomeOfResult(a.result),
      categories: theme ? [{ id: city.gid('category', theme), code: null, name: theme, scheme: themeScheme(city), parentCode: null }] : [],
      voteEvents: [voteEventOf(city, sourceId, a)].filter((v): v is VoteEventModel => v !== null),
      plainText: a.textHtml ? htmlToPlain(a.textHtml) : null,
      sourceUrl: urlOf(a.file),
      // Any part of `part_acta` (it may name two) in `D) Part d'impuls i control`.
      isMotion: (a.minutesParts ?? [a.minutesPart ?? '']).some((p) => /^D\)/.test(p)),
    };
  });
}
