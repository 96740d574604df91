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

/** An Ahjo HTML document as RichText; "" and null → null. */
export function richTextOf(html: string | null | undefined, fallbackLang: string): RichText | null {
  if (!html || !html.trim()) return null;
  return { lang: htmlLang(html) ?? fallbackLang, html, plain: htmlToPlain(html) };
}
