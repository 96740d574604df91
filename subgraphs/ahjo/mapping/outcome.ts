/**
 * Outcome of an Ahjo decision. Ahjo has no outcome field: the outcome is stated in the
 * decision's "Päätös" (sv "Beslut") section in the standard phrasings of Ahjo minutes (as Helsinki writes them)
 * ("Kaupunginhallitus päätti hyväksyä …", "merkitsi tiedoksi", "Päätös on ehdotuksen mukainen").
 * The statement is the first paragraph or list item of that section that says what was decided
 * (an amendment or the presenter's proposal quoted before it is skipped); a statement that ends
 * in "päätti:" takes the list that follows. Decisions without a "Päätös" section are a body's
 * proposal ("Esitys") or statement ("Lausunto") to another body. Only standard phrasings are
 * mapped; anything else is UNKNOWN rather than a guess. The statement is kept as outcomeRaw.
 */
import { parseDocument } from 'htmlparser2';
import { findAll, textContent } from 'domutils';
import type { ChildNode, Element } from 'domhandler';
import type { Outcome as ContractOutcome } from '../../shared/args';

export type Outcome = ContractOutcome;

/** Section headings, in the order they are looked for: the decision itself, then a proposal or statement. */
const HEADINGS = [['päätös', 'beslut'], ['esitys', 'förslag', 'lausunto', 'utlåtande']];

function hasClass(el: Element, cls: string): boolean {
  return (el.attribs?.class ?? '').split(/\s+/).includes(cls);
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Finnish and Swedish words: `\b` does not see ä, ö and å as letters, so whole words are told by lookarounds. */
const words = (source: string) => new RegExp(`(?<!\\p{L})(?:${source})`, 'iu');

/** A block that tells what was decided (the deciding body's verb in the past tense, or the standard formula). */
const DECIDES = words(
  'päätti|hyväksyi|merkitsi|hylkäsi|palautti|pani|poisti|valitsi|myönsi|päätös on .{0,40}ehdotuksen mukainen|poistettiin esityslistalta|esittää|antoi .{0,80}lausun|' +
    'beslutade|godkände|antecknade|avslog|återremitterade|bordlade|beslutet är i enlighet med|föreslår|gav .{0,80}utlåtande|ströks från föredragningslistan',
);

/** Quoted proposals and amendments that come before the decision in the minutes. */
const QUOTED = words('vastaehdotu|muutosehdotu|pöydällepanoehdotu|palautusehdotu|esittelijän ehdotu|esittelijä muutti|ehdotti|motförslag|ändringsförslag|föreslog|föredraganden ändrade');

/** A statement that ends by announcing what follows ("… päätti:", "… päätti seuraavaa"). */
const ANNOUNCES = words('päätti|seuraavaa|beslutade|följande')
  .source.concat('\\s*:?\\s*$');
const ANNOUNCES_RE = new RegExp(ANNOUNCES, 'iu');

interface Block {
  text: string;
  listItem: boolean;
}

const BLOCK_TAGS = new Set(['p', 'li', 'h4', 'h5', 'td']);
const CONTAINER_TAGS = new Set(['div', 'ul', 'ol', 'table', 'tbody', 'tr', 'section', 'span']);

/** The paragraphs and list items of a section, in document order. */
function blocksOf(nodes: ChildNode[], out: Block[] = []): Block[] {
  for (const node of nodes) {
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const hasBlocks = el.children.some((c) => c.type === 'tag' && (BLOCK_TAGS.has((c as Element).name) || CONTAINER_TAGS.has((c as Element).name)));
    if (BLOCK_TAGS.has(el.name) || (el.name === 'div' && !hasBlocks)) {
      const text = clean(textContent(el));
      if (text) out.push({ text, listItem: el.name === 'li' });
    } else if (!/^h\d$/.test(el.name)) {
      blocksOf(el.children, out);
    }
  }
  return out;
}

/** The sentence of a section that says what was decided, with the list it announces. */
function statementOf(blocks: Block[]): string | null {
  const i = blocks.findIndex((b) => DECIDES.test(b.text) && !(QUOTED.test(b.text) && !/päätti|hyväksyi|beslutade|godkände/i.test(b.text)));
  if (i < 0) return null;
  const parts = [blocks[i].text];
  if (ANNOUNCES_RE.test(blocks[i].text)) {
    // "X päätti" followed by the list of what it decided: the list (or the next paragraph) belongs to it.
    for (let j = i + 1; j < blocks.length; j++) {
      if (!blocks[j].listItem && parts.length > 1) break;
      parts.push(blocks[j].text);
      if (!blocks[j].listItem) break;
    }
  }
  return parts.join(' ');
}

/**
 * The statement of an Ahjo decision document: what its "Päätös" (else "Esitys"/"Lausunto") section
 * says was decided; without a standard phrasing, the section's first paragraph; null without such a section.
 */
export function decisionStatement(html: string | null | undefined): string | null {
  if (!html) return null;
  const doc = parseDocument(html);
  const sections = findAll((el) => el.name === 'div' && hasClass(el, 'SisaltoSektio'), doc.children).map((section) => {
    const heading = findAll((el) => /^h\d$/.test(el.name) && hasClass(el, 'SisaltoOtsikko'), section.children)[0];
    return { heading: heading ? clean(textContent(heading)).toLowerCase() : '', section };
  });
  let firstBlock: string | null = null;
  for (const headings of HEADINGS) {
    for (const { heading, section } of sections) {
      if (!headings.includes(heading)) continue;
      const blocks = blocksOf(section.children);
      const statement = statementOf(blocks);
      if (statement) return statement;
      firstBlock ??= blocks[0]?.text ?? null;
    }
  }
  // A section in no standard phrasing still says something: kept verbatim (its outcome is UNKNOWN).
  return firstBlock;
}

/**
 * Ordered: the first rule whose pattern occurs in the statement decides. What stops a matter
 * (withdrawn, tabled, sent back, only noted) comes before what decides it; a refused claim,
 * appeal or application (REQUEST_*) before a rejected proposal; amendments before adoption.
 */
const RULES: Array<[RegExp, Outcome]> = [
  [words('poistettiin esityslistalta|poisti asian esityslistalta|poistaa asian esityslistalta|ströks från föredragningslistan|avföra ärendet'), 'WITHDRAWN'],
  [words('(?:pani|panna|jätti|jättää|jätettiin) .{0,60}pöydälle|asia pantiin pöydälle|lepäämään|bordlägga|bordlade|bordlägger|lämna .{0,40}att vila'), 'POSTPONED'],
  [words('uudelleen valmisteltavaksi|palauttaa asian|palautti asian|återremitt'), 'REFERRED_BACK'],
  [words('merkitsi .{0,200}tiedoksi|merkitä .{0,200}tiedoksi|antecknade .{0,200}för kännedom|anteckna .{0,200}för kännedom|antecknade .{0,200}till kännedom'), 'NOTED'],
  [words('tutkimatta|utan prövning'), 'REQUEST_DISMISSED'],
  [
    words('(?:hylätä|hylkäsi|hylkää|avslå|avslog) .{0,120}?(?:oikaisuvaatimu|vaatimu|hakemu|valitu|anomu|vahingonkorvau|korvausvaatimu|rättelseyrkand|yrkand|ansökan|besvär|skadestånd|ersättningskrav)'),
    'REQUEST_REJECTED',
  ],
  [words('hylätä|hylkäsi|avslå|avslog|förkastade'), 'REJECTED'],
  [words('muutettuna|muutetun ehdotuksen mukainen|med följande ändring|med ändring|i ändrad form'), 'AMENDED'],
  [
    words(
      'ehdotuksen mukainen|i enlighet med förslaget|päätti|hyväksyi|valitsi|myönsi|esittää|antoi .{0,80}lausun|beslutade|godkände|föreslår|gav .{0,80}utlåtande',
    ),
    'ADOPTED',
  ],
];

export function outcomeOf(statement: string | null): Outcome {
  if (!statement) return 'UNKNOWN';
  for (const [pattern, outcome] of RULES) if (pattern.test(statement)) return outcome;
  return 'UNKNOWN';
}
