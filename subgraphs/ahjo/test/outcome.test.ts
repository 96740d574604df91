/**
 * Helsinki outcomes from the decision's "Päätös" section: every standard phrasing, the shapes real
 * minutes take (lists, an amendment first, only "Esitys"/"Lausunto"), and the real decisions of
 * test/fixtures/helsinki/ahjo-decision-statements.json (44 real Ahjo decisions, see its .source.txt).
 */
import fs from 'node:fs';
import path from 'node:path';
import { decisionStatement, outcomeOf } from '../mapping/outcome';

const section = (heading: string, inner: string) => `<div class="SisaltoSektio"><h3 class="SisaltoOtsikko">${heading}</h3>${inner}</div>`;
const doc = (...sections: string[]) => `<html lang="fi"><body><div class="paatos">${sections.join('')}</div></body></html>`;
const outcome = (html: string) => outcomeOf(decisionStatement(html));

describe('standard phrasings in the "Päätös" paragraph', () => {
  it.each([
    ['Kaupunginhallitus päätti hyväksyä esityksen.', 'ADOPTED'],
    ['Kaupunginvaltuusto hyväksyi talousarvion.', 'ADOPTED'],
    ['Päätös on ehdotuksen mukainen.', 'ADOPTED'],
    ['Terveysinsinööri päätti myöntää luvan tupakkatuotteiden vähittäismyyntiin.', 'ADOPTED'],
    ['Kaupunginhallitus valitsi Maija Meikäläisen jäseneksi.', 'ADOPTED'],
    ['Kaupungineläinlääkäri päätti, että pöytäkirja pidetään nähtävänä yleisessä tietoverkossa.', 'ADOPTED'],
    ['Kaupunginvaltuusto päätti hyväksyä talousarvion muutettuna siten, että …', 'AMENDED'],
    ['Päätös on esittelijän muutetun ehdotuksen mukainen.', 'AMENDED'],
    ['Kaupunginvaltuusto päätti hylätä aloitteen.', 'REJECTED'],
    ['Lautakunta päätti hylätä oikaisuvaatimuksen.', 'REQUEST_REJECTED'],
    ['Lakipalvelut-yksikön päällikkö päätti hylätä hakijan vahingonkorvaus-vaatimuksen.', 'REQUEST_REJECTED'],
    ['Tiimipäällikkö päätti hylätä hakemuksen.', 'REQUEST_REJECTED'],
    ['Lautakunta päätti jättää oikaisuvaatimuksen tutkimatta myöhään saapuneena.', 'REQUEST_DISMISSED'],
    ['Kaupunginhallitus merkitsi tiedoksi selvityksen.', 'NOTED'],
    ['Tarkastuslautakunta päätti merkitä tiedoksi KPMG Oy Ab:n erityistoimeksiannot.', 'NOTED'],
    ['Kaupunginhallitus päätti panna asian pöydälle.', 'POSTPONED'],
    ['Kaupunginhallitus päätti jättää asian pöydälle.', 'POSTPONED'],
    ['Kaupunginvaltuusto päätti jättää asian lepäämään.', 'POSTPONED'],
    ['Kaupunginvaltuusto päätti palauttaa asian uudelleen valmisteltavaksi.', 'REFERRED_BACK'],
    ['Asia poistettiin esityslistalta.', 'WITHDRAWN'],
    ['Kumppanuuspäällikkö jatkaa projektiavustuksen käyttöaikaa 31.12.2022 saakka.', 'UNKNOWN'],
  ])('%s → %s', (paragraph, expected) => {
    expect(outcome(doc(section('Päätös', `<p>${paragraph}</p>`)))).toBe(expected);
  });

  it.each([
    ['Stadsstyrelsen beslutade godkänna förslaget.', 'ADOPTED'],
    ['Stadsfullmäktige beslutade återremittera ärendet för ny beredning.', 'REFERRED_BACK'],
    ['Stadsstyrelsen antecknade utredningen för kännedom.', 'NOTED'],
    ['Stadsstyrelsen beslutade bordlägga ärendet.', 'POSTPONED'],
    ['Nämnden beslutade avslå rättelseyrkandet.', 'REQUEST_REJECTED'],
    ['Nämnden beslutade lämna rättelseyrkandet utan prövning.', 'REQUEST_DISMISSED'],
    ['Beslutet är i enlighet med förslaget.', 'ADOPTED'],
  ])('Swedish "Beslut": %s → %s', (paragraph, expected) => {
    expect(outcome(doc(section('Beslut', `<p>${paragraph}</p>`)))).toBe(expected);
  });
});

describe('the shapes real minutes take', () => {
  it('reads a decision given as a list announced by "päätti"', () => {
    const html = doc(section('Päätös', '<p>Kaupunginhallitus päätti</p><ul><li>palauttaa asian uudelleen valmisteltavaksi.</li><li>kehottaa kaupunkiympäristön toimialaa valmistelemaan asian.</li></ul>'));
    expect(decisionStatement(html)).toBe('Kaupunginhallitus päätti palauttaa asian uudelleen valmisteltavaksi. kehottaa kaupunkiympäristön toimialaa valmistelemaan asian.');
    expect(outcome(html)).toBe('REFERRED_BACK');
  });

  it('reads a decision given only as a list', () => {
    expect(outcome(doc(section('Päätös', '<ol><li>Lautakunta päätti hyväksyä hankesuunnitelman.</li><li>Lautakunta päätti oikeuttaa toimialan jatkamaan.</li></ol>')))).toBe('ADOPTED');
  });

  it('skips an amendment quoted before the decision', () => {
    const html = doc(
      section(
        'Päätös',
        '<p>Käsittelyn aikana jäsen Virtanen teki vastaehdotuksen, että asia palautetaan uudelleen valmisteltavaksi ja hylätään esitys.</p><p>Kaupunginhallitus päätti hyväksyä esityksen.</p>',
      ),
    );
    expect(decisionStatement(html)).toBe('Kaupunginhallitus päätti hyväksyä esityksen.');
    expect(outcome(html)).toBe('ADOPTED');
  });

  it('does not read a rejected tabling proposal as tabling', () => {
    expect(outcome(doc(section('Päätös', '<p>Kaupunginvaltuusto hylkäsi pöydällepanoehdotuksen ja päätti hyväksyä esityksen.</p>')))).toBe('REJECTED');
  });

  it('reads a body\'s proposal ("Esitys") or statement ("Lausunto") when there is no "Päätös"', () => {
    expect(outcome(doc(section('Esitys', '<p>Kaupunginhallitus esittää kaupunginvaltuustolle, että kaupunginvaltuusto hyväksyy asemakaavan muutoksen.</p>')))).toBe('ADOPTED');
    expect(outcome(doc(section('Lausunto', '<p>Kulttuuri- ja vapaa-aikalautakunta antoi asiasta seuraavan lausunnon: </p><p>Lautakunta toteaa …</p>')))).toBe('ADOPTED');
  });

  it('prefers the "Päätös" section over a proposal section', () => {
    expect(outcome(doc(section('Esitys', '<p>Kaupunginhallitus esittää hyväksyttäväksi.</p>'), section('Päätös', '<p>Kaupunginvaltuusto päätti palauttaa asian uudelleen valmisteltavaksi.</p>')))).toBe(
      'REFERRED_BACK',
    );
  });

  it('keeps an unrecognised statement verbatim, UNKNOWN; no section is null', () => {
    const html = doc(section('Päätös', '<p>Kumppanuuspäällikkö jatkaa projektiavustuksen käyttöaikaa.</p>'));
    expect(decisionStatement(html)).toBe('Kumppanuuspäällikkö jatkaa projektiavustuksen käyttöaikaa.');
    expect(decisionStatement('<p>Ei päätöstä</p>')).toBeNull();
    expect(outcomeOf(null)).toBe('UNKNOWN');
  });
});

describe('real Ahjo decisions (ahjo-decision-statements.json)', () => {
  interface Entry {
    nativeId: string;
    sections: Array<{ heading: string; html: string }>;
  }
  const entries: Entry[] = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/helsinki/ahjo-decision-statements.json'), 'utf8'));
  const htmlOf = (e: Entry) => doc(...e.sections.map((s) => section(s.heading, s.html)));
  // Reviewed by reading each real statement (1-based positions in the fixture).
  const EXPECTED: Record<number, string> = {
    5: 'ADOPTED', // päätti hyväksyä toimintasuunnitelman
    6: 'ADOPTED', // päätti valita … toimittajiksi
    10: 'REQUEST_REJECTED', // päätti hylätä hakijan vahingonkorvaus-vaatimuksen
    12: 'NOTED', // päätti merkitä tiedoksi
    16: 'ADOPTED', // päätti antaa seuraavan lausunnon:
    18: 'ADOPTED', // päätti myöntää … luvan
    19: 'ADOPTED', // päätti, ettei seuraavia päätöksiä oteta käsiteltäväksi
    20: 'UNKNOWN', // "jatkaa … käyttöaikaa": no standard phrasing
    23: 'NOTED', // Kaupunginvaltuusto merkitsi tiedoksi
    24: 'NOTED',
    25: 'UNKNOWN', // confidential: no sections at all
    34: 'POSTPONED', // päätti panna asian pöydälle
    39: 'UNKNOWN', // confidential
    41: 'ADOPTED', // päätti muuttaa … seuraavasti: (a table follows)
    44: 'ADOPTED', // only "Lausunto": antoi asiasta seuraavan lausunnon
  };

  it.each(Object.entries(EXPECTED))('decision %s → %s', (position, expected) => {
    expect(outcome(htmlOf(entries[Number(position) - 1]))).toBe(expected);
  });

  it('knows the outcome of at least 80% of the real decisions that carry a decision statement', () => {
    const statements = entries.map((e) => decisionStatement(htmlOf(e))).filter((s): s is string => s !== null);
    const known = statements.filter((s) => outcomeOf(s) !== 'UNKNOWN');
    expect(entries).toHaveLength(44);
    expect(statements).toHaveLength(42);
    expect(known.length / statements.length).toBeGreaterThanOrEqual(0.8);
    expect(known).toHaveLength(41);
  });
});
