#!/usr/bin/env node
/**
 * Writes seed.json beside this file: the offline replica's data of Terrassa's Decidim instance
 * (Participa a Terrassa, https://participa.terrassa.cat), in the seed format of the Decidim replica
 * (subgraphs/decidim/replica/decidim.ts; the format is described in replicas/barcelona/decidim/README.md).
 * Invented content, in Catalan and Spanish (the instance's locales), modelled on the kind of processes
 * a city runs on Decidim; not production data. Deterministic: no clock, no randomness.
 *
 *   node replicas/terrassa/decidim/generate.mjs
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const PREFIX = 'TER';
const T = (ca, es) => (es === undefined ? { ca } : { ca, es });
/** Madrid's offset on a date (CET/CEST, the EU rule: last Sunday of March to last Sunday of October). */
function offsetOn(date) {
  const [y, m, d] = date.split('-').map(Number);
  const lastSunday = (month) => { const last = new Date(Date.UTC(y, month, 0)); return last.getUTCDate() - last.getUTCDay(); };
  const summer = (m > 3 && m < 10) || (m === 3 && d >= lastSunday(3)) || (m === 10 && d < lastSunday(10));
  return summer ? '+02:00' : '+01:00';
}
const at = (date, time = '10:00') => `${date}T${time}:00${offsetOn(date)}`;
const ref = (kind, date, id) => `${PREFIX}-${kind}-${date.slice(0, 7)}-${id}`;

// ---- proposals ----------------------------------------------------------------------------------

function proposal(id, published, title, body, o = {}) {
  const answered = o.state && o.state !== 'withdrawn' ? o.answeredAt ?? null : null;
  return {
    id: String(id),
    reference: ref('PROP', published, id),
    title,
    body,
    address: o.address ?? null,
    latitude: o.address ? o.lat : null,
    longitude: o.address ? o.lon : null,
    state: o.state ?? null,
    statePublished: o.statePublished ?? !!o.state,
    answer: o.answer ?? null,
    answeredAt: answered ? at(answered, '12:00') : null,
    publishedAt: o.draft ? null : at(published, o.time ?? '10:00'),
    createdAt: at(published, o.time ?? '10:00'),
    updatedAt: at(answered ?? published, '12:00'),
    endorsementsCount: o.endorsements ?? 0,
    votesCount: o.votes ?? 0,
    official: o.official ?? false,
    meetingId: o.meetingId ?? null,
    categoryId: o.category ?? null,
    participatoryTextLevel: null,
    position: null,
  };
}

const ACCEPTED_PP = T('<p>La proposta és viable i passa a la votació final.</p>', '<p>La propuesta es viable y pasa a la votación final.</p>');
const REJECTED_PP = T('<p>No és viable: no és competència municipal o supera el límit de 300.000 € per projecte.</p>', '<p>No es viable: no es competencia municipal o supera el límite de 300.000 € por proyecto.</p>');

const pp2024Proposals = [
  proposal(71001, '2024-03-04', T('Ombra i fonts al parc de Sant Jordi', 'Sombra y fuentes en el parque de Sant Jordi'), T('<p>Instal·lar pèrgoles i dues fonts d\'aigua potable al <strong>parc de Sant Jordi</strong>.</p>', '<p>Instalar pérgolas y dos fuentes de agua potable en el <strong>parque de Sant Jordi</strong>.</p>'), { state: 'accepted', answer: ACCEPTED_PP, answeredAt: '2024-05-14', address: 'Carrer de Sant Jordi, 08225 Terrassa', lat: 41.56911, lon: 2.01702, category: '5101', votes: 412, endorsements: 9 }),
  proposal(71002, '2024-03-05', T('Carril bici a la Rambla d\'Ègara', 'Carril bici en la Rambla d\'Ègara'), T('<p>Un carril bici segregat que connecti l\'estació del Nord amb el centre.</p><ul><li>Longitud: 1,2 km</li></ul>', '<p>Un carril bici segregado que conecte la estación del Norte con el centro.</p><ul><li>Longitud: 1,2 km</li></ul>'), { state: 'accepted', answer: ACCEPTED_PP, answeredAt: '2024-05-14', address: 'Rambla d\'Ègara, 08224 Terrassa', lat: 41.56203, lon: 2.01265, category: '5102', votes: 538, endorsements: 14 }),
  proposal(71003, '2024-03-07', T('Renaturalitzar el pati de l\'escola Pau Vila', 'Renaturalizar el patio de la escuela Pau Vila'), T('<p>Substituir l\'asfalt del pati per terra, arbres i jocs de fusta.</p>', '<p>Sustituir el asfalto del patio por tierra, árboles y juegos de madera.</p>'), { state: 'accepted', answer: ACCEPTED_PP, answeredAt: '2024-05-14', category: '5101', votes: 377, endorsements: 6 }),
  proposal(71004, '2024-03-08', T('Piscina coberta al districte 6', 'Piscina cubierta en el distrito 6'), T('<p>Una piscina coberta municipal al districte 6, que no en té cap.</p>', '<p>Una piscina cubierta municipal en el distrito 6, que no tiene ninguna.</p>'), { state: 'rejected', answer: REJECTED_PP, answeredAt: '2024-05-14', category: '5103', votes: 295, endorsements: 11 }),
  proposal(71005, '2024-03-11', T('Tramvia entre Terrassa i Sabadell', 'Tranvía entre Terrassa y Sabadell'), T('<p>Una línia de tramvia que uneixi els centres de les dues ciutats.</p>', '<p>Una línea de tranvía que una los centros de las dos ciudades.</p>'), { state: 'rejected', answer: REJECTED_PP, answeredAt: '2024-05-15', category: '5102', votes: 188 }),
  proposal(71006, '2024-03-12', T('Enllumenat LED al barri de Ca n\'Aurell', 'Alumbrado LED en el barrio de Ca n\'Aurell'), T('<p>Canviar els fanals antics per enllumenat LED de baix consum.</p>', '<p>Cambiar las farolas antiguas por alumbrado LED de bajo consumo.</p>'), { state: 'evaluating', statePublished: true, category: '5101', votes: 143 }),
  proposal(71007, '2024-03-13', T('Horts urbans a Can Palet', 'Huertos urbanos en Can Palet'), T('<p>Parcel·les d\'hort per al veïnat en un solar municipal buit.</p>', '<p>Parcelas de huerto para el vecindario en un solar municipal vacío.</p>'), { state: 'withdrawn', statePublished: true, category: '5101', votes: 21 }),
  proposal(71008, '2024-03-14', T('Més papereres a la Plaça Vella', 'Más papeleras en la Plaça Vella'), T('<p>Papereres de recollida selectiva a la Plaça Vella i carrers del voltant.</p>', '<p>Papeleras de recogida selectiva en la Plaça Vella y calles de alrededor.</p>'), { address: 'Plaça Vella, 08221 Terrassa', lat: 41.56338, lon: 2.01009, category: '5101', votes: 64 }),
  proposal(71009, '2024-03-15', T('Proposta en esborrany', 'Propuesta en borrador'), T('<p>Encara no publicada.</p>'), { draft: true, category: '5101' }),
];

const pmusProposals = [
  proposal(72001, '2025-04-02', T('Zona de baixes emissions amb excepcions per al veïnat', 'Zona de bajas emisiones con excepciones para el vecindario'), T('<p>Que la ZBE prevegi excepcions per a veïns amb rendes baixes.</p>', '<p>Que la ZBE prevea excepciones para vecinos con rentas bajas.</p>'), { state: 'accepted', answer: T('<p>S\'incorpora al document del Pla: hi haurà un règim d\'excepcions per renda.</p>', '<p>Se incorpora al documento del Plan: habrá un régimen de excepciones por renta.</p>'), answeredAt: '2025-09-30', category: '5201', votes: 233, endorsements: 8, official: false }),
  proposal(72002, '2025-04-03', T('Aparcament gratuït a tot el centre', 'Aparcamiento gratuito en todo el centro'), T('<p>Eliminar la zona blava del centre.</p>', '<p>Eliminar la zona azul del centro.</p>'), { state: 'rejected', answer: T('<p>No s\'incorpora: és contrària als objectius de reducció del trànsit del Pla.</p>', '<p>No se incorpora: es contraria a los objetivos de reducción del tráfico del Plan.</p>'), answeredAt: '2025-09-30', category: '5201', votes: 97 }),
  proposal(72003, '2025-04-04', T('Camins escolars segurs a Sant Pere', 'Caminos escolares seguros en Sant Pere'), T('<p>Passos elevats i senyalització als accessos de les escoles del barri de Sant Pere.</p>', '<p>Pasos elevados y señalización en los accesos de las escuelas del barrio de Sant Pere.</p>'), { state: 'evaluating', statePublished: true, category: '5202', votes: 184, address: 'Carrer de Sant Pere, 08221 Terrassa', lat: 41.56777, lon: 2.01387 }),
  // Answered but the answer is not published yet: the API shows state null.
  proposal(72004, '2025-04-07', T('Bus nocturn els caps de setmana', 'Autobús nocturno los fines de semana'), T('<p>Una línia de bus nocturn entre els barris i el centre els divendres i dissabtes.</p>', '<p>Una línea de autobús nocturno entre los barrios y el centro los viernes y sábados.</p>'), { state: 'accepted', statePublished: false, answer: T('<p>Es preveu al Pla.</p>', '<p>Se prevé en el Plan.</p>'), answeredAt: '2025-10-01', category: '5201', votes: 156 }),
  proposal(72005, '2025-04-08', T('Aparcaments de bicicletes a les estacions', 'Aparcamientos de bicicletas en las estaciones'), T('<p>Aparcaments tancats per a bicicletes a les estacions de FGC i Rodalies.</p>', '<p>Aparcamientos cerrados para bicicletas en las estaciones de FGC y Rodalies.</p>'), { category: '5202', votes: 71, official: true }),
];

const vallparadisProposals = [
  proposal(73001, '2023-05-03', T('Zona de pícnic al parc de Vallparadís', 'Zona de pícnic en el parque de Vallparadís'), T('<p>Taules i bancs a la zona del torrent.</p>', '<p>Mesas y bancos en la zona del torrente.</p>'), { state: 'accepted', answer: T('<p>S\'inclou al projecte de nous usos del parc.</p>', '<p>Se incluye en el proyecto de nuevos usos del parque.</p>'), answeredAt: '2023-07-12', address: 'Parc de Vallparadís, 08222 Terrassa', lat: 41.56402, lon: 2.02015, votes: 0 }),
  proposal(73002, '2023-05-04', T('Escenari per a concerts d\'estiu', 'Escenario para conciertos de verano'), T('<p>Un escenari fix per a concerts a l\'aire lliure.</p>', '<p>Un escenario fijo para conciertos al aire libre.</p>'), { state: 'rejected', answer: T('<p>No s\'inclou: el parc és un espai natural protegit.</p>', '<p>No se incluye: el parque es un espacio natural protegido.</p>'), answeredAt: '2023-07-12', votes: 0 }),
  proposal(73003, '2023-05-05', T('Circuit de salut per a gent gran', 'Circuito de salud para gente mayor'), T('<p>Aparells d\'exercici suau al llarg del passeig.</p>', '<p>Aparatos de ejercicio suave a lo largo del paseo.</p>'), { state: 'accepted', answer: T('<p>S\'inclou al projecte.</p>', '<p>Se incluye en el proyecto.</p>'), answeredAt: '2023-07-12', votes: 0 }),
  proposal(73004, '2023-05-06', T('Il·luminació del camí del torrent', 'Iluminación del camino del torrente'), T('<p>Punts de llum al camí per fer-lo segur al vespre.</p>'), { votes: 0 }),
];

// ---- meetings -----------------------------------------------------------------------------------

function meeting(id, date, start, end, title, o = {}) {
  const inPerson = (o.type ?? 'in_person') !== 'online';
  return {
    id: String(id),
    reference: ref('MEET', o.created ?? date, id),
    title,
    description: o.description ?? T('<p>Sessió oberta a tothom.</p>', '<p>Sesión abierta a todo el mundo.</p>'),
    startTime: at(date, start),
    endTime: at(date, end),
    address: inPerson ? o.address ?? null : '',
    location: inPerson ? o.location ?? null : null,
    locationHints: null,
    latitude: inPerson && o.address ? o.lat : null,
    longitude: inPerson && o.address ? o.lon : null,
    typeOfMeeting: o.type ?? 'in_person',
    onlineMeetingUrl: o.type === 'online' || o.type === 'hybrid' ? 'https://meet.jit.si/participa-terrassa' : '',
    iframeEmbedType: o.type === 'online' ? 'embed_in_meeting_page' : 'none',
    closedAt: o.closingReport ? at(date, '22:00') : null,
    closingVisible: !!o.closingReport,
    closingReport: o.closingReport ?? null,
    videoUrl: null,
    audioUrl: null,
    attendeesCount: o.attendees ?? 0,
    contributionsCount: o.contributions ?? 0,
    attendingOrganizations: o.organizations ?? null,
    withdrawn: o.withdrawn ?? false,
    privateMeeting: false,
    transparent: true,
    registrationsEnabled: o.registrations ?? false,
    registrationFormEnabled: false,
    registrationTerms: null,
    remainingSlots: o.registrations ? 40 : 0,
    categoryId: o.category ?? null,
    createdAt: at(o.created ?? date, '09:00'),
    updatedAt: at(o.closingReport ? date : o.created ?? date, o.closingReport ? '22:00' : '09:00'),
    agenda: o.agenda ?? null,
  };
}

const CAPMANY = { address: 'Carrer de Sant Isidre, 136, 08224 Terrassa', location: T('Centre Cívic Maria Aurèlia Capmany', 'Centro Cívico Maria Aurèlia Capmany'), lat: 41.55841, lon: 2.00446 };
const AJUNTAMENT = { address: 'Raval de Montserrat, 14, 08221 Terrassa', location: T('Ajuntament de Terrassa, Sala de Plens', 'Ayuntamiento de Terrassa, Sala de Plenos'), lat: 41.56266, lon: 2.00974 };

const pp2024Meetings = [
  meeting(31001, '2024-02-20', '18:30', '20:30', T('Sessió informativa dels Pressupostos participatius 2024', 'Sesión informativa de los Presupuestos participativos 2024'), {
    ...CAPMANY, created: '2024-02-01', attendees: 48, contributions: 17, category: '5101',
    closingReport: T('<p>Hi van assistir 48 persones; es van recollir 17 idees.</p>', '<p>Asistieron 48 personas; se recogieron 17 ideas.</p>'),
    agenda: { id: '3501', title: T('Ordre del dia', 'Orden del día'), visible: true, createdAt: at('2024-02-01', '09:00'), updatedAt: at('2024-02-01', '09:00'), items: [
      { id: '3511', title: T('Benvinguda', 'Bienvenida'), description: null, duration: 10, position: 0, parentId: null },
      { id: '3512', title: T('Calendari i criteris', 'Calendario y criterios'), description: T('<p>Fases, import màxim i requisits.</p>', '<p>Fases, importe máximo y requisitos.</p>'), duration: 30, position: 1, parentId: null },
      { id: '3513', title: T('Límit de 300.000 € per projecte', 'Límite de 300.000 € por proyecto'), description: null, duration: 10, position: 0, parentId: '3512' },
      { id: '3514', title: T('Torn obert de paraules', 'Turno abierto de palabras'), description: null, duration: 40, position: 2, parentId: null },
    ] },
  }),
  meeting(31002, '2024-04-10', '19:00', '20:00', T('Debat en línia sobre les propostes de mobilitat', 'Debate en línea sobre las propuestas de movilidad'), { type: 'online', created: '2024-03-20', attendees: 35, closingReport: T('<p>Debat amb 35 persones connectades.</p>', '<p>Debate con 35 personas conectadas.</p>') }),
  meeting(31003, '2024-04-17', '18:00', '20:00', T('Taller de propostes al districte 6', 'Taller de propuestas en el distrito 6'), { ...AJUNTAMENT, created: '2024-03-25', withdrawn: true }),
];

const pmusMeetings = [
  meeting(32001, '2025-03-12', '18:30', '20:30', T('Presentació del Pla de Mobilitat Urbana Sostenible', 'Presentación del Plan de Movilidad Urbana Sostenible'), { ...AJUNTAMENT, type: 'hybrid', created: '2025-02-20', attendees: 72, closingReport: T('<p>Presentació de la diagnosi; 72 assistents.</p>', '<p>Presentación de la diagnosis; 72 asistentes.</p>') }),
  meeting(32002, '2027-02-10', '18:30', '20:30', T('Retorn del procés del Pla de Mobilitat', 'Retorno del proceso del Plan de Movilidad'), { ...CAPMANY, created: '2026-11-15', registrations: true }),
];

const vallparadisMeetings = [
  meeting(33001, '2023-05-20', '11:00', '13:00', T('Passejada pel parc de Vallparadís', 'Paseo por el parque de Vallparadís'), { address: 'Parc de Vallparadís, 08222 Terrassa', location: T('Entrada de la Masia Freixa', 'Entrada de la Masia Freixa'), lat: 41.56581, lon: 2.01823, created: '2023-05-02', attendees: 30, closingReport: T('<p>Recorregut amb 30 veïns i veïnes.</p>', '<p>Recorrido con 30 vecinos y vecinas.</p>') }),
];

// ---- accountability -----------------------------------------------------------------------------

const status = (id, key, name, progress) => ({ id: String(id), key, name, description: null, progress, createdAt: at('2024-06-01'), updatedAt: at('2024-06-01') });
const result = (id, created, title, o) => ({
  id: String(id),
  reference: ref('RESU', created, id),
  externalId: o.externalId ?? null,
  title,
  description: o.description ?? null,
  startDate: o.startDate ?? null,
  endDate: o.endDate ?? null,
  progress: o.progress ?? null,
  statusId: o.statusId ?? null,
  parentId: o.parentId ?? null,
  weight: o.weight ?? 0,
  categoryId: o.category ?? null,
  createdAt: at(created),
  updatedAt: at(o.updated ?? created),
});

const ppStatuses = [status(9811, 'planned', T('Pendent d\'iniciar', 'Pendiente de iniciar'), 0), status(9812, 'in_progress', T('En execució', 'En ejecución'), 50), status(9813, 'executed', T('Executat', 'Ejecutado'), 100)];
const ppResults = [
  result(9701, '2024-06-01', T('Carril bici a la Rambla d\'Ègara', 'Carril bici en la Rambla d\'Ègara'), { externalId: 'PP24-01', progress: 60, statusId: '9812', startDate: '2025-01-15', endDate: '2025-12-31', category: '5102', updated: '2025-10-01', description: T('<p>Obres en curs al tram nord.</p>', '<p>Obras en curso en el tramo norte.</p>') }),
  result(9702, '2024-06-01', T('Tram nord de la Rambla', 'Tramo norte de la Rambla'), { parentId: '9701', progress: 100, statusId: '9813', startDate: '2025-01-15', endDate: '2025-06-30', weight: 1 }),
  result(9703, '2024-06-01', T('Tram sud de la Rambla', 'Tramo sur de la Rambla'), { parentId: '9701', progress: 20, statusId: '9812', startDate: '2025-07-01', endDate: '2025-12-31', weight: 2 }),
  result(9704, '2024-06-01', T('Ombra i fonts al parc de Sant Jordi', 'Sombra y fuentes en el parque de Sant Jordi'), { externalId: 'PP24-02', progress: 100, statusId: '9813', startDate: '2024-10-01', endDate: '2025-03-31', category: '5101' }),
  result(9705, '2024-06-01', T('Renaturalització del pati de l\'escola Pau Vila', 'Renaturalización del patio de la escuela Pau Vila'), { externalId: 'PP24-03', progress: 0, statusId: '9811', category: '5101' }),
];

// ---- processes ----------------------------------------------------------------------------------

const component = (id, manifest, name, weight, published, extra) => ({ id: String(id), manifest, name, weight, publishedAt: at(published), settings: { commentsEnabled: manifest !== 'pages' && manifest !== 'accountability', ...(manifest === 'proposals' ? { votesHidden: false, geocodingEnabled: true } : {}) }, ...extra });
const NAMES = { pages: T('Informació del procés', 'Información del proceso'), proposals: T('Propostes', 'Propuestas'), meetings: T('Trobades', 'Encuentros'), accountability: T('Seguiment', 'Seguimiento') };

function process_(id, slug, o) {
  return {
    id: String(id),
    slug,
    published: o.published ?? true,
    publishedAt: o.published === false ? null : at(o.publishedAt),
    createdAt: at(o.created),
    updatedAt: at(o.updated ?? o.publishedAt ?? o.created),
    reference: ref('PART', o.created, id),
    hashtag: o.hashtag ?? null,
    promoted: o.promoted ?? false,
    scopesEnabled: false,
    startDate: o.startDate,
    endDate: o.endDate,
    title: o.title,
    subtitle: o.subtitle ?? null,
    shortDescription: o.shortDescription,
    description: o.description ?? o.shortDescription,
    announcement: null,
    developerGroup: T('Ajuntament de Terrassa', 'Ayuntamiento de Terrassa'),
    localArea: o.localArea ?? T('Tota la ciutat', 'Toda la ciudad'),
    metaScope: null,
    target: T('Persones de 14 anys o més empadronades a Terrassa', 'Personas de 14 años o más empadronadas en Terrassa'),
    participatoryScope: null,
    participatoryStructure: null,
    categories: o.categories ?? [],
    components: o.components ?? [],
  };
}

const seed = {
  decidim: { version: '0.27.5', applicationName: 'Participa a Terrassa' },
  organization: { name: 'Ajuntament de Terrassa', host: 'participa.terrassa.cat', referencePrefix: PREFIX, defaultLocale: 'ca', availableLocales: ['ca', 'es'], timeZone: 'Europe/Madrid' },
  participatoryProcesses: [
    process_(501, 'pressupostos-participatius-2024', {
      created: '2024-01-15', publishedAt: '2024-02-01', updated: '2025-10-01', startDate: '2024-02-01', endDate: '2024-12-20', promoted: true, hashtag: 'PPTerrassa2024',
      title: T('Pressupostos participatius 2024', 'Presupuestos participativos 2024'),
      subtitle: T('Decideix en què s\'inverteixen 3 milions d\'euros', 'Decide en qué se invierten 3 millones de euros'),
      shortDescription: T('<p>Proposa i vota projectes d\'inversió per als barris de Terrassa.</p>', '<p>Propón y vota proyectos de inversión para los barrios de Terrassa.</p>'),
      categories: [{ id: '5101', name: T('Espai públic i medi ambient', 'Espacio público y medio ambiente'), parentId: null }, { id: '5102', name: T('Mobilitat', 'Movilidad'), parentId: null }, { id: '5103', name: T('Equipaments', 'Equipamientos'), parentId: null }],
      components: [
        component(6101, 'pages', NAMES.pages, 0, '2024-02-01', { pages: [{ id: '6191', body: T('<p>Més informació a <a href="https://www.terrassa.cat">terrassa.cat</a>.</p>'), createdAt: at('2024-02-01'), updatedAt: at('2024-02-01') }] }),
        component(6102, 'proposals', NAMES.proposals, 1, '2024-02-01', { proposals: pp2024Proposals }),
        component(6103, 'meetings', NAMES.meetings, 2, '2024-02-01', { meetings: pp2024Meetings }),
        component(6104, 'accountability', NAMES.accountability, 3, '2024-06-01', { statuses: ppStatuses, results: ppResults }),
      ],
    }),
    process_(502, 'pla-mobilitat-urbana-sostenible', {
      created: '2025-02-10', publishedAt: '2025-02-20', updated: '2026-11-15', startDate: '2025-03-01', endDate: '2027-06-30', hashtag: 'PMUSTerrassa',
      title: T('Pla de Mobilitat Urbana Sostenible 2025-2030', 'Plan de Movilidad Urbana Sostenible 2025-2030'),
      shortDescription: T('<p>Participa en la redacció del nou Pla de Mobilitat de Terrassa.</p>', '<p>Participa en la redacción del nuevo Plan de Movilidad de Terrassa.</p>'),
      categories: [{ id: '5201', name: T('Vehicle privat', 'Vehículo privado'), parentId: null }, { id: '5202', name: T('Mobilitat activa', 'Movilidad activa'), parentId: null }],
      components: [
        component(6201, 'proposals', NAMES.proposals, 0, '2025-03-01', { proposals: pmusProposals }),
        component(6202, 'meetings', NAMES.meetings, 1, '2025-02-20', { meetings: pmusMeetings }),
      ],
    }),
    process_(503, 'vallparadis-nous-usos', {
      created: '2023-04-10', publishedAt: '2023-04-20', updated: '2023-07-12', startDate: '2023-05-01', endDate: '2023-06-30',
      title: T('Parc de Vallparadís: nous usos', 'Parque de Vallparadís: nuevos usos'),
      shortDescription: T('<p>Quins usos vols per al parc central de Terrassa?</p>', '<p>¿Qué usos quieres para el parque central de Terrassa?</p>'),
      localArea: T('Districte 2', 'Distrito 2'),
      components: [
        component(6301, 'proposals', NAMES.proposals, 0, '2023-05-01', { proposals: vallparadisProposals }),
        component(6302, 'meetings', NAMES.meetings, 1, '2023-04-20', { meetings: vallparadisMeetings }),
      ],
    }),
    // A draft process: not published, absent from the API.
    process_(504, 'pressupostos-participatius-2026', {
      created: '2026-10-01', published: false, startDate: '2027-02-01', endDate: '2027-12-20',
      title: T('Pressupostos participatius 2026', 'Presupuestos participativos 2026'),
      shortDescription: T('<p>En preparació.</p>', '<p>En preparación.</p>'),
    }),
  ],
};

writeFileSync(join(HERE, 'seed.json'), `${JSON.stringify(seed, null, 2)}\n`);
console.log(`Wrote ${join(HERE, 'seed.json')}`);
