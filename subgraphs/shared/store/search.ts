/**
 * Text search over the store, with the semantics the text filters have always had: every word of
 * the query must occur (case-insensitive) somewhere in the record's texts, as a substring, so that
 * compounds match ("asunto" finds "vuokra-asunto" and "asuntotontti"). On top of that:
 * - diacritics are folded on both sides ("votacio" finds "votació", "paatos" finds "päätös");
 * - where PostgreSQL has a stemmer for a language the city publishes in, a word also matches the
 *   record's words with the same stem ("woningen" finds "woning").
 * Substrings are answered by a trigram index (pg_trgm), stems by a tsvector index.
 */

/** PostgreSQL text search configurations by ISO 639-1 code (Catalan has none: substring only). */
const STEMMERS: Record<string, string> = {
  da: 'danish', de: 'german', en: 'english', es: 'spanish', fi: 'finnish', fr: 'french', hu: 'hungarian',
  it: 'italian', nb: 'norwegian', nl: 'dutch', no: 'norwegian', pt: 'portuguese', ro: 'romanian', ru: 'russian', sv: 'swedish', tr: 'turkish',
};

/** The stemming configurations of a city's languages, in order. */
export function stemmersOf(languages: string[]): Array<{ lang: string; config: string }> {
  return languages.filter((l) => STEMMERS[l]).map((lang) => ({ lang, config: STEMMERS[lang] }));
}

/** Lower case without diacritics: the form both the stored text and the query words are matched in. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The folded search text of a record: its texts joined (nulls left out). */
export function searchText(parts: Array<string | null | undefined>): string {
  return fold(parts.filter((p): p is string => !!p).join('\n'));
}

/** The words of a query, each folded (for substrings) and as typed in lower case (for stemmers). */
export function queryWords(query: string): Array<{ folded: string; lower: string }> {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ({ folded: fold(w), lower: w.toLowerCase() }))
    .filter((w) => w.folded.length > 0);
}

/** A LIKE pattern matching `word` anywhere: `%`, `_` and `\` in it are matched literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
