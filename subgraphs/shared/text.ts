/** Text helpers shared by the city mappings: HTML → plain text, and language choice with fallback. */
import { compile } from 'html-to-text';

const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'head', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable' },
  ],
};

/** The options compiled once: `convert` compiles them on every call (most of its time on short texts). */
const toText = compile(HTML_OPTIONS);

/** Plain text of an HTML fragment or document: no tags, entities decoded, blank lines between blocks. */
export function htmlToPlain(html: string): string {
  return toText(html)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface HasLang {
  lang: string;
}

/**
 * Picks the item in the requested language, else the one in the preferred fallback language
 * (the item's original language), else the first one.
 */
export function pickLang<T extends HasLang>(items: T[], lang: string | null | undefined, fallback: string): T | null {
  if (items.length === 0) return null;
  return items.find((i) => i.lang === lang) ?? items.find((i) => i.lang === fallback) ?? items[0];
}
