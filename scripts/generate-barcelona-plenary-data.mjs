#!/usr/bin/env node
/**
 * Generates the default offline dataset of Barcelona's plenary agreements ("Acords del Plenari") for the local
 * file-server replica of https://ajuntament.barcelona.cat/sites/default/files/votacions_plenari/ into the
 * `plenary/` folder of the city's replica data (its `replica.dir` in cities.yaml, replicas/barcelona/):
 *
 *   votacions_plenari_mandat_actual.csv      current term 2023-2027: ';'-separated, NOT valid CSV (unquoted ';' in text),
 *                                            every record line starts with a TAB
 *   votacions_plenari_mandat_2019_2023.csv   previous term: "sense filtres" caption line, then ';'-separated RFC 4180
 *                                            (quoted resum), CRLF
 *   README.md                                what is generated, which quirk is on which line
 *
 * The real files were not available offline: everything is synthetic. The shapes follow the facts of real excerpts of
 * both files recorded in the project's issue 11 (they win over the older research notes, which still supply the facts
 * the excerpts do not contradict); constants are copied below, nothing is read at run time. Plain Node ESM, no
 * dependencies, deterministic (seeded PRNG, no clock).
 *
 *   node scripts/generate-barcelona-plenary-data.mjs          generate, then check
 *   node scripts/generate-barcelona-plenary-data.mjs --check  only check the files on disk
 *
 * The output folder follows the registry (barcelona's replica.dir in cities.yaml, or CITIES_FILE), read with a
 * line match so that the script stays dependency-free.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
/** barcelona's `replica: { port, dir }` in the registry (the entry after `- id: barcelona`). */
function replicaDirOf(id) {
  const registry = readFileSync(process.env.CITIES_FILE || join(ROOT, 'cities.yaml'), 'utf8');
  const entry = registry.split(/^\s*- id:\s*/m).find((e) => e.split(/\s/)[0] === id);
  const dir = entry && /^\s*replica:\s*\{[^}]*\bdir:\s*([^,}\s]+)/m.exec(entry)?.[1];
  if (!dir) throw new Error(`cities.yaml: no replica.dir for ${id}`);
  return dir;
}
const OUT = join(ROOT, replicaDirOf('barcelona'), 'plenary');
const CUR_FILE = 'votacions_plenari_mandat_actual.csv'; const PREV_FILE = 'votacions_plenari_mandat_2019_2023.csv';
const SEED = 0x42434e50; // "BCNP"

// ---- Deterministic randomness and small helpers ----------------------------------------------------------
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const ri = (a, b) => a + Math.floor(rand() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}
/** Cycles through a list in a shuffled order, so that values repeat as little as possible. */
function cycler(list) {
  let queue = [];
  return () => (queue.length ? queue : (queue = shuffle(list))).pop();
}
/** Weighted pick from [[value, weight], ...]. */
const pickW = (w) => { let t = rand() * w.reduce((s, x) => s + x[1], 0); return (w.find((x) => (t -= x[1]) < 0) ?? w[w.length - 1])[0]; };
const pad = (n, w = 2) => String(n).padStart(w, '0');
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const lcFirst = (s) => s[0].toLowerCase() + s.slice(1);
const fill = (s, ctx) => s.replace(/\{(\w+)\}/g, (_, k) => ctx[k]);
const dmy = (iso, unpadded = false) => { const [y, m, d] = iso.split('-'); return unpadded ? `${+d}/${+m}/${y}` : `${d}/${m}/${y}`; };
const isoOf = (s) => { const [d, m, y] = s.split('/'); return `${y}-${pad(+m)}-${pad(+d)}`; };
const MONTHS_CA = ['gener', 'febrer', 'març', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const wordsCa = (iso) => { const [y, m, d] = iso.split('-').map(Number); const mo = MONTHS_CA[m - 1]; return `${d} ${/^[aeiou]/.test(mo) ? `d'${mo}` : `de ${mo}`} de ${y}`; };
const wordsEs = (iso) => { const [y, m, d] = iso.split('-').map(Number); return `${d} de ${MONTHS_ES[m - 1]} de ${y}`; };

const ENT = { à: 'agrave', è: 'egrave', é: 'eacute', í: 'iacute', ï: 'iuml', ò: 'ograve', ó: 'oacute', ú: 'uacute', ü: 'uuml', ç: 'ccedil', '·': 'middot', á: 'aacute', ñ: 'ntilde', À: 'Agrave', È: 'Egrave', É: 'Eacute', Í: 'Iacute', Ò: 'Ograve', Ó: 'Oacute', Ú: 'Uacute', Ç: 'Ccedil' };
const ENT_REV = Object.fromEntries([...Object.entries(ENT).map(([c, n]) => [n, c]), ['nbsp', ' ']]);
/** Replaces accented letters with named entities ending in `end` (';' is correct HTML, ':' is the source's broken form). */
const entitize = (s, end) => s.replace(/[àèéíïòóúüç·áñÀÈÉÍÒÓÚÇ]/g, (c) => `&${ENT[c]}${end}`);
const decode = (s) => s.replace(/&([a-zA-Z]+)[;:]/g, (m, n) => ENT_REV[n] ?? m).replace(/\u00a0/g, ' ');
/** Replaces one space (before the first digit if any, else the second space) with `sp`. */
const hardSpace = (s, sp) => { const i = s.search(/ \d/); const j = i >= 0 ? i : s.indexOf(' ', s.indexOf(' ') + 1); return s.slice(0, j) + sp + s.slice(j + 1); };

// ---- Facts copied from the research notes (barcelona-plenary-csv.md, city-apis.md §3.3) ------------------
const CUR_BASE = ['ref_sessio', 'ref_proposta', 'data_sessio', 'resum_cat', 'resum_cast', 'text', 'resultat', 'sistema_votacio', 'part_acta', 'tema_cat', 'tema_cast', 'organ_resolucio'];
const RESULTS = ['Aprovada', 'Aprovat per unanimitat', 'Rebutjada', 'Aprovada amb text transaccionat', 'No aprovada', 'Aprovada amb modificacions'];
const [APR, UNAN, REB, TRANS, NOAPR, MODIF] = RESULTS;
const REJECTED = new Set([REB, NOAPR]);
const VOTES = ['A favor', 'En contra', 'Abstenció', '-', ''];
const FAVOR = new Set(['A favor', 'a_favor']);
const ORGAN = 'Consell Municipal';
const SISTEMA = ['Votació per grup', 'nominal', '']; // issue 11: sistema_votacio may be empty
// Our choices (the notes give A), C), D) and "e.g."): four parts of the agenda.
const PARTS = { A: "A) Aprovació de l'acta", C: 'C) Part decisòria / Executiva', D: "D) Part d'impuls i control", E: 'E) Proposicions amb contingut de declaració institucional' };
const THEMES = { hab: ['Habitatge', 'Vivienda'], urb: ['Urbanisme i infraestructures', 'Urbanismo e infraestructuras'],
  adm: ['Administració i acció de govern', 'Administración y acción de gobierno'], mob: ['Mobilitat', 'Movilidad'], soc: ['Drets socials', 'Derechos sociales'],
  eco: ['Economia i hisenda', 'Economía y hacienda'], med: ['Medi ambient', 'Medio ambiente'], cul: ['Cultura', 'Cultura'] };
const THEME_BY_CA = Object.fromEntries(Object.values(THEMES));

// Current term. Seats (41) are our choice; the canonical key "Junts" has two literal column labels.
const CUR_GROUPS = [['BComú', 'Barcelona en Comú', 9], ['PSC', 'Partit dels Socialistes de Catalunya', 10], ['ERC', 'Esquerra Republicana', 5],
  ['PP', 'Partit Popular', 4], ['VOX', 'VOX', 2], ['Junts', 'Junts per Catalunya', 11], ['Junts', 'Junts per Barcelona', 11]];
const CUR_SEATS = { BComú: 9, PSC: 10, ERC: 5, PP: 4, VOX: 2, Junts: 11 };
/** Sessions from this date on fill `Junts per Barcelona`; earlier sessions fill `Junts per Catalunya`. */
const JUNTS_SWITCH = '2024-07-19';
const juntsLabel = (iso) => (iso < JUNTS_SWITCH ? 'Junts per Catalunya' : 'Junts per Barcelona');
// Issue 11: extraordinary sessions end in ` EXT` (no dot, e.g. `CP 14/25 EXT`) and ref_sessio may carry trailing spaces.
const SESSIONS = [['CP 09/23', '2023-07-11'], ['CP 12/23', '2023-09-29'], ['CP 14/23 EXT', '2023-10-20'], ['CP 16/23', '2023-12-22'],
  ['CP 02/24', '2024-02-23'], ['CP 05/24', '2024-04-26'], ['CP 07/24', '2024-07-19'], ['CP 10/24', '2024-10-25'], ['CP 13/24 EXT', '2024-12-20'],
  ['CP 03/25', '2025-03-28'], ['CP 06/25', '2025-06-27'], ['CP 10/25', '2025-10-31'], ['CP 13/25', '2025-12-19'], ['CP 14/25 EXT', '2025-12-23'],
  ['CP 02/26', '2026-02-27'], ['CP 03/26', '2026-03-27']];
/** ref_sessio written with trailing spaces (our choice of sessions; the excerpt shows `CP 14/25 EXT` followed by spaces). */
const REF_PADDING = { 'CP 14/23 EXT': '  ', 'CP 05/24': ' ', 'CP 13/24 EXT': ' ', 'CP 14/25 EXT': '   ' };
const isExt = (ref) => / EXT\.?$/.test(ref);
const [CUR_FIRST, CUR_LAST, NOMINAL_SESSION] = ['2023-07-11', '2026-03-27', 'CP 16/23'];
const FIRST_NAMES = ['Marta', 'Jordi', 'Núria', 'Pau', 'Laia', 'Sergi', 'Montse', 'Xavier', 'Elena', 'Oriol', 'Carme', 'Albert', 'Rosa', 'David', 'Anna',
  'Joan', 'Mireia', 'Pere', 'Sílvia', 'Àlex', 'Cristina', 'Raúl', 'Lucía', 'Javier', 'Irene', 'Marc', 'Gemma', 'Héctor', 'Teresa', 'Òscar', 'Judit', 'Eduard'];
const SURNAMES = ['Puig', 'Soler', 'Vidal', 'Ferrer', 'Serra', 'Roca', 'Casals', 'Font', 'Riera', 'Pujol', 'Mas', 'Bosch', 'Camps', 'Vila', 'Sala', 'Prat',
  'Costa', 'Roig', 'Martínez', 'García', 'López', 'Navarro', 'Ortega', 'Domènech', 'Sanz', 'Vallès', 'Oliver', 'Castells', 'Ribas', 'Fuster', 'Giralt', 'Esteve'];

// Previous term, as the real excerpt (issue 11) shows it: a `sense filtres` caption line, then a ';'-separated header
// without ref_proposta (so no cases), `sistema votació` (with a space and an accent: not a group column), one column per group.
const PREV_HEADER = ['ref_sessio', 'data_sessio', 'resum', 'Proposta', 'resultat', 'part_acta', 'sistema votació', 'tema', 'equip_govern',
  'ERC', 'BComú', 'PSC', 'JxCat', 'Cs', 'PP', 'BCN Canvi', 'Valents'];
const PREV_GROUPS = PREV_HEADER.slice(9);
const PREV_SEATS = { ERC: 10, BComú: 10, PSC: 8, JxCat: 5, Cs: 3, PP: 2, 'BCN Canvi': 3 };
const EQUIP = 'BComú,PSC'; // issue 11: no space after the comma
const VALENTS_SWITCH = '2022-05-27';
/** The file's own vocabulary (issue 11): results and vote cells with underscores, no accents. */
const PREV_RESULT = { [APR]: 'aprovat', [UNAN]: 'aprovat_unanimitat', [REB]: 'rebutjat' }; // `aprovat` (majority) is our assumption
const PREV_VOTE = { 'A favor': 'a_favor', 'En contra': 'en_contra', Abstenció: 'abstencio', '-': 'absencia', '': '' };
const PREV_VOTE_BACK = Object.fromEntries(Object.entries(PREV_VOTE).map(([k, v]) => [v, k]));
const PREV_SISTEMA = ['grup', 'nominal'];
const PREV_SESSIONS = [['CP 09/19', '2019-07-16'], ['CP 12/19', '2019-10-04'], ['CP 02/20', '2020-02-28'], ['CP 08/20', '2020-07-24'],
  ['CP 14/20 EXT.', '2020-12-22'], ['CP 04/21', '2021-03-26'], ['CP 09/21', '2021-07-23'], ['CP 15/21', '2021-12-22'],
  ['CP 02/22', '2022-02-25'], ['CP 06/22', '2022-05-27'], ['CP 13/22', '2022-11-25'], ['CP 06/23', '2023-05-11']];
const [PREV_FIRST, PREV_LAST] = ['2019-07-16', '2023-05-11'];

// ---- Titles (fictional agreements about real Barcelona places) -------------------------------------------
const DISTRICTS = [['al districte de Ciutat Vella', 'en el distrito de Ciutat Vella'], ["al districte de l'Eixample", 'en el distrito del Eixample'],
  ['al districte de Sants-Montjuïc', 'en el distrito de Sants-Montjuïc'], ['al districte de les Corts', 'en el distrito de Les Corts'],
  ['al districte de Sarrià-Sant Gervasi', 'en el distrito de Sarrià-Sant Gervasi'], ['al districte de Gràcia', 'en el distrito de Gràcia'],
  ["al districte d'Horta-Guinardó", 'en el distrito de Horta-Guinardó'], ['al districte de Nou Barris', 'en el distrito de Nou Barris'],
  ['al districte de Sant Andreu', 'en el distrito de Sant Andreu'], ['al districte de Sant Martí', 'en el distrito de Sant Martí']];
const STREETS = [['del carrer de Pere IV', 'de la calle de Pere IV'], ['de la Via Augusta', 'de la Via Augusta'], ['del passeig de la Zona Franca', 'del paseo de la Zona Franca'],
  ["de l'avinguda Meridiana", 'de la avenida Meridiana'], ['del carrer de Còrsega', 'de la calle de Còrsega'], ['de la Rambla del Raval', 'de la Rambla del Raval'],
  ['del carrer de Sant Adrià', 'de la calle de Sant Adrià'], ['de la Gran Via de les Corts Catalanes', 'de la Gran Via de les Corts Catalanes']];
/** Government proposals (part C): [theme, ca, es]; {d} district, {s} street, {y} budget year, {y0} last year, {h}/{k}/{m} numbers. */
const C_TPL = [
  ['hab', "Aprovar inicialment la modificació del Pla General Metropolità per a la qualificació d'habitatge protegit a l'àmbit {s}", 'Aprobar inicialmente la modificación del Plan General Metropolitano para la calificación de vivienda protegida en el ámbito {s}'],
  ['hab', 'Aprovar definitivament el Pla especial urbanístic per a la construcció de {h} habitatges de protecció oficial en règim de lloguer {d}', 'Aprobar definitivamente el Plan especial urbanístico para la construcción de {h} viviendas de protección oficial en régimen de alquiler {d}'],
  ['hab', "Aprovar el conveni amb l'Institut Català del Sòl per a la promoció d'habitatge assequible {d}", 'Aprobar el convenio con el Institut Català del Sòl para la promoción de vivienda asequible {d}'],
  ['hab', "Aprovar la constitució d'un dret de superfície a favor de cooperatives d'habitatge en cessió d'ús sobre {k} solars municipals", 'Aprobar la constitución de un derecho de superficie a favor de cooperativas de vivienda en cesión de uso sobre {k} solares municipales'],
  ['hab', "Aprovar l'exercici del dret de tanteig i retracte sobre un edifici residencial {s}", 'Aprobar el ejercicio del derecho de tanteo y retracto sobre un edificio residencial {s}'],
  ['hab', "Aprovar la modificació de la reserva del 30% d'habitatge protegit en les promocions de nova construcció i gran rehabilitació", 'Aprobar la modificación de la reserva del 30% de vivienda protegida en las promociones de nueva construcción y gran rehabilitación'],
  ['hab', "Aprovar les bases de les ajudes al lloguer per a joves i famílies vulnerables per a l'exercici {y}", 'Aprobar las bases de las ayudas al alquiler para jóvenes y familias vulnerables para el ejercicio {y}'],
  ['urb', "Aprovar definitivament el projecte d'urbanització de l'eix verd {s}", 'Aprobar definitivamente el proyecto de urbanización del eje verde {s}'],
  ['urb', "Aprovar inicialment la modificació del Pla General Metropolità a l'entorn de la plaça de les Glòries Catalanes", 'Aprobar inicialmente la modificación del Plan General Metropolitano en el entorno de la plaza de las Glòries Catalanes'],
  ['urb', "Aprovar definitivament el Pla especial urbanístic d'equipaments {d}", 'Aprobar definitivamente el Plan especial urbanístico de equipamientos {d}'],
  ['urb', "Aprovar inicialment la modificació de l'Ordenança de terrasses", 'Aprobar inicialmente la modificación de la Ordenanza de terrazas'],
  ['urb', 'Aprovar el projecte executiu de la superilla {d}', 'Aprobar el proyecto ejecutivo de la supermanzana {d}'],
  ['adm', 'Aprovar la modificació del Reglament orgànic municipal i de les normes reguladores del funcionament dels districtes', 'Aprobar la modificación del Reglamento orgánico municipal y de las normas reguladoras del funcionamiento de los distritos'],
  ['adm', 'Aprovar el reconeixement de crèdit per un import de {m}.000 euros a favor de diverses empreses proveïdores', 'Aprobar el reconocimiento de crédito por un importe de {m}.000 euros a favor de diversas empresas proveedoras'],
  ['adm', 'Nomenar els representants municipals als òrgans de govern de les societats i els consorcis participats', 'Nombrar a los representantes municipales en los órganos de gobierno de las sociedades y los consorcios participados'],
  ['eco', "Aprovar inicialment el Pressupost General de l'Ajuntament de Barcelona per a l'exercici {y}", 'Aprobar inicialmente el Presupuesto General del Ayuntamiento de Barcelona para el ejercicio {y}'],
  ['eco', "Aprovar definitivament les Ordenances fiscals per a l'exercici {y}", 'Aprobar definitivamente las Ordenanzas fiscales para el ejercicio {y}'],
  ['eco', "Aprovar la modificació de l'Ordenança fiscal núm. 3.12, reguladora de la taxa per l'ocupació de la via pública amb terrasses", 'Aprobar la modificación de la Ordenanza fiscal núm. 3.12, reguladora de la tasa por la ocupación de la vía pública con terrazas'],
  ['eco', "Aprovar el Compte General de l'Ajuntament de Barcelona de l'exercici {y0}", 'Aprobar la Cuenta General del Ayuntamiento de Barcelona del ejercicio {y0}'],
  ['mob', "Aprovar definitivament la modificació de l'Ordenança de circulació de vianants i de vehicles pel que fa a la zona de baixes emissions", 'Aprobar definitivamente la modificación de la Ordenanza de circulación de peatones y de vehículos en lo relativo a la zona de bajas emisiones'],
  ['mob', 'Aprovar el projecte de connexió del tramvia per la Diagonal entre Verdaguer i Francesc Macià', 'Aprobar el proyecto de conexión del tranvía por la Diagonal entre Verdaguer y Francesc Macià'],
  ['mob', "Aprovar l'ampliació de l'àrea verda d'aparcament {d}", 'Aprobar la ampliación del área verde de aparcamiento {d}'],
  ['soc', 'Aprovar el Pla municipal de lluita contra el sensellarisme', 'Aprobar el Plan municipal de lucha contra el sinhogarismo'],
  ['soc', "Aprovar el conveni amb el Consorci de Serveis Socials de Barcelona per a la gestió del servei d'atenció domiciliària", 'Aprobar el convenio con el Consorcio de Servicios Sociales de Barcelona para la gestión del servicio de atención domiciliaria'],
  ['med', "Aprovar definitivament l'Ordenança de neteja i de gestió dels residus municipals", 'Aprobar definitivamente la Ordenanza de limpieza y de gestión de los residuos municipales'],
  ['med', 'Aprovar la declaració de refugis climàtics de {k} equipaments municipals', 'Aprobar la declaración de refugios climáticos de {k} equipamientos municipales'],
  ['cul', "Aprovar el conveni amb el Consorci del Gran Teatre del Liceu per a l'exercici {y}", 'Aprobar el convenio con el Consorcio del Gran Teatre del Liceu para el ejercicio {y}'],
  ['cul', "Aprovar l'atorgament de la Medalla d'Or al Mèrit Cultural a diverses entitats", 'Aprobar el otorgamiento de la Medalla de Oro al Mérito Cultural a diversas entidades'],
];
const NOMINAL = ['eco', "Aprovar definitivament el Pressupost General de l'Ajuntament de Barcelona per a l'exercici 2024, vinculat a la qüestió de confiança", 'Aprobar definitivamente el Presupuesto General del Ayuntamiento de Barcelona para el ejercicio 2024, vinculado a la cuestión de confianza'];
const EXT_TPL = C_TPL.filter(([t, ca]) => t === 'eco' && !ca.includes('Compte'));
/** Motions (part D): [theme, action after "per" (ca), action after "para" (es)]. */
const D_TPL = [
  ['hab', "instar el Govern municipal a ampliar el parc públic d'habitatge de lloguer assequible", 'instar al Gobierno municipal a ampliar el parque público de vivienda de alquiler asequible'],
  ['hab', "reclamar la regulació dels lloguers de temporada i dels lloguers d'habitacions", 'reclamar la regulación de los alquileres de temporada y de los alquileres de habitaciones'],
  ['hab', "aturar els desnonaments de famílies vulnerables en habitatges de propietat municipal", 'detener los desahucios de familias vulnerables en viviendas de propiedad municipal'],
  ['hab', 'impulsar un pla de xoc contra els pisos turístics il·legals', 'impulsar un plan de choque contra los pisos turísticos ilegales'],
  ['hab', "revisar la reserva del 30% d'habitatge protegit en les promocions privades", 'revisar la reserva del 30% de vivienda protegida en las promociones privadas'],
  ['hab', 'garantir la rehabilitació dels habitatges del barri del Bon Pastor', 'garantizar la rehabilitación de las viviendas del barrio del Bon Pastor'],
  ['urb', "aturar les obres de la superilla de l'Eixample", 'detener las obras de la supermanzana del Eixample'],
  ['urb', "millorar el manteniment de l'espai públic als barris", 'mejorar el mantenimiento del espacio público en los barrios'],
  ['mob', "reforçar el servei d'autobús de barri a Nou Barris", 'reforzar el servicio de autobús de barrio en Nou Barris'],
  ['mob', 'ajornar les sancions de la zona de baixes emissions', 'aplazar las sanciones de la zona de bajas emisiones'],
  ['mob', 'ampliar la xarxa de carrils bici segregats', 'ampliar la red de carriles bici segregados'],
  ['adm', 'millorar la transparència dels contractes menors', 'mejorar la transparencia de los contratos menores'],
  ['adm', "crear una comissió d'investigació sobre la gestió de les empreses municipals", 'crear una comisión de investigación sobre la gestión de las empresas municipales'],
  ['eco', "rebaixar l'impost sobre béns immobles a les famílies nombroses", 'rebajar el impuesto sobre bienes inmuebles a las familias numerosas'],
  ['eco', 'donar suport al comerç de proximitat davant les grans plataformes', 'apoyar al comercio de proximidad frente a las grandes plataformas'],
  ['soc', "ampliar les places d'acollida per a persones sense llar", 'ampliar las plazas de acogida para personas sin hogar'],
  ['soc', "garantir el servei d'atenció domiciliària a totes les persones grans que el sol·licitin", 'garantizar el servicio de atención domiciliaria a todas las personas mayores que lo soliciten'],
  ['med', 'crear nous refugis climàtics a les escoles', 'crear nuevos refugios climáticos en las escuelas'],
  ['med', 'millorar la recollida selectiva porta a porta a Sant Andreu', 'mejorar la recogida selectiva puerta a puerta en Sant Andreu'],
  ['cul', 'protegir les sales de concerts davant les denúncies per soroll', 'proteger las salas de conciertos frente a las denuncias por ruido'],
  ['cul', 'garantir el finançament de les festes majors dels barris', 'garantizar la financiación de las fiestas mayores de los barrios'],
];
/** Institutional declarations (part E): [theme, ca, es] after "sobre". */
const E_TPL = [
  ['soc', "el Dia Internacional per a l'Eliminació de la Violència envers les Dones", 'el Día Internacional para la Eliminación de la Violencia contra las Mujeres'],
  ['hab', 'el dret a un habitatge digne i la funció social de la propietat', 'el derecho a una vivienda digna y la función social de la propiedad'],
  ['cul', 'el suport a la candidatura de la Festa Major de Gràcia com a patrimoni immaterial', 'el apoyo a la candidatura de la Fiesta Mayor de Gràcia como patrimonio inmaterial'],
  ['adm', "el reconeixement de la tasca dels Bombers de Barcelona i de la Guàrdia Urbana", 'el reconocimiento de la tarea de los Bomberos de Barcelona y de la Guardia Urbana'],
  ['med', 'la protecció de la serra de Collserola com a espai natural', 'la protección de la sierra de Collserola como espacio natural'],
];
const CUR_PROPOSERS = { BComú: ['de Barcelona en Comú', 'de Barcelona en Comú'], ERC: ["d'Esquerra Republicana", 'de Esquerra Republicana'],
  PP: ['del Partit Popular', 'del Partido Popular'], VOX: ['de VOX', 'de VOX'] };
const PREV_PROPOSERS = { ERC: "d'Esquerra Republicana", JxCat: 'de Junts per Catalunya', Cs: 'de Ciutadans', PP: 'del Partit Popular', 'BCN Canvi': 'de Barcelona pel Canvi', Valents: 'de Valents' };
const SUBS = ["elaborar un calendari d'execució en el termini de tres mesos", 'informar-ne periòdicament la comissió corresponent', 'dotar la mesura del pressupost necessari',
  'escoltar les entitats veïnals afectades', 'publicar-ne el seguiment al portal de transparència'];
const CLOSERS = ['Publicar aquest acord al Butlletí Oficial de la Província de Barcelona i a la Gaseta Municipal.', "Exposar l'expedient a informació pública durant un termini de trenta dies hàbils.",
  "Facultar l'Alcaldia per signar tots els documents necessaris per a l'execució d'aquest acord.", 'Notificar aquest acord a les persones interessades.'];
const SEGON = ['Informar-ne la comissió corresponent en el termini de sis mesos.', 'Traslladar aquest acord a les entitats veïnals dels barris afectats.', 'Dotar la mesura del pressupost necessari.'];
const PREV_QUOTED = [['urb', 'Aprovar la mesura de govern "Superilla Barcelona", per a la transformació dels carrers de l\'Eixample'],
  ['mob', 'Aprovar el programa "Protegim les escoles", de pacificació dels entorns escolars'],
  ['eco', 'Aprovar el pla "Barcelona Demà" de reactivació econòmica, social i cultural']];

// ---- Votes -----------------------------------------------------------------------------------------------
const W_YES = [['A favor', 5], ['Abstenció', 3], ['En contra', 2]];
const W_NO = [['A favor', 2], ['Abstenció', 2], ['En contra', 6]];
const tally = (v, seats) => Object.keys(seats).reduce(([f, a], k) => [f + (FAVOR.has(v[k]) ? seats[k] : 0), a + (v[k] === 'En contra' ? seats[k] : 0)], [0, 0]);
/** Unanimity: everybody in favour; rejected: more seats against; approved: more seats in favour, not all. */
function coherent(v, seats, res) {
  const vals = Object.values(v);
  if (res === UNAN) return vals.every((x) => FAVOR.has(x));
  const [f, a] = tally(v, seats);
  return REJECTED.has(res) ? a > f : f > a && !vals.every((x) => FAVOR.has(x));
}
function castVotes(seats, res, fixed) {
  for (let t = 0; t < 5000; t++) {
    const v = {};
    for (const k in seats) v[k] = k in fixed ? fixed[k] : res === UNAN ? 'A favor' : pickW(REJECTED.has(res) ? W_NO : W_YES);
    if (coherent(v, seats, res)) return v;
  }
  throw new Error(`no coherent vote for ${res} with ${JSON.stringify(fixed)}`);
}

// ---- Current-term file -----------------------------------------------------------------------------------
function councillors() {
  const seen = new Set(), out = [];
  for (const [key, , seats] of CUR_GROUPS.slice(0, 6)) {
    for (let i = 0; i < seats; i++) {
      let n;
      do n = `${pick(FIRST_NAMES)} ${pick(SURNAMES)} ${pick(SURNAMES)}`; while (seen.has(n) || /(\S+) \1$/.test(n));
      seen.add(n) && out.push({ key, col: `${n} (${key})` });
    }
  }
  return out;
}
const COUNCILLORS = councillors();
const CUR_HEADER = [...CUR_BASE, ...CUR_GROUPS.map((g) => g[1]), ...COUNCILLORS.map((c) => c.col)];
const CUR_FIELDS = CUR_HEADER.length + 1; // the trailing ';' opens an empty last field
const RIGHT = CUR_HEADER.length - 6 + 1; // resultat .. last vote column + the empty field

function makeCurrent() {
  const nextC = cycler(C_TPL), nextD = cycler(D_TPL), nextE = cycler(E_TPL);
  const rows = [];
  let prevDate = '2023-06-17'; // constitutive session of the term
  for (const [ref, date] of SESSIONS) {
    const ext = isExt(ref);
    const kinds = ext ? Array(ri(3, 4)).fill('C') : ['A', ...Array(ri(3, 5)).fill('C'), ...(ref === NOMINAL_SESSION ? ['N'] : []), ...Array(ri(3, 5)).fill('D')];
    if (!ext && chance(0.5)) kinds.push('E');
    const yr = +date.slice(0, 4);
    for (const kind of kinds) {
      const d = pick(DISTRICTS), s = pick(STREETS);
      const nums = { y: +date.slice(5, 7) >= 9 ? yr + 1 : yr, y0: yr - 1, h: ri(48, 320), k: ri(3, 12), m: ri(120, 980) };
      const r = { ref, date, kind, fixed: {}, nominal: kind === 'N' };
      if (kind === 'A') {
        Object.assign(r, { theme: 'adm', ca: `Aprovar l'acta de la sessió ${prevDate === '2023-06-17' ? 'constitutiva ' : ''}de ${wordsCa(prevDate)}`, es: `Aprobar el acta de la sesión ${prevDate === '2023-06-17' ? 'constitutiva ' : ''}de ${wordsEs(prevDate)}` });
      } else if (kind === 'C' || kind === 'N') {
        const [theme, ca, es] = kind === 'N' ? NOMINAL : ext ? pick(EXT_TPL) : nextC();
        Object.assign(r, { theme, ca: fill(ca, { ...nums, d: d[0], s: s[0] }), es: fill(es, { ...nums, d: d[1], s: s[1] }) });
      } else if (kind === 'D') {
        const [theme, ca, es] = nextD();
        r.proposer = pickW([['Junts', 4], ['BComú', 3], ['ERC', 2], ['PP', 2], ['VOX', 1]]);
        const name = r.proposer === 'Junts' ? [`de ${juntsLabel(date)}`, `de ${juntsLabel(date)}`] : CUR_PROPOSERS[r.proposer];
        Object.assign(r, { theme, act: ca, ca: `Proposició del Grup Municipal ${name[0]} per ${ca}`, es: `Proposición del Grupo Municipal ${name[1]} para ${es}` });
      } else {
        const [theme, ca, es] = nextE();
        Object.assign(r, { theme, topic: ca, ca: `Proposició amb contingut de declaració institucional sobre ${ca}`, es: `Proposición con contenido de declaración institucional sobre ${es}` });
      }
      r.resultat = kind === 'A' || kind === 'E' ? UNAN : kind === 'N' ? NOAPR : kind === 'C' ? pickW([[APR, 6], [UNAN, 4]]) : pickW([[APR, 66], [REB, 20], [UNAN, 14]]);
      rows.push(r);
    }
    prevDate = date; // the next session approves the minutes of this one, extraordinary or not
  }
  // Special rows, each on a distinct row.
  const used = new Set(rows.filter((r) => r.nominal));
  const take = (n, f) => { const got = shuffle(rows.filter((r) => !used.has(r) && f(r))).slice(0, n); got.forEach((r) => used.add(r)); return got; };
  take(4, (r) => r.kind === 'D' && r.resultat === APR).forEach((r) => (r.resultat = TRANS));
  take(1, (r) => r.kind === 'D' && r.resultat === REB).forEach((r) => (r.resultat = NOAPR));
  take(1, (r) => r.kind === 'C' && r.resultat === APR).forEach((r) => (r.resultat = MODIF));
  take(3, (r) => r.kind === 'C' && r.resultat === APR).forEach((r) => (r.noVotes = true));
  take(1, (r) => r.kind === 'D').forEach((r) => (r.threeRefs = true));
  take(4, (r) => r.kind === 'C' || r.kind === 'D').forEach((r) => (r.swapped = true));
  take(8, (r) => r.kind !== 'A').forEach((r) => (r.noSistema = true)); // issue 11: sistema_votacio may be empty
  for (const mark of ['-', '']) take(6, (r) => r.resultat !== UNAN).forEach((r) => (r.fixed[pick(['BComú', 'ERC', 'PP', 'VOX'].filter((g) => g !== r.proposer))] = mark));
  const sp = shuffle(rows.filter((r) => r.kind !== 'A' && !r.nominal));
  sp.slice(0, Math.round(rows.length * 0.3)).forEach((r) => (r.semi = true)); // ~242 of 814 rows
  [sp[0], ...shuffle(sp.slice(Math.round(rows.length * 0.3))).slice(0, 3)].forEach((r) => (r.multi = true)); // one multi-line row also has ';'
  shuffle(rows.filter((r) => !r.semi)).slice(0, 5).forEach((r) => (r.textColon = true));
  const titles = shuffle(rows.filter((r) => !r.swapped && /[áíò]/.test(r.ca + r.es))); // so that &aacute: &iacute: &ograve: occur
  titles.slice(0, 6).forEach((r) => (r.titleColon = true));
  titles.slice(6, 10).forEach((r) => (r.titleU00a0 = true));
  titles.slice(10, 13).forEach((r) => (r.titleNbsp = true));
  let motion = 101, xf = 12;
  for (const r of rows) {
    const yy = r.date.slice(2, 4);
    if (r.kind === 'A' || r.kind === 'E') r.propRef = 's/n';
    else if (r.kind === 'D') { r.propRef = r.threeRefs ? [0, 1, 2].map((i) => `M2327/${motion + i}`).join('; ') : `M2327/${motion}`; motion += r.threeRefs ? 3 : ri(1, 4); }
    else r.propRef = pickW([[`${yy}XF${pad((xf += ri(3, 40)), 4)}`, 2], [`${r.date.slice(0, 7)}-DPEF`, 1], [`${yy}SD${pad(ri(1, 999), 4)}`, 1]]);
    r.text = curText(r);
    if (r.titleColon) { r.ca = entitize(r.ca, ':'); r.es = entitize(r.es, ':'); }
    if (r.titleU00a0) { r.ca = hardSpace(r.ca, '\u00a0'); r.es = hardSpace(r.es, '\u00a0'); }
    if (r.titleNbsp) { r.ca = hardSpace(r.ca, '&nbsp:'); r.es = hardSpace(r.es, '&nbsp:'); }
    if (r.nominal) r.fixed = { PSC: 'A favor', ERC: 'Abstenció', BComú: 'En contra', PP: 'En contra', VOX: 'En contra', Junts: 'En contra' };
    else if (!REJECTED.has(r.resultat) && r.kind === 'C') r.fixed.PSC ??= 'A favor';
    if (r.proposer) r.fixed[r.proposer] = 'A favor';
    r.votes = r.noVotes ? Object.fromEntries(Object.keys(CUR_SEATS).map((k) => [k, ''])) : castVotes(CUR_SEATS, r.resultat, r.fixed);
  }
  return rows;
}

function curText(r) {
  const letters = (list) => list.map((s, i) => `${'abcd'[i]}) ${s}`).join('; ');
  let P;
  if (r.kind === 'A') P = [`${r.ca}.`];
  else if (r.kind === 'D') {
    const act = r.act.startsWith('instar ') ? cap(r.act) : `Instar el Govern municipal a ${r.act}`;
    P = ['El Plenari del Consell Municipal acorda:', ...(r.semi ? [`${act}, i en concret: ${letters(shuffle(SUBS).slice(0, ri(2, 4)))}.`, pick(SEGON)] : [`Primer. ${act}.`, `Segon. ${pick(SEGON)}`])];
  } else if (r.kind === 'E') {
    P = [`El Consell Municipal de Barcelona fa pública aquesta declaració institucional sobre ${r.topic}.`];
    P.push(r.semi ? `Traslladar-la al Govern de la Generalitat; i comunicar-la a les entitats ciutadanes.` : 'Traslladar aquesta declaració a les entitats ciutadanes.');
  } else if (r.nominal) {
    P = [`${r.ca}.`, "Sotmetre a votació nominal la qüestió de confiança plantejada per l'Alcaldia, d'acord amb l'article 197 bis de la Llei orgànica del règim electoral general."];
  } else {
    const [c1, c2] = shuffle(CLOSERS);
    if (!r.semi) P = [`${r.ca}.`, c1];
    else if (chance(0.5)) P = [`${r.ca}; i ${lcFirst(c1)}`, c2];
    else P = [`${r.ca}, amb les condicions següents: ${letters(shuffle(SUBS).slice(0, ri(2, 3)))}.`, c1];
  }
  let t = P.map((p) => `<p>${p}</p>`).join(r.multi ? '\n' : '');
  if (r.semi && chance(0.5)) t = entitize(t, ';');
  if (r.textColon) t = entitize(t, ':');
  if (r.semi && chance(0.25)) t = t.includes('a) ') ? t.replace('a) ', 'a)&nbsp;') : t.replace(', ', ',&nbsp;');
  return t;
}

function renderCurrent(rows) {
  const line = (cells) => cells.map((c) => `${c};`).join('');
  const out = [line(CUR_HEADER)];
  for (const r of rows) {
    const [tc, te] = THEMES[r.theme];
    const [ca, es] = r.swapped ? [r.es, r.ca] : [r.ca, r.es];
    const groups = CUR_GROUPS.map(([k, label]) => (k === 'Junts' && label !== juntsLabel(r.date) ? '' : r.votes[k]));
    const people = COUNCILLORS.map((c) => (r.nominal ? r.votes[c.key] : ''));
    const sistema = SISTEMA[r.nominal ? 1 : r.noSistema ? 2 : 0];
    // Issue 11: every record line starts with a TAB before ref_sessio (continuation lines of text do not).
    out.push(`\t${line([r.ref + (REF_PADDING[r.ref] ?? ''), r.propRef, dmy(r.date), ca, es, r.text, r.resultat, sistema, PARTS[r.kind === 'N' ? 'C' : r.kind], tc, te, ORGAN, ...groups, ...people])}`);
  }
  return `${out.join('\n')}\n`;
}

// ---- Previous-term file ----------------------------------------------------------------------------------
function makePrevious() {
  const nextC = cycler(C_TPL), nextD = cycler(D_TPL);
  const rows = [];
  let prevDate = '2019-06-15';
  for (const [ref, date] of PREV_SESSIONS) {
    const ext = isExt(ref);
    const kinds = ext ? Array(ri(2, 3)).fill('C') : ['A', ...Array(ri(2, 3)).fill('C'), ...Array(ri(2, 3)).fill('D')];
    const yr = +date.slice(0, 4);
    for (const kind of kinds) {
      const r = { ref, date, kind, fixed: {} };
      const nums = { y: +date.slice(5, 7) >= 9 ? yr + 1 : yr, y0: yr - 1, h: ri(48, 320), k: ri(3, 12), m: ri(120, 980), d: pick(DISTRICTS)[0], s: pick(STREETS)[0] };
      if (kind === 'A') Object.assign(r, { theme: 'adm', resum: `Aprovar l'acta de la sessió ${prevDate === '2019-06-15' ? 'constitutiva ' : ''}de ${wordsCa(prevDate)}`, proposta: 'Govern municipal', resultat: UNAN });
      else if (kind === 'C') {
        const [theme, ca] = ext ? pick(EXT_TPL) : nextC();
        Object.assign(r, { theme, resum: fill(ca, nums), proposta: 'Govern municipal', resultat: pickW([[APR, 6], [UNAN, 4]]) });
      } else {
        const [theme, ca] = nextD();
        r.proposer = pickW([['ERC', 3], ['JxCat', 3], ['Cs', 2], ['PP', 2], ['BCN Canvi', 2]]);
        const label = r.proposer === 'BCN Canvi' && date >= VALENTS_SWITCH ? 'Valents' : r.proposer;
        Object.assign(r, { theme, resum: `Proposició del Grup Municipal ${PREV_PROPOSERS[label]} per ${ca}`, proposta: `Grup Municipal ${label}`, resultat: pickW([[APR, 60], [REB, 25], [UNAN, 15]]) });
      }
      rows.push(r);
    }
    prevDate = date;
  }
  const used = new Set();
  const take = (n, f) => { const got = shuffle(rows.filter((r) => !used.has(r) && f(r))).slice(0, n); got.forEach((r) => used.add(r)); return got; };
  take(3, (r) => r.kind === 'C' && !isExt(r.ref)).forEach((r, i) => { [r.theme, r.resum] = PREV_QUOTED[i]; });
  // Issue 11: resum may end with a newline inside its quotes.
  take(5, (r) => r.kind !== 'A').forEach((r) => (r.resum += '\n'));
  // Issue 11: a nominal vote leaves every group cell empty.
  take(2, (r) => r.kind === 'C' && r.resultat !== UNAN && r.date !== VALENTS_SWITCH).forEach((r) => (r.nominal = true));
  // Issue 11: part_acta may name two parts, comma-separated (which parts is our choice).
  take(3, (r) => r.kind === 'D').forEach((r) => (r.twoParts = true));
  for (const mark of ['-', '']) take(4, (r) => r.resultat !== UNAN && !r.nominal).forEach((r) => (r.fixed[pick(['ERC', 'Cs', 'PP'].filter((g) => g !== r.proposer))] = mark));
  const switchRows = rows.filter((r) => r.date === VALENTS_SWITCH).slice(0, 3);
  for (const r of rows) {
    if (r.kind !== 'D' && !REJECTED.has(r.resultat)) Object.assign(r.fixed, { BComú: 'A favor', PSC: 'A favor' });
    if (r.proposer) r.fixed[r.proposer] = 'A favor';
    r.votes = r.nominal ? Object.fromEntries(Object.keys(PREV_SEATS).map((k) => [k, ''])) : castVotes(PREV_SEATS, r.resultat, r.fixed);
    r.both = switchRows.includes(r) && !r.nominal;
  }
  return rows;
}
/** RFC 4180 with ';': a field is quoted when it holds ';', '"' or a newline, and resum always (as the excerpt shows). */
const q = (s, always = false) => (always || /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const RESUM = PREV_HEADER.indexOf('resum');
const csvLine = (cells) => cells.map((c, i) => q(c, i === RESUM)).join(';');
function renderPrevious(rows) {
  const out = ['sense filtres', PREV_HEADER.join(';')];
  for (const r of rows) {
    const g = PREV_GROUPS.slice(0, 6).map((k) => PREV_VOTE[r.votes[k]]);
    const canvi = PREV_VOTE[r.votes['BCN Canvi']];
    const old = r.date < VALENTS_SWITCH || r.both ? canvi : '', neu = r.date >= VALENTS_SWITCH ? canvi : '';
    const part = r.twoParts ? `${PARTS.C},${PARTS.D}` : PARTS[r.kind];
    out.push(csvLine([r.ref, dmy(r.date, true), r.resum, r.proposta, PREV_RESULT[r.resultat], part, PREV_SISTEMA[r.nominal ? 1 : 0], THEMES[r.theme][0], EQUIP, ...g, old, neu]));
  }
  return `${out.join('\r\n')}\r\n`;
}

function writeAll() {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, CUR_FILE), renderCurrent(makeCurrent()));
  writeFileSync(join(OUT, PREV_FILE), renderPrevious(makePrevious()));
  writeFileSync(join(OUT, 'README.md'), README(analyze([])));
}

// ---- Parsing and analysis of the files on disk (used by the check and the README) ------------------------
const DATE_RE = /^\d\d\/\d\d\/\d{4}$/;
const CA_W = new Set(['per', 'i', 'els', 'amb', 'dels', 'grup', 'als', 'districte', 'exercici', 'sessió', 'projecte', 'diverses', 'pla']);
const ES_W = new Set(['para', 'y', 'los', 'las', 'con', 'grupo', 'distrito', 'ejercicio', 'sesión', 'proyecto', 'diversas', 'plan']);
/** 'ca' or 'es': the leading verb/noun weighs 3, then distinctive words, endings and letters (entities decoded). */
function lang(s) {
  const words = decode(s).toLowerCase().split(/[^a-zà-ÿ·']+/).filter(Boolean);
  let c = /^(aprovar|nomenar|proposició)$/.test(words[0]) ? 3 : 0, e = /^(aprobar|nombrar|proposición)$/.test(words[0]) ? 3 : 0;
  for (const w of words) {
    if (CA_W.has(w) || /(ció|cions|sió|[^e]ment)$|^[ld]'|[àèòç·]/.test(w)) c++;
    if (ES_W.has(w) || /(ción|ciones|sión|mente)$|[áñ]/.test(w)) e++;
  }
  return c > e ? 'ca' : e > c ? 'es' : '?';
}

function parseCurrent(text, errors) {
  const ok = (c, m) => { if (!c) errors.push(m); };
  const lines = text.split('\n');
  if (lines.pop() !== '') errors.push(`${CUR_FILE}: does not end with \\n`);
  const recs = [];
  lines.slice(1).forEach((l, i) => {
    const n = i + 2;
    if (l.startsWith('\tCP ')) recs.push({ line: n, end: n, raw: l });
    else if (!recs.length) errors.push(`${CUR_FILE}:${n}: continuation line before any record`);
    else { recs[recs.length - 1].raw += `\n${l}`; recs[recs.length - 1].end = n; }
  });
  for (const r of recs) {
    r.raw.split('\n').forEach((l, i, a) => ok(i < a.length - 1 ? l.endsWith('</p>') && !l.endsWith(';') : l.endsWith(';'), `${CUR_FILE}:${r.line + i}: a continued line ends inside text, a record ends with ';'`));
    const f = r.raw.split(';'); r.nFields = f.length;
    if (f.length < CUR_FIELDS) { errors.push(`${CUR_FILE}:${r.line}: ${f.length} fields < ${CUR_FIELDS}`); continue; }
    const left = f.slice(0, f.length - RIGHT), right = f.slice(f.length - RIGHT);
    const di = left.findIndex((x, i) => i > 0 && DATE_RE.test(x));
    if (di < 2) { errors.push(`${CUR_FILE}:${r.line}: no data_sessio after ref_proposta`); continue; }
    Object.assign(r, { refRaw: left[0], ref: left[0].trim(), propRef: left.slice(1, di).join(';'), nRefs: di - 1, date: left[di], ca: left[di + 1], es: left[di + 2], text: left.slice(di + 3).join(';') });
    [r.resultat, r.sistema, r.part, r.temaCat, r.temaCast, r.organ] = right.slice(0, 6);
    r.groups = Object.fromEntries(CUR_GROUPS.map(([, label], i) => [label, right[6 + i]]));
    r.people = right.slice(6 + CUR_GROUPS.length, -1); r.last = right[right.length - 1]; r.iso = isoOf(r.date);
  }
  return { header: lines[0], recs };
}

/** RFC 4180 with ';' and CRLF records (a bare \\n only inside quotes): fields, first and last physical line. */
function parseRfc(s) {
  const out = []; let i = 0, line = 1;
  while (i < s.length) {
    const rec = { line, fields: [] };
    for (;;) {
      let v = '';
      if (s[i] === '"') {
        i++;
        for (;;) {
          if (i >= s.length) throw new Error(`unterminated quoted field (record at line ${rec.line})`);
          if (s[i] === '"') { if (s[i + 1] === '"') { v += '"'; i += 2; continue; } i++; break; }
          if (s[i] === '\n') line++;
          v += s[i++];
        }
      } else {
        while (i < s.length && !';\r\n'.includes(s[i])) { if (s[i] === '"') throw new Error(`line ${line}: quote inside an unquoted field`); v += s[i++]; }
      }
      rec.fields.push(v);
      if (s[i] === ';') { i++; continue; }
      if (s.startsWith('\r\n', i)) { i += 2; line++; break; }
      throw new Error(`line ${line}: expected ";" or CRLF after a field`);
    }
    rec.end = line - 1; out.push(rec);
  }
  return out;
}

/** Reads both files, records every violation in `errors` and returns the facts the README and the summary print. */
function analyze(errors) {
  const ok = (c, m) => { if (!c) errors.push(m); };
  const A = { cur: {}, prev: {} };
  // ---------------- current term ----------------
  const buf = readFileSync(join(OUT, CUR_FILE));
  ok(!(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf), `${CUR_FILE}: no BOM`);
  const raw = buf.toString('utf8');
  ok(!raw.includes('\r') && !raw.includes('\ufffd'), `${CUR_FILE}: \\n line endings, valid UTF-8`);
  const { header, recs } = parseCurrent(raw, errors);
  ok(header === CUR_HEADER.map((h) => `${h};`).join(''), `${CUR_FILE}: header`);
  ok(header.startsWith('ref_sessio;ref_proposta;data_sessio;resum_cat;resum_cast;text;resultat;sistema_votacio;part_acta;tema_cat;tema_cast;organ_resolucio;Barcelona en Comú;Partit dels Socialistes de Catalunya;Esquerra Republicana;Partit Popular;VOX;Junts per Catalunya;Junts per Barcelona;'), `${CUR_FILE}: header prefix and group columns`);
  ok(COUNCILLORS.length === 41 && COUNCILLORS.every((c) => /^\S+ \S+ \S+ \((BComú|PSC|ERC|PP|VOX|Junts)\)$/.test(c.col)), '41 councillor columns "Nom Cognoms (Grup)"');
  const C = A.cur; const rows = recs.filter((r) => r.ref !== undefined);
  ok(rows.length === recs.length, `${CUR_FILE}: every record parses`);
  const L = (f) => rows.filter(f).map((r) => r.line);
  Object.assign(C, { rows: rows.length, lines: raw.split('\n').length - 1 });
  C.sessions = [...new Set(rows.map((r) => `${r.ref} ${r.date}`))];
  ok(new Set(rows.map((r) => r.ref)).size === C.sessions.length, 'one date per ref_sessio');
  C.ext = [...new Set(rows.filter((r) => isExt(r.ref)).map((r) => r.ref))];
  C.padded = [...new Set(rows.filter((r) => r.refRaw !== `\t${r.ref}`).map((r) => JSON.stringify(r.refRaw.slice(1))))];
  C.noSistema = L((r) => r.sistema === '');
  C.extra = L((r) => r.nFields > CUR_FIELDS); C.semi = L((r) => r.text.includes(';'));
  C.threeRefs = rows.filter((r) => r.nRefs > 1).map((r) => [r.line, r.propRef]);
  C.multi = rows.filter((r) => r.end > r.line).map((r) => `${r.line}-${r.end}`);
  const colonRe = /&[a-zA-Z]+:/;
  C.colonTitle = L((r) => colonRe.test(r.ca) || colonRe.test(r.es)); C.colonText = L((r) => colonRe.test(r.text));
  C.colonNames = [...new Set(rows.flatMap((r) => [r.ca, r.es, r.text].join(' ').match(/&[a-zA-Z]+:/g) ?? []))].sort();
  C.entText = L((r) => /&[a-zA-Z]+;/.test(r.text)); C.nbspText = L((r) => r.text.includes('&nbsp;'));
  C.nbspTitle = L((r) => (r.ca + r.es).includes('&nbsp:')); C.u00a0 = L((r) => /\u00a0/.test(r.ca + r.es));
  C.swapped = L((r) => lang(r.ca) === 'es' && lang(r.es) === 'ca'); C.nominal = L((r) => r.sistema === 'nominal');
  C.results = Object.fromEntries(RESULTS.map((x) => [x, rows.filter((r) => r.resultat === x).length]));
  C.rare = Object.fromEntries([TRANS, NOAPR, MODIF].map((x) => [x, L((r) => r.resultat === x)]));
  C.parts = Object.fromEntries(Object.values(PARTS).map((p) => [p, rows.filter((r) => r.part === p).length]));
  C.themes = Object.fromEntries(Object.values(THEMES).map(([t]) => [t, rows.filter((r) => r.temaCat === t).length]));
  C.juntsFirst = rows.find((r) => r.iso >= JUNTS_SWITCH)?.line; C.dash = [], C.empty = [];
  C.noVotes = L((r) => CUR_GROUPS.every(([, g]) => r.groups[g] === ''));
  for (const r of rows) {
    ok(/^CP \d\d\/\d\d( EXT)?$/.test(r.ref) && /^\t\S.*?\S *$/.test(r.refRaw), `${CUR_FILE}:${r.line}: ref_sessio ${JSON.stringify(r.refRaw)} (TAB, ref, optional trailing spaces)`);
    ok(r.propRef.split(';').every((p, i) => /^(M2327\/\d+|\d\d[A-Z]{2}\d{4}|\d{4}-\d\d-DPEF|s\/n)$/.test(i ? p.replace(/^ /, '') : p)), `${CUR_FILE}:${r.line}: ref_proposta ${r.propRef}`);
    ok(r.iso >= CUR_FIRST && r.iso <= CUR_LAST, `${CUR_FILE}:${r.line}: date ${r.date} in term`);
    ok(r.ca && r.es && !/[;\n"]/.test(r.ca + r.es), `${CUR_FILE}:${r.line}: resum_cat/resum_cast non-empty, no ';', newline or quote`);
    ok(/^<p>[\s\S]*<\/p>$/.test(r.text) && !r.text.includes('\nCP '), `${CUR_FILE}:${r.line}: text is <p>..</p> HTML`);
    ok(!r.raw.split(';').some((x) => x.startsWith('"')), `${CUR_FILE}:${r.line}: no quoted field`);
    ok(RESULTS.includes(r.resultat) && SISTEMA.includes(r.sistema) && Object.values(PARTS).includes(r.part), `${CUR_FILE}:${r.line}: resultat/sistema/part_acta (${r.resultat}/${r.sistema}/${r.part})`);
    ok(THEME_BY_CA[r.temaCat] === r.temaCast && r.organ === ORGAN && r.last === '', `${CUR_FILE}:${r.line}: tema pair, organ_resolucio, empty last field`);
    ok((r.sistema === 'nominal') === r.people.some((x) => x !== ''), `${CUR_FILE}:${r.line}: councillor columns filled only on the nominal row`);
    ok([...Object.values(r.groups), ...r.people].every((x) => VOTES.includes(x)), `${CUR_FILE}:${r.line}: vote values`);
    const active = juntsLabel(r.iso), inactive = active === 'Junts per Catalunya' ? 'Junts per Barcelona' : 'Junts per Catalunya';
    ok(r.groups[inactive] === '', `${CUR_FILE}:${r.line}: ${inactive} empty on ${r.date}`);
    const v = Object.fromEntries(CUR_GROUPS.filter(([, g]) => g !== inactive).map(([k, g]) => [k, r.groups[g]]));
    if (Object.values(v).some((x) => x !== '')) {
      ok(v.Junts !== '', `${CUR_FILE}:${r.line}: ${active} filled`);
      ok(coherent(v, CUR_SEATS, r.resultat), `${CUR_FILE}:${r.line}: votes coherent with ${r.resultat}`);
      for (const [k, g] of CUR_GROUPS) if (g !== inactive) { if (r.groups[g] === '-') C.dash.push(`${r.line} ${k}`); if (r.groups[g] === '') C.empty.push(`${r.line} ${k}`); }
    } else ok(r.resultat === APR, `${CUR_FILE}:${r.line}: rows without votes are Aprovada`);
    if (r.sistema === 'nominal') {
      ok(r.people.length === 41 && r.people.every((x) => ['A favor', 'En contra', 'Abstenció'].includes(x)), `${CUR_FILE}:${r.line}: nominal votes`);
      COUNCILLORS.forEach((c, i) => ok(r.people[i] === v[c.key], `${CUR_FILE}:${r.line}: ${c.col} votes with the group`));
      ok(new Set(r.people).size === 3, 'nominal row uses A favor, En contra and Abstenció');
    }
    const lc = lang(r.ca), le = lang(r.es);
    ok((lc === 'ca' && le === 'es') || (lc === 'es' && le === 'ca'), `${CUR_FILE}:${r.line}: resum languages detectable (${lc}/${le})`);
  }
  ok(rows.every((r, i) => i === 0 || r.iso >= rows[i - 1].iso), `${CUR_FILE}: rows in date order`);
  ok(rows.length >= 120 && C.sessions.length >= 8 && C.ext.length >= 1, `${CUR_FILE}: >= 120 rows, >= 8 sessions, an EXT session (${rows.length}/${C.sessions.length}/${C.ext.length})`);
  ok(C.padded.length >= 2 && C.noSistema.length >= 3, `${CUR_FILE}: ref_sessio with trailing spaces (${C.padded.length}), empty sistema_votacio (${C.noSistema.length})`);
  ok(C.threeRefs.length === 1 && C.threeRefs[0][1].includes('; '), `${CUR_FILE}: the three references are separated by "; "`);
  ok(rows[0].iso === CUR_FIRST && rows[rows.length - 1].iso === CUR_LAST, `${CUR_FILE}: first/last session ${CUR_FIRST} .. ${CUR_LAST}`);
  ok(C.threeRefs.length === 1 && C.threeRefs[0][1].split(';').length === 3, `${CUR_FILE}: exactly one row with three ref_proposta (${C.threeRefs.length})`);
  ok(C.semi.length / rows.length >= 0.25 && C.semi.length / rows.length <= 0.35, `${CUR_FILE}: ~30% rows with ';' in text (${C.semi.length})`);
  ok(C.extra.length === new Set([...C.semi, C.threeRefs[0]?.[0]]).size, `${CUR_FILE}: rows with extra fields = text with ';' + the three-ref row`);
  ok(C.multi.length >= 3, `${CUR_FILE}: >= 3 multi-line records (${C.multi.length})`);
  ok(C.colonTitle.length + C.colonText.length >= 5 && C.colonTitle.length >= 2 && C.colonText.length >= 2 && C.colonNames.length >= 4, `${CUR_FILE}: >= 5 rows with &xxx: (titles ${C.colonTitle.length}, text ${C.colonText.length}, names ${C.colonNames.length})`);
  ok(C.entText.length >= 5 && C.nbspText.length >= 2 && C.nbspTitle.length >= 2 && C.u00a0.length >= 3, `${CUR_FILE}: entities/&nbsp;/U+00A0 (${C.entText.length}/${C.nbspText.length}/${C.nbspTitle.length}/${C.u00a0.length})`);
  ok(C.swapped.length === 4, `${CUR_FILE}: exactly 4 swapped resum rows (${C.swapped.length})`);
  ok(C.nominal.length === 1, `${CUR_FILE}: exactly one nominal row (${C.nominal.length})`);
  const n = C.results;
  ok(RESULTS.every((x) => n[x] >= 1) && n[APR] > n[UNAN] && n[UNAN] > n[REB] && n[REB] > n[TRANS] && n[TRANS] >= n[NOAPR] && n[NOAPR] >= n[MODIF], `${CUR_FILE}: resultat proportions ${JSON.stringify(n)}`);
  ok(Object.values(C.parts).every((x) => x >= 1), `${CUR_FILE}: all part_acta values used`);
  ok(Object.values(C.themes).filter((x) => x > 0).length >= 6 && C.themes.Habitatge >= 15, `${CUR_FILE}: >= 6 themes, >= 15 Habitatge (${C.themes.Habitatge})`);
  ok(C.dash.length >= 5 && C.empty.length >= 5, `${CUR_FILE}: >= 5 '-' and >= 5 empty vote cells (${C.dash.length}/${C.empty.length})`);
  ok(C.noVotes.length >= 1 && C.noVotes.length / rows.length <= 0.04, `${CUR_FILE}: ~98% rows with group votes (${C.noVotes.length} without)`);
  ok(rows.some((r) => r.iso < JUNTS_SWITCH) && C.juntsFirst, `${CUR_FILE}: both Junts labels used`);

  // ---------------- previous term ----------------
  const P = A.prev; const praw = readFileSync(join(OUT, PREV_FILE), 'utf8');
  let precs = [];
  try { precs = parseRfc(praw); } catch (e) { errors.push(`${PREV_FILE}: ${e.message}`); }
  ok(precs[0]?.fields.length === 1 && precs[0].fields[0] === 'sense filtres', `${PREV_FILE}: line 1 is "sense filtres"`);
  ok(praw.split('\r\n')[1] === PREV_HEADER.join(';') && PREV_HEADER.length === 17, `${PREV_FILE}: header (17 columns, ';'-separated, unquoted)`);
  ok(['sense filtres', PREV_HEADER.join(';'), ...precs.slice(2).map((r) => csvLine(r.fields))].join('\r\n') + '\r\n' === praw, `${PREV_FILE}: CRLF records, resum always quoted, other fields only when needed (round trip)`);
  const prows = precs.slice(2).map((r) => ({ line: r.line, end: r.end, ...Object.fromEntries(PREV_HEADER.map((h, i) => [h, r.fields[i]])), n: r.fields.length }));
  const PL = (f) => prows.filter(f).map((r) => r.line);
  const sistema = (r) => r['sistema votació'];
  P.rows = prows.length; P.sessions = [...new Set(prows.map((r) => r.ref_sessio))];
  P.trailingNewline = PL((r) => r.resum.endsWith('\n')); P.multi = prows.filter((r) => r.end > r.line).map((r) => `${r.line}-${r.end}`);
  P.quotes = PL((r) => r.resum.includes('"'));
  P.nominal = PL((r) => sistema(r) === 'nominal'); P.twoParts = PL((r) => r.part_acta.includes(','));
  P.both = PL((r) => r['BCN Canvi'] !== '' && r.Valents !== '');
  P.valentsFirst = prows.find((r) => isoOf(r.data_sessio) >= VALENTS_SWITCH)?.line; P.absent = [], P.empty = [];
  P.habitatge = prows.filter((r) => r.tema === 'Habitatge').length;
  P.results = Object.fromEntries(Object.values(PREV_RESULT).map((x) => [x, prows.filter((r) => r.resultat === x).length]));
  const RESULT_BACK = Object.fromEntries(Object.entries(PREV_RESULT).map(([k, v]) => [v, k]));
  const PARTS_LIST = Object.values(PARTS);
  for (const r of prows) {
    const at = `${PREV_FILE}:${r.line}`; ok(r.n === 17, `${at}: 17 fields`);
    ok(/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(r.data_sessio) && !/(^|\/)0/.test(r.data_sessio) && isoOf(r.data_sessio) >= PREV_FIRST && isoOf(r.data_sessio) <= PREV_LAST, `${at}: date ${r.data_sessio} (d/m/yyyy)`);
    ok(/^CP \d\d\/\d\d( EXT\.)?$/.test(r.ref_sessio), `${at}: ref_sessio`);
    ok(/^(Govern municipal|Grup Municipal (ERC|JxCat|Cs|PP|BCN Canvi|Valents))$/.test(r.Proposta) && r.equip_govern === EQUIP, `${at}: Proposta / equip_govern`);
    ok(r.resultat in RESULT_BACK && r.part_acta.split(',').every((x) => PARTS_LIST.includes(x)) && r.tema in THEME_BY_CA && r.resum.trim() && PREV_SISTEMA.includes(sistema(r)), `${at}: resultat/part_acta/tema/resum/sistema votació`);
    ok(PREV_GROUPS.every((h) => r[h] in PREV_VOTE_BACK), `${at}: vote values`);
    const iso = isoOf(r.data_sessio);
    if (iso < VALENTS_SWITCH) ok(r.Valents === '', `${at}: Valents empty before ${VALENTS_SWITCH}`);
    else ok(r['BCN Canvi'] === '' || r['BCN Canvi'] === r.Valents, `${at}: BCN Canvi empty (or equal to Valents) from ${VALENTS_SWITCH}`);
    const v = { ...Object.fromEntries(PREV_GROUPS.slice(0, 6).map((h) => [h, PREV_VOTE_BACK[r[h]]])), 'BCN Canvi': PREV_VOTE_BACK[r.Valents || r['BCN Canvi']] };
    if (sistema(r) === 'nominal') ok(PREV_GROUPS.every((h) => r[h] === ''), `${at}: a nominal vote leaves every group cell empty`);
    else ok(v['BCN Canvi'] !== '' && coherent(v, PREV_SEATS, RESULT_BACK[r.resultat]), `${at}: votes coherent with ${r.resultat}`);
    if (sistema(r) !== 'nominal') for (const [k, x] of Object.entries(v)) { if (x === '-') P.absent.push(`${r.line} ${k}`); if (x === '') P.empty.push(`${r.line} ${k}`); }
  }
  const dates = prows.map((r) => isoOf(r.data_sessio));
  ok(dates[0] === PREV_FIRST && dates[dates.length - 1] === PREV_LAST && dates.every((d, i) => !i || d >= dates[i - 1]), `${PREV_FILE}: dates ${PREV_FIRST} .. ${PREV_LAST} in order`);
  ok(P.rows >= 60 && P.sessions.length >= 8, `${PREV_FILE}: >= 60 rows, >= 8 sessions (${P.rows}/${P.sessions.length})`);
  ok(P.trailingNewline.length >= 3 && P.trailingNewline.length === P.multi.length && P.quotes.length >= 3, `${PREV_FILE}: >= 3 resum ending with a newline (the only newlines), >= 3 with quotes (${P.trailingNewline.length}/${P.quotes.length})`);
  ok(P.nominal.length === 2 && P.twoParts.length === 3, `${PREV_FILE}: 2 nominal rows, 3 two-part part_acta (${P.nominal.length}/${P.twoParts.length})`);
  ok(Object.values(P.results).every((n) => n >= 1), `${PREV_FILE}: every resultat value used ${JSON.stringify(P.results)}`);
  ok(P.both.length === 3, `${PREV_FILE}: exactly 3 rows fill BCN Canvi and Valents (${P.both.length})`);
  ok(P.habitatge >= 8 && P.absent.length >= 2 && P.empty.length >= 2, `${PREV_FILE}: >= 8 Habitatge, absencia and empty cells (${P.habitatge}/${P.absent.length}/${P.empty.length})`);
  return A;
}

// ---- Check, summary, README ------------------------------------------------------------------------------
function check() {
  const errors = []; let A;
  try { A = analyze(errors); } catch (e) { errors.push(`analysis failed: ${e.stack}`); }
  if (A) {
    const readme = readFileSync(join(OUT, 'README.md'), 'utf8');
    if (readme !== README(A)) errors.push('README.md is stale (regenerate)');
    const { cur: C, prev: P } = A;
    console.log('Barcelona plenary agreements dataset');
    console.log(`  ${CUR_FILE}: ${C.rows} rows in ${C.lines} lines, ${C.sessions.length} sessions (EXT ${C.ext.join(', ')}), ${CUR_FIELDS} header fields; ref_sessio with trailing spaces ${C.padded.join(' ')}; empty sistema_votacio ${C.noSistema.length}`);
    console.log(`    extra fields ${C.extra.length} rows (${((100 * C.extra.length) / C.rows).toFixed(1)}%; ';' in text ${C.semi.length}, three refs line ${C.threeRefs[0]?.[0]})`);
    console.log(`    multi-line records ${C.multi.join(', ')}; &xxx: titles ${C.colonTitle.length}, text ${C.colonText.length} (${C.colonNames.join(' ')})`);
    console.log(`    &xxx; in text ${C.entText.length}, &nbsp; text ${C.nbspText.length}, &nbsp: titles ${C.nbspTitle.length}, U+00A0 titles ${C.u00a0.length}; swapped ${C.swapped.join(', ')}`);
    console.log(`    resultat ${Object.entries(C.results).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`    nominal line ${C.nominal}; '-' cells ${C.dash.length}, empty cells ${C.empty.length}, rows without votes ${C.noVotes.length}; Junts per Barcelona from line ${C.juntsFirst}`);
    console.log(`    themes ${Object.entries(C.themes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`  ${PREV_FILE}: ${P.rows} rows, ${P.sessions.length} sessions; resum ending with a newline ${P.trailingNewline.length}, quotes ${P.quotes.length}, nominal ${P.nominal.length}, two-part part_acta ${P.twoParts.length}, absencia ${P.absent.length}, empty ${P.empty.length}, both BCN Canvi+Valents ${P.both.length}, Habitatge ${P.habitatge}`);
  }
  if (errors.length) {
    console.error(`\nCHECK FAILED (${errors.length}):`);
    for (const e of [...new Set(errors)].slice(0, 60)) console.error(`  - ${e}`);
    process.exitCode = 1;
  } else console.log('  check OK');
}

const list = (a) => (a.length ? a.join(', ') : '(none)');
const README = ({ cur: C, prev: P }) => `# Barcelona plenary agreements ("Acords del Plenari"): default offline dataset

Files served by the local file-server replica of \`https://ajuntament.barcelona.cat/sites/default/files/votacions_plenari/\`.
**Synthetic**: generated by \`scripts/generate-barcelona-plenary-data.mjs\` (deterministic, seeded PRNG, no clock). Do not edit by
hand: change the generator and run \`node scripts/generate-barcelona-plenary-data.mjs\` (regenerates, then checks every
requirement and that this README matches the files; \`--check\` only checks). Line numbers below are physical lines (1-based).

The real files were not available offline. The shapes follow the facts of real excerpts of both files recorded in the
project's issue 11 (caption line, header, delimiter, quoting, value vocabulary, leading TABs, trailing spaces); where the
older research notes (\`barcelona-plenary-csv.md\`, "Acords del Plenari", and \`city-apis.md\` §3.3, summarising third-party
notes of people who downloaded the files in 2025-2026) disagree, the excerpts win, and the notes supply the rest. The
constants are copied into the generator; choices of ours are marked as such below. Agreements, references, votes and
the 41 councillor names are **fictional**; districts, streets and institutions are real names used in invented titles.
The real files are published under the city website's legal notice (reuse with attribution, no alteration), not CC BY.
Reported real sizes: current file 814 proposals, 39 sessions, 1.3 MB (~242 rows with extra fields); previous file 1,031 proposals,
55 sessions. This is a smaller sample. Not generated: the mislabelled \`votacions_plenari_mandat_actual.json\` and the 2015-2019 file.

## \`${CUR_FILE}\` (current term 2023-2027)

${C.rows} records on ${C.lines} lines, ${C.sessions.length} sessions (${C.sessions[0]} .. ${C.sessions[C.sessions.length - 1]}). UTF-8 without BOM,
\`\\n\` line endings, \`;\`-separated, nothing is ever quoted. The header (line 1) and every record end with \`;\`: ${CUR_FIELDS} fields
when split on \`;\` = 12 fixed columns + 7 group columns + 41 councillor columns + the empty last field.

* **Every record line starts with a TAB** before \`ref_sessio\` (issue 11); the header and the continuation lines of a
  multi-line \`text\` do not. \`ref_sessio\` may carry trailing spaces (${C.padded.map((x) => `\`${x}\``).join(', ')}: our choice of sessions).
* Columns: \`${CUR_BASE.join(';')};\`, then the groups \`${CUR_GROUPS.map((g) => g[1]).join(';')};\`, then 41 councillors
  \`Nom Cognoms (Grup)\` with Grup one of BComú, PSC, ERC, PP, VOX, Junts (ordered by group: ${CUR_GROUPS.slice(0, 6).map((g) => `${g[0]} ${g[2]}`).join(', ')}).
* **Not valid CSV.** ${C.extra.length} records (${((100 * C.extra.length) / C.rows).toFixed(1)}%) have more fields than the header:
  - ${C.semi.length} because \`text\` contains unquoted \`;\` (lists \`a) ...; b) ...\`, sentences, \`&xxx;\` entities): lines ${list(C.semi)};
  - line ${C.threeRefs[0]?.[0]}: \`ref_proposta\` carries three references \`${C.threeRefs[0]?.[1]}\` (separated by \`; \`, issue 11).
  Parse by anchoring both ends: from the right ${RIGHT} fields (resultat .. organ_resolucio, 48 vote columns, the empty last
  field); from the left \`ref_sessio\`, everything up to the first \`dd/mm/yyyy\` field is \`ref_proposta\`, then \`data_sessio\`,
  \`resum_cat\`, \`resum_cast\` (never contain \`;\`) and the rest re-joined with \`;\` is \`text\`.
* **Multi-line records** (newline inside \`text\`, lines ${list(C.multi)}): a physical line that does not start with \`TAB CP \` continues the
  previous record (continuation lines start with \`<p>\`); the first line of such a record lacks the trailing fields.
* **Entities**: broken \`&xxx:\` (\`${C.colonNames.join('`, `')}\`) in resum_cat/resum_cast on lines ${list(C.colonTitle)} and in text on lines
  ${list(C.colonText)}. Correct \`&xxx;\` entities in text on lines ${list(C.entText)} (\`&nbsp;\` on ${list(C.nbspText)}).
  Titles never contain \`;\`, so a non-breaking space in \`resum_*\` is written \`&nbsp:\` (lines ${list(C.nbspTitle)}) or a literal
  U+00A0 (lines ${list(C.u00a0)}) — our reading of "&nbsp; and U+00A0 appear in titles" together with "resum never contains ;".
* **Swapped languages**: \`resum_cat\` holds Spanish and \`resum_cast\` Catalan on lines ${list(C.swapped)} (exactly 4).
* **resultat**: ${Object.entries(C.results).map(([k, v]) => `${k} ${v}`).join(', ')} (lines: ${Object.entries(C.rare).map(([k, v]) => `${k} ${list(v)}`).join('; ')}).
* **sistema_votacio**: \`Votació per grup\`, empty on lines ${list(C.noSistema)} (issue 11: it may be empty; which lines is our choice),
  and \`nominal\` on line ${C.nominal} (a budget vote tied to a question of confidence), the only record filling the councillor
  columns (\`A favor\`/\`En contra\`/\`Abstenció\`, each as its group).
* **part_acta**: ${Object.entries(C.parts).map(([k, v]) => `\`${k}\` ${v}`).join(', ')}. E) is our choice for the fourth value.
* **Themes** (\`tema_cat\`/\`tema_cast\`): ${Object.values(THEMES).map(([a, b]) => `${a}/${b} ${C.themes[a]}`).join(', ')}. \`organ_resolucio\` is always \`${ORGAN}\`.
* **ref_sessio** \`CP nn/yy\`, extraordinary sessions ${C.ext.map((x) => `\`${x}\``).join(', ')} (suffix \`EXT\` without a dot, as in the excerpt's \`CP 14/25 EXT\`). **ref_proposta** opaque: \`M2327/nnn\` (motions),
  \`yyXFnnnn\`, \`yySDnnnn\`, \`yyyy-mm-DPEF\` (government proposals), \`s/n\` (minutes, declarations).
* **Junts label change**: sessions before ${dmy(JUNTS_SWITCH)} fill \`Junts per Catalunya\` and leave \`Junts per Barcelona\` empty; from
  ${dmy(JUNTS_SWITCH)} (first record: line ${C.juntsFirst}) the other way round. \`VOX\` has a single column (no \`VOX Barcelona\`).
* **Vote cells**: \`A favor\`, \`En contra\`, \`Abstenció\`, \`-\` (did not take part: ${list(C.dash)}) and empty where a vote was expected
  (${list(C.empty)}). Records without any group vote: lines ${list(C.noVotes)}. Votes are coherent with \`resultat\` (seats
  ${Object.entries(CUR_SEATS).map(([k, v]) => `${k} ${v}`).join(', ')}: unanimity = all in favour; approved = more seats in favour; rejected/no aprovada = more against).

## \`${PREV_FILE}\` (previous term 2019-2023)

${P.rows} records, ${P.sessions.length} sessions (${P.sessions[0]} .. ${P.sessions[P.sessions.length - 1]}). RFC 4180 with \`;\` as the delimiter
(issue 11; the older notes said \`,\`): records end with CRLF (\`\\r\\n\`, our choice), a newline inside quotes is a bare \`\\n\`.

* Line 1 is the caption \`sense filtres\`; line 2 the header (17 columns, unquoted, no trailing \`;\`):
  \`${PREV_HEADER.join(';')}\`. There is **no \`ref_proposta\`** (so the file gives no cases, and an agreement's id is its session
  and its place in it: \`CP 09/19|s/n\`, \`CP 09/19|s/n#2\` …). \`sistema votació\` is metadata, not a group column.
* \`resum\` (Catalan only) is always quoted, quotes doubled (\`""\` on lines ${list(P.quotes)}); on lines ${list(P.trailingNewline)} it ends with a newline
  inside the quotes (records on lines ${list(P.multi)}). Other fields are quoted only when they hold \`;\`, \`"\` or a newline (none does).
* Dates \`d/m/yyyy\` without zero padding (e.g. \`23/6/2022\`). No \`text\`, no councillor columns; \`Proposta\` is \`Govern municipal\`
  or \`Grup Municipal <group>\`; \`equip_govern\` is always \`${EQUIP}\` (no space after the comma).
* **resultat**: ${Object.entries(P.results).map(([k, v]) => `\`${k}\` ${v}`).join(', ')} (\`aprovat_unanimitat\` and \`rebutjat\` from the excerpt;
  \`aprovat\` for a majority approval is our assumption).
* **part_acta** holds two parts separated by a comma (\`${PARTS.C},${PARTS.D}\`; which parts is our choice) on lines ${list(P.twoParts)}.
* **sistema votació**: \`grup\`, and \`nominal\` on lines ${list(P.nominal)}, whose group cells are all empty (a nominal vote records no group vote).
* **Vote cells** \`a_favor\`, \`en_contra\`, \`abstencio\`, \`absencia\` (${list(P.absent)}) and empty (${list(P.empty)}).
* \`BCN Canvi\` renamed \`Valents\` from ${dmy(VALENTS_SWITCH)} (first record line ${P.valentsFirst}): earlier records fill \`BCN Canvi\`, later
  \`Valents\`; lines ${list(P.both)} fill both with the same value. Habitatge: ${P.habitatge} records.
`;

if (!process.argv.includes('--check')) writeAll();
check();
