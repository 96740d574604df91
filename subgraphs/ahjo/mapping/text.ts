/** Ahjo HTML documents → RichText, and the language they declare. */
import { htmlToPlain } from '../../shared/text';

export interface RichText {
  lang: string;
  html: string | null;
  plain: string;
}

/** The `lang` of `<html lang="…">`, if the document declares one. */
export function htmlLang(html: string | null | undefined): string | null {
  const match = html?.match(/<html[^>]*\blang="([a-zA-Z-]+)"/i);
  return match ? match[1].slice(0, 2).toLowerCase() : null;
}

/**
 * An Ahjo HTML document as RichText; "" and null → null. The plain text is computed on first
 * read (and kept): most queries never ask for it, and converting every document is the bulk of
 * a list's CPU time.
 */
export function richTextOf(html: string | null | undefined, fallbackLang: string): RichText | null {
  if (!html || !html.trim()) return null;
  let plain: string | undefined;
  return {
    lang: htmlLang(html) ?? fallbackLang,
    html,
    get plain() {
      plain ??= htmlToPlain(html);
      return plain;
    },
  };
}
