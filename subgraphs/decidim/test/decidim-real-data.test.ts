/**
 * The mapping on real decidim.barcelona records (test/fixtures/decidim/, source beside it): process 5
 * and its meeting 646, as a 0.27 instance sends them and as a 0.31 instance would (the same record with
 * 0.31's fields: its `url`, `withdrawn`, `taxonomies` instead of `category`). Both give the same models.
 * The fixture's proposals are made up (its source says so) and are not used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { cityById } from '../../../schema/cities';
import { decidimCity } from '../mapping/city';
import { meetingOf, processOf } from '../mapping/decidim';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bcn = decidimCity(cityById('barcelona'));
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/decidim');
const stub = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'comparative-stats-admin-stub.json'), 'utf8')).data;

/**
 * The module asked `translations { text }`; our client asks `translations { locale text }`. The
 * locales are added in the order decidim.barcelona lists them (ca, es), the texts untouched.
 */
function withLocales(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withLocales);
  if (!value || typeof value !== 'object') return value;
  const v = value as Raw;
  if (Array.isArray(v.translations)) return { translations: v.translations.map((t: Raw, i: number) => ({ locale: ['ca', 'es'][i] ?? 'en', ...t })) };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withLocales(x)]));
}

const process27 = withLocales(stub.participatoryProcesses[0]) as Raw;
const meetings = process27.components.find((c: Raw) => c.__typename === 'Meetings');
const meeting27 = meetings.meetings.edges[0].node as Raw;
const listedIn = { processSlug: process27.slug, componentId: meetings.id };
const PROCESS_URL = 'https://www.decidim.barcelona/processes/revisio-de-la-normativa-de-participacio-ciutadana';
const MEETING_URL = `${PROCESS_URL}/f/17/meetings/646`;

// The same records as 0.31 sends them: the URLs Decidim gives, the withdrawn flag and taxonomies.
const process31 = { ...process27, url: PROCESS_URL };
const meeting31 = { ...meeting27, url: MEETING_URL, isWithdrawn: false, withdrawn: false, taxonomies: [] };

describe('real decidim.barcelona records (process 5, meeting 646)', () => {
  it('the fixture is the real process and meeting its source names', () => {
    expect(fs.readFileSync(path.join(FIXTURES, 'comparative-stats-admin-stub.source.txt'), 'utf8')).toMatch(/^Source: Platoniq\/decidim-module-comparative_stats/m);
    expect([process27.id, meetings.id, meeting27.id]).toEqual(['5', '17', '646']);
  });

  it('maps the process, with its page on decidim.barcelona, alike from 0.27 and 0.31', () => {
    const p = processOf(bcn, process27);
    expect(p).toMatchObject({
      id: 'barcelona:process:5',
      slug: 'revisio-de-la-normativa-de-participacio-ciutadana',
      titles: [{ lang: 'ca', text: 'Normes de Participació' }, { lang: 'es', text: 'Normas de Participación' }],
      startDate: '2016-10-20',
      endDate: '2017-07-30',
      url: PROCESS_URL,
    });
    expect(processOf(bcn, process31)).toEqual(p);
  });

  it('maps the meeting: its times and local date, address, coordinates and page, alike from 0.27 and 0.31', () => {
    const now = DateTime.fromISO('2026-12-02T12:00:00Z');
    const m = meetingOf(bcn, meeting27, '5', listedIn, now);
    expect(m).toMatchObject({
      id: 'barcelona:meeting:decidim:646',
      processSourceId: '5',
      start: '2016-10-17T12:00:00+02:00',
      end: '2016-10-17T15:00:00+02:00',
      date: '2016-10-17',
      address: 'Carrer del Regomir, 3, 08002 Barcelona, Espanya',
      coordinates: { latitude: 41.3815653, longitude: 2.17902400000003 },
      // The location's translations are empty strings: no location.
      location: null,
      status: 'HELD',
      url: MEETING_URL,
    });
    expect(m.titles[0]).toEqual({ lang: 'ca', text: expect.stringMatching(/^Sessió de treball amb els secretaris/) });
    expect(meetingOf(bcn, meeting31, '5', listedIn, now)).toEqual(m);
    // 0.31's own url wins even where the listing is unknown.
    expect(meetingOf(bcn, meeting31, '5', undefined, now).url).toBe(MEETING_URL);
  });

  it('a meeting without geocoding has null coordinates, however the instance leaves them out', () => {
    for (const coordinates of [null, undefined, { latitude: null, longitude: null }]) {
      expect(meetingOf(bcn, { ...meeting27, coordinates }, '5', listedIn).coordinates).toBeNull();
    }
  });

  it('a withdrawn meeting is CANCELLED by `isWithdrawn` (every release) or `withdrawn` (0.30+)', () => {
    expect(meetingOf(bcn, { ...meeting27, isWithdrawn: true }, '5').status).toBe('CANCELLED');
    expect(meetingOf(bcn, { ...meeting31, withdrawn: true }, '5').status).toBe('CANCELLED');
  });
});
