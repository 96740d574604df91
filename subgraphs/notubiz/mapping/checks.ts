/**
 * What a Notubiz record must carry to be mapped: ids that are numbers, a planning start that is a
 * local time (events are listed and placed by it), titles of documents that are strings, lists
 * where lists belong. A record that fails is set aside with the reason (and counted in `sources`)
 * instead of being mapped into something wrong; the rest of the sync goes on. Each problem names
 * the field by its path in the record, e.g. `agenda_items[3].documents[0].title`.
 */
import { localMillis } from '../../shared/time';
import type { NotubizAgendaItem, NotubizDocument, NotubizGremium, NotubizMeeting, NotubizModuleItem, NotubizOrganisation } from '../upstream/types';

type Problem = string | null;
type Fields = Record<string, unknown>;

const show = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));

function isObject(value: unknown): value is Fields {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function id(value: unknown, path: string): Problem {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? null : `${path} is ${show(value)}; a positive whole number is required`;
}

function optionalList(value: unknown, path: string): Problem {
  return value === null || value === undefined || Array.isArray(value) ? null : `${path} is ${typeof value}; a list is required`;
}

function optionalText(record: Fields, fields: string[], path: string): Problem {
  for (const f of fields) {
    const v = record[f];
    if (v !== null && v !== undefined && typeof v !== 'string') return `${path}${f} is ${show(v)}; a string or null is required`;
  }
  return null;
}

/** Notubiz's local "YYYY-MM-DD HH:MM:SS" (the city's zone, no offset). */
function localTime(zone: string, value: unknown, path: string, required: boolean): Problem {
  if ((value === null || value === undefined || value === '') && !required) return null;
  return typeof value === 'string' && localMillis(value, zone) !== null ? null : `${path} is ${show(value)}; a local time "YYYY-MM-DD HH:MM:SS" is required`;
}

/** The first problem of a list of items, each checked at its index. */
function each<T>(items: T[] | null | undefined, path: string, check: (item: T, path: string) => Problem): Problem {
  for (const [i, item] of (items ?? []).entries()) {
    const problem = check(item, `${path}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

function attributes(value: unknown, path: string): Problem {
  if (value === null || value === undefined) return null;
  // The API's `[{id, value}]`, or ORI's `{label: value}`.
  if (Array.isArray(value)) return each(value, path, (a, p) => (isObject(a) ? optionalText(a, ['value'], `${p}.`) : `${p} is not an object`));
  if (isObject(value)) return optionalText(value, Object.keys(value), `${path}.`);
  return `${path} is ${typeof value}; a list or an object is required`;
}

export function documentProblem(d: NotubizDocument, path = 'document'): Problem {
  if (!isObject(d)) return `${path} is not an object`;
  if (typeof d.title !== 'string') return `${path}.title is ${show(d.title)}; a string is required`;
  return id(d.id, `${path}.id`)
    ?? optionalText(d as unknown as Fields, ['url', 'case_code', 'description', 'publication_date', 'last_modified'], `${path}.`)
    ?? optionalList(d.versions, `${path}.versions`)
    ?? optionalList(d.types, `${path}.types`)
    ?? each(d.types, `${path}.types`, (t, p) => (isObject(t) && typeof t.value === 'string' ? null : `${p}.value is not a string`));
}

function agendaItemProblem(item: NotubizAgendaItem, path: string): Problem {
  if (!isObject(item)) return `${path} is not an object`;
  if (item.order !== null && item.order !== undefined && typeof item.order !== 'number') return `${path}.order is ${show(item.order)}; a number or null is required`;
  if (item.type_data !== null && item.type_data !== undefined && !isObject(item.type_data)) return `${path}.type_data is not an object`;
  return id(item.id, `${path}.id`)
    ?? attributes(item.type_data?.attributes, `${path}.type_data.attributes`)
    ?? optionalText((item.type_data ?? {}) as Fields, ['title_prefix'], `${path}.type_data.`)
    ?? optionalList(item.documents, `${path}.documents`)
    ?? each(item.documents, `${path}.documents`, documentProblem)
    ?? optionalList(item.module_items, `${path}.module_items`)
    ?? each(item.module_items, `${path}.module_items`, (m, p) => (isObject(m) ? id(m.id, `${p}.id`) : `${p} is not an object`))
    ?? optionalList(item.agenda_items, `${path}.agenda_items`)
    ?? each(item.agenda_items, `${path}.agenda_items`, agendaItemProblem);
}

/**
 * An item of the `/events` list: a meeting without its agenda. It is listed by its first
 * planning's start, so that start must be a local time.
 */
export function eventProblem(zone: string, e: NotubizMeeting): Problem {
  if (!isObject(e)) return 'not an object';
  const planning = Array.isArray(e.plannings) ? e.plannings[0] : undefined;
  if (!isObject(planning)) return `plannings is ${show(e.plannings)}; at least one planning is required`;
  return id(e.id, 'id')
    ?? (isObject(e.organisation) ? id(e.organisation.id, 'organisation.id') : `organisation is ${show(e.organisation)}; an object is required`)
    ?? (e.gremium === null || e.gremium === undefined ? null : isObject(e.gremium) ? id(e.gremium.id, 'gremium.id') : 'gremium is not an object')
    ?? localTime(zone, planning.start_date, 'plannings[0].start_date', true)
    ?? localTime(zone, planning.end_date, 'plannings[0].end_date', false)
    ?? localTime(zone, e.last_modified, 'last_modified', false)
    ?? optionalText(e as unknown as Fields, ['permission_group', 'self'], '')
    ?? attributes(e.attributes, 'attributes');
}

/** A meeting's detail (`/events/meetings/{id}`): the event's fields, its agenda and documents. */
export function meetingProblem(zone: string, m: NotubizMeeting, expectedId?: number): Problem {
  const problem = eventProblem(zone, m);
  if (problem) return problem;
  if (expectedId !== undefined && m.id !== expectedId) return `id is ${m.id}, but meeting ${expectedId} was asked for`;
  return optionalList(m.documents, 'documents')
    ?? each(m.documents, 'documents', documentProblem)
    ?? optionalList(m.agenda_items, 'agenda_items')
    ?? each(m.agenda_items, 'agenda_items', agendaItemProblem);
}

const asList = (value: unknown): unknown[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A document where one is expected (an attribute value's `document`, `attachments.document`). */
function embeddedDocument(value: unknown, path: string): Problem {
  return isObject(value) ? documentProblem(value as unknown as NotubizDocument, path) : `${path} is ${show(value)}; a document object is required`;
}

/**
 * A module item's attributes (mapping/outcome.ts): `[{label, datatype, values}]`, or the older
 * `{attribute: [...]}`; labels and datatypes are strings, `values` a list (or `{value}`), and the
 * documents among the values are documents.
 */
function moduleAttributes(value: unknown): Problem {
  if (value === null || value === undefined) return null;
  const [list, path] = Array.isArray(value) ? [value, 'attributes'] : isObject(value) ? [asList(value.attribute), 'attributes.attribute'] : [null, 'attributes'];
  if (!list) return `attributes is ${typeof value}; a list or an object is required`;
  return each(list, path, (a, p) => {
    if (!isObject(a)) return `${p} is not an object`;
    const text = optionalText(a, ['label', 'datatype'], `${p}.`);
    if (text) return text;
    const values = Array.isArray(a.values) ? a.values : isObject(a.values) ? asList(a.values.value) : a.values === null || a.values === undefined ? [] : null;
    if (!values) return `${p}.values is ${typeof a.values}; a list is required`;
    return each(values, `${p}.values`, (v, vp) => (isObject(v) && v.document !== undefined && v.document !== null ? embeddedDocument(v.document, `${vp}.document`) : null));
  });
}

export function moduleItemProblem(x: NotubizModuleItem): Problem {
  if (!isObject(x)) return 'not an object';
  const attachments = (x as unknown as Fields).attachments;
  return id(x.id, 'id')
    ?? optionalText(x as unknown as Fields, ['title'], '')
    ?? (x.module === null || x.module === undefined || isObject(x.module) ? null : 'module is not an object')
    ?? optionalList(x.documents, 'documents')
    ?? each(x.documents, 'documents', documentProblem)
    ?? moduleAttributes(x.attributes)
    ?? (attachments === null || attachments === undefined ? null : isObject(attachments) ? each(asList(attachments.document), 'attachments.document', embeddedDocument) : 'attachments is not an object');
}

export function gremiumProblem(g: NotubizGremium): Problem {
  if (!isObject(g)) return 'not an object';
  return id(g.id, 'id') ?? (typeof g.title === 'string' && g.title.trim() ? null : `title is ${show(g.title)}; a non-empty string is required`);
}

export function organisationProblem(o: NotubizOrganisation): Problem {
  if (!isObject(o) || !isObject(o['@attributes'])) return 'no @attributes';
  const orgId = o['@attributes'].id;
  if (typeof orgId !== 'string' || !/^\d{1,9}$/.test(orgId)) return `@attributes.id is ${show(orgId)}; a Notubiz organisation id is required`;
  const fields = o.settings?.folder?.fields?.field;
  return optionalList(fields, 'settings.folder.fields.field')
    ?? each(fields, 'settings.folder.fields.field', (f, p) => (isObject(f) && isObject(f['@attributes']) && typeof f.label === 'string' ? null : `${p} has no @attributes.id and label`));
}
