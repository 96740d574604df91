/**
 * Outcome of a Helsinki decision. Ahjo has no outcome field: the outcome is stated in the first
 * paragraph of the decision's "Päätös" (sv "Beslut") section, in the standard phrasings of
 * Helsinki's minutes. We read that paragraph (kept verbatim as outcomeRaw) and map only those
 * standard phrasings; anything else is UNKNOWN rather than a guess.
 */
import { parseDocument } from 'htmlparser2';
import { findAll, textContent } from 'domutils';
import type { Element } from 'domhandler';

export type Outcome = 'ADOPTED' | 'AMENDED' | 'REJECTED' | 'NOTED' | 'WITHDRAWN' | 'POSTPONED' | 'REFERRED_BACK' | 'UNKNOWN';

const DECISION_HEADINGS = ['päätös', 'beslut'];

function hasClass(el: Element, cls: string): boolean {
  return (el.attribs?.class ?? '').split(/\s+/).includes(cls);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** First paragraph of the "Päätös"/"Beslut" section of an Ahjo decision document, as plain text. */
export function decisionStatement(html: string | null | undefined): string | null {
  if (!html) return null;
  const doc = parseDocument(html);
  const sections = findAll((el) => el.name === 'div' && hasClass(el, 'SisaltoSektio'), doc.children);
  for (const section of sections) {
    const heading = findAll((el) => /^h\d$/.test(el.name) && hasClass(el, 'SisaltoOtsikko'), section.children)[0];
    if (!heading || !DECISION_HEADINGS.includes(clean(textContent(heading)).toLowerCase())) continue;
    const paragraph = findAll((el) => el.name === 'p', section.children).map((p) => clean(textContent(p))).find(Boolean);
    return paragraph ?? null;
  }
  return null;
}

/** Ordered: the first rule whose pattern occurs decides. More specific phrasings come first. */
const RULES: Array<[RegExp, Outcome]> = [
  [/poistettiin esityslistalta|poisti asian esityslistalta|ströks från föredragningslistan/i, 'WITHDRAWN'],
  [/pöydälle|bordlägga|bordlades/i, 'POSTPONED'],
  [/uudelleen valmisteltavaksi|återremittera/i, 'REFERRED_BACK'],
  [/merkitsi tiedoksi|merkitä tiedoksi|antecknade för kännedom/i, 'NOTED'],
  [/päätti hylätä|hylkäsi|beslutade avslå|avslog/i, 'REJECTED'],
  [/muutettuna|med följande ändring|med ändring/i, 'AMENDED'],
  [/päätös on ehdotuksen mukainen|beslutet är i enlighet med förslaget/i, 'ADOPTED'],
  [/päätti (hyväksyä|myöntää|valita|asettaa|antaa|oikeuttaa|vahvistaa|nimetä|ottaa)|beslutade (godkänna|bevilja|välja|tillsätta|ge)/i, 'ADOPTED'],
];

export function outcomeOf(statement: string | null): Outcome {
  if (!statement) return 'UNKNOWN';
  for (const [pattern, outcome] of RULES) if (pattern.test(statement)) return outcome;
  return 'UNKNOWN';
}
