/**
 * Decidim GraphQL answers (0.27 to 0.31, upstream/decidim-queries.ts) → the subgraph's models, the
 * same whatever the release: endorsementsCount or likesCount; category or the first taxonomy;
 * a withdrawn proposal by its state (≤ 0.28) or its `withdrawn` flag (0.29+); a withdrawn meeting by
 * `isWithdrawn` or `withdrawn`; the public URL as 0.31 gives it, else built from where the item was
 * listed. TranslatedField `{translations:[{locale,text}]}` becomes localized text (every locale
 * present); proposal `state` becomes an Outcome with the raw state kept; meeting times already carry
 * offsets (Decidim sends ISO 8601 with offset). The city (ids, zone, language, instance) is a parameter.
 */
import { DateTime } from 'luxon';
import type { Outcome } from './decision';
import type { DecidimCity } from './city';
import type { AgendaItemModel, Localized, MeetingModel, ProcessModel, ProposalModel, ResultModel } from './decidim-model';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A TranslatedField (or a plain string, for fields that are not translatable in 0.27) as localized
 * texts; a plain string is taken to be in the city's main language `main`.
 */
export function localized(field: unknown, main: string): Localized[] {
  if (field === null || field === undefined) return [];
  if (typeof field === 'string') return field.trim() ? [{ lang: main, text: field }] : [];
  const f = field as Raw;
  if (Array.isArray(f.translations)) {
    return f.translations
      .filter((t: Raw) => typeof t?.text === 'string' && t.text.trim() !== '')
      .map((t: Raw) => ({ lang: String(t.locale).slice(0, 2).toLowerCase(), text: t.text as string }));
  }
  if (typeof f.translation === 'string' && f.translation.trim()) return [{ lang: main, text: f.translation }];
  return [];
}

/** `localized` under another name, for the mappers that bind the city's main language to it. */
const localizedIn = localized;

/** Decidim proposal states (0.27): accepted, rejected, evaluating, withdrawn, or null (not answered). */
export function proposalOutcomeOf(state: string | null | undefined): Outcome {
  switch ((state ?? '').toLowerCase()) {
    case 'accepted':
      return 'ADOPTED';
    case 'rejected':
      return 'REJECTED';
    case 'withdrawn':
      return 'WITHDRAWN';
    default:
      return 'UNKNOWN';
  }
}

/** Absent coordinates (null, or an object with null fields) are null, never half an object. */
function coordinatesOf(c: Raw | null | undefined) {
  return c && typeof c.latitude === 'number' && typeof c.longitude === 'number' ? { latitude: c.latitude, longitude: c.longitude } : null;
}

/** Where an item was listed (Decidim's nodes do not say): the process's slug and the component, which make its URL. */
export interface ListedIn {
  processSlug: string | null;
  componentId: string;
}

/** `{instance}/processes/{slug}` and below: the page Decidim serves for a process or a resource. */
export function processUrl(city: DecidimCity, slug: string | null | undefined): string | null {
  return slug ? `${city.instanceUrl}/processes/${encodeURIComponent(slug)}` : null;
}

/** A resource's page (`…/f/{componentId}/{meetings|proposals|results}/{id}`): 0.31's `url` when sent, else built from where it was listed. */
export function resourceUrl(city: DecidimCity, node: Raw, kind: 'meetings' | 'proposals' | 'results', listedIn?: ListedIn): string | null {
  if (typeof node.url === 'string' && node.url) return node.url;
  const process = processUrl(city, listedIn?.processSlug);
  return process && listedIn?.componentId ? `${process}/f/${listedIn.componentId}/${kind}/${node.id}` : null;
}

/** A category (≤ 0.29) or, from 0.30, the first taxonomy (what the categories became), as the subgraph's category. */
function classificationOf(city: DecidimCity, n: Raw): ProposalModel['category'] {
  const fromTaxonomy = !n.category && Array.isArray(n.taxonomies);
  const raw: Raw | null | undefined = fromTaxonomy ? n.taxonomies.find((t: Raw | null) => t) : n.category;
  const name = raw ? localizedIn(raw.name, city.main)[0] : null;
  if (!raw || !name) return null;
  const code = fromTaxonomy ? `taxonomy-${raw.id}` : String(raw.id);
  return { id: city.gid('category', `decidim-${code}`), code, name: name.text, scheme: fromTaxonomy ? 'Decidim taxonomy' : 'Decidim category', parentCode: null };
}

export function processOf(city: DecidimCity, p: Raw): ProcessModel {
  const localized = (f: unknown) => localizedIn(f, city.main);
  return {
    id: city.gid('process', String(p.id)),
    sourceId: String(p.id),
    slug: p.slug ?? null,
    reference: p.reference ?? null,
    titles: localized(p.title),
    subtitles: localized(p.subtitle),
    shortDescriptions: localized(p.shortDescription),
    startDate: p.startDate ?? null,
    endDate: p.endDate ?? null,
    url: typeof p.url === 'string' && p.url ? p.url : processUrl(city, p.slug),
  };
}

export function proposalOf(city: DecidimCity, n: Raw, processSourceId: string, listedIn?: ListedIn): ProposalModel {
  const localized = (f: unknown) => localizedIn(f, city.main);
  // 0.29+ withdraws with a flag and keeps the state; the subgraph's state says `withdrawn` in every release.
  const state: string | null = n.withdrawn === true ? 'withdrawn' : (n.state ?? null);
  const likes = typeof n.likesCount === 'number' ? n.likesCount : n.endorsementsCount;
  return {
    id: city.gid('proposal', String(n.id)),
    sourceId: String(n.id),
    processSourceId,
    reference: n.reference ?? null,
    titles: localized(n.title),
    bodies: localized(n.body),
    state,
    outcome: proposalOutcomeOf(state),
    answers: localized(n.answer),
    answeredAt: n.answeredAt ?? null,
    publishedAt: n.publishedAt ?? null,
    voteCount: typeof n.voteCount === 'number' ? n.voteCount : null,
    endorsementsCount: typeof likes === 'number' ? likes : null,
    official: typeof n.official === 'boolean' ? n.official : null,
    address: n.address || null,
    coordinates: coordinatesOf(n.coordinates),
    category: classificationOf(city, n),
    url: resourceUrl(city, n, 'proposals', listedIn),
  };
}

/**
 * Decidim's `agenda.items` lists every item, sub-items included, each with `parent { id }`:
 * rebuild the tree, ordered by `position`.
 */
export function agendaItemsOf(city: DecidimCity, items: Array<Raw | null> | null | undefined): AgendaItemModel[] {
  const localized = (f: unknown) => localizedIn(f, city.main);
  const all = (items ?? []).filter((i): i is Raw => i !== null);
  const build = (parent: string | null, parentGid: string | null): AgendaItemModel[] =>
    all
      .filter((i) => (i.parent?.id ? String(i.parent.id) : null) === parent)
      .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
      .map((i) => {
        const id = city.gid('agendaitem', `decidim:${i.id}`);
        return {
          id,
          number: i.position === null || i.position === undefined ? null : String(i.position),
          title: localized(i.title)[0]?.text ?? String(i.id),
          descriptions: localized(i.description),
          children: build(String(i.id), id),
          parentId: parentGid,
        };
      });
  return build(null, null);
}

export function meetingOf(city: DecidimCity, n: Raw, processSourceId: string, listedIn?: ListedIn, now: DateTime = DateTime.now()): MeetingModel {
  const localized = (f: unknown) => localizedIn(f, city.main);
  const start = n.startTime ? DateTime.fromISO(n.startTime, { setZone: true }) : null;
  const end = n.endTime ? DateTime.fromISO(n.endTime, { setZone: true }) : null;
  const withdrawn = n.isWithdrawn === true || n.withdrawn === true || !!n.withdrawnAt;
  const status: MeetingModel['status'] = withdrawn ? 'CANCELLED' : n.closed || (start && start < now) ? 'HELD' : start ? 'SCHEDULED' : 'UNKNOWN';
  return {
    id: city.gid('meeting', `decidim:${n.id}`),
    sourceId: `decidim:${n.id}`,
    processSourceId,
    titles: localized(n.title),
    start: start?.isValid ? start.toISO({ suppressMilliseconds: true }) : null,
    end: end?.isValid ? end.toISO({ suppressMilliseconds: true }) : null,
    date: start?.isValid ? start.setZone(city.zone).toISODate() : null,
    location: localized(n.location)[0]?.text ?? null,
    address: n.address || null,
    coordinates: coordinatesOf(n.coordinates),
    typeOfMeeting: n.typeOfMeeting ?? null,
    attendeeCount: typeof n.attendeeCount === 'number' ? n.attendeeCount : null,
    closingReports: localized(n.closingReport),
    status,
    statusRaw: withdrawn ? 'withdrawn' : n.closed ? 'closed' : null,
    agenda: agendaItemsOf(city, n.agenda?.items),
    url: resourceUrl(city, n, 'meetings', listedIn),
  };
}

export function resultOf(city: DecidimCity, n: Raw, processSourceId: string, listedIn?: ListedIn): ResultModel {
  const localized = (f: unknown) => localizedIn(f, city.main);
  return {
    id: city.gid('result', String(n.id)),
    sourceId: String(n.id),
    processSourceId,
    reference: n.reference ?? null,
    titles: localized(n.title),
    descriptions: localized(n.description),
    progress: typeof n.progress === 'number' ? n.progress : null,
    statusKey: n.status?.key ?? null,
    statusNames: localized(n.status?.name),
    startDate: n.startDate ?? null,
    endDate: n.endDate ?? null,
    parentSourceId: n.parent?.id ? String(n.parent.id) : null,
    url: resourceUrl(city, n, 'results', listedIn),
  };
}
