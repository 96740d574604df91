/**
 * The outcome of an agenda item from its `result`: OParl gives it as the council's own words
 * ("Kategorische Information … etwa 'Unverändert beschlossen' oder 'Geändert beschlossen'"), with no
 * fixed list. The wording is read after dropping what only qualifies it (how many voted for it,
 * "einstimmig", "mehrheitlich", a parenthesis); a wording not recognised keeps its raw text, maps to
 * UNKNOWN and is counted in `sources.unmappedValues`. Nothing is guessed from a title or a text.
 */
import type { Outcome } from '../../shared/args';

/** Whole (qualifier-free) wordings, each with its outcome; checked in this order. */
const WORDINGS: Array<[RegExp, Outcome]> = [
  // Amended first: "geändert beschlossen" also ends in "beschlossen".
  [/^(geändert|abgeändert|mit änderungen?|mit ergänzungen?|geändert und ergänzt|ergänzt) (beschlossen|angenommen|zugestimmt|empfohlen)$|^(beschlossen|angenommen|zugestimmt) mit änderungen?$|^änderungen? beschlossen$/, 'AMENDED'],
  [/^(nicht beschlossen|nicht angenommen|nicht zugestimmt|abgelehnt)$/, 'REJECTED'],
  [/^(zur kenntnis genommen|kenntnis genommen|kenntnisnahme|zur kenntnisnahme|zur kenntnis|erledigt durch kenntnisnahme)$/, 'NOTED'],
  [/^(vertagt|zurückgestellt|verschoben|vertagt auf die nächste sitzung|von der tagesordnung abgesetzt und vertagt)$/, 'POSTPONED'],
  [/^(zurückgezogen|abgesetzt|von der tagesordnung abgesetzt|von der tagesordnung genommen|zurückgenommen)$/, 'WITHDRAWN'],
  [/^(zurückverwiesen|verwiesen|in den ausschuss verwiesen|an den ausschuss verwiesen|zur weiteren beratung verwiesen)$/, 'REFERRED_BACK'],
  [/^(beschlossen|angenommen|zugestimmt|genehmigt|empfohlen|wie vorgeschlagen beschlossen|beschlossen wie vorgeschlagen|gemäß beschlussvorschlag beschlossen)$/, 'ADOPTED'],
];

/** Words and phrases that qualify a result without changing it. */
const QUALIFIERS = /\b(einstimmig|mehrheitlich|unverändert|ungeändert|ohne änderungen?|ohne aussprache|in geänderter fassung)\b/g;

/** Lower case, one space between words, without parentheses, vote tallies or final punctuation. */
export function normaliseResult(result: string): string {
  return result
    .toLocaleLowerCase('de')
    .replace(/\([^)]*\)/g, ' ')
    // "bei 2 Enthaltungen", "mit 30 Ja-Stimmen …": the tally after a comma or "bei"/"mit … stimmen".
    .replace(/[,;:]\s*.*(stimme|enthaltung|gegenstimme).*$/u, ' ')
    .replace(/\bbei\s+\d+\s+\S*(stimme|stimmen|enthaltung|enthaltungen)\b.*$/u, ' ')
    .replace(QUALIFIERS, ' ')
    .replace(/[.!;,:-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface OutcomeReading {
  outcome: Outcome;
  /** The raw result (trimmed), or null when the item has none. */
  raw: string | null;
  /** True when there is a raw result the mapping does not recognise (counted in unmappedValues). */
  unmapped: boolean;
}

export function outcomeOf(result: string | null | undefined): OutcomeReading {
  const raw = typeof result === 'string' && result.trim() ? result.trim() : null;
  if (!raw) return { outcome: 'UNKNOWN', raw: null, unmapped: false };
  const text = normaliseResult(raw);
  for (const [pattern, outcome] of WORDINGS) if (pattern.test(text)) return { outcome, raw, unmapped: false };
  return { outcome: 'UNKNOWN', raw, unmapped: true };
}
