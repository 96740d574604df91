/** What the subgraph uses of Decidim, after mapping (see mapping/decidim.ts for how it is read). */
import type { Outcome } from './decision';

export interface Localized {
  lang: string;
  text: string;
}

export interface ProcessModel {
  id: string;
  sourceId: string;
  slug: string | null;
  reference: string | null;
  titles: Localized[];
  subtitles: Localized[];
  shortDescriptions: Localized[];
  startDate: string | null;
  endDate: string | null;
  /** Its public page on the instance. */
  url: string | null;
}

export interface ProposalModel {
  id: string;
  sourceId: string;
  processSourceId: string;
  reference: string | null;
  titles: Localized[];
  bodies: Localized[];
  state: string | null;
  outcome: Outcome;
  answers: Localized[];
  answeredAt: string | null;
  publishedAt: string | null;
  voteCount: number | null;
  endorsementsCount: number | null;
  official: boolean | null;
  address: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  category: { id: string; code: string | null; name: string; scheme: string; parentCode: string | null } | null;
  /** Its public page on the instance (null when the listing did not say where it is). */
  url: string | null;
}

export interface AgendaItemModel {
  id: string;
  number: string | null;
  title: string;
  descriptions: Localized[];
  children: AgendaItemModel[];
  parentId: string | null;
}

export interface MeetingModel {
  id: string;
  sourceId: string;
  processSourceId: string;
  titles: Localized[];
  start: string | null;
  end: string | null;
  date: string | null;
  location: string | null;
  address: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  typeOfMeeting: string | null;
  attendeeCount: number | null;
  closingReports: Localized[];
  status: 'SCHEDULED' | 'HELD' | 'CANCELLED' | 'UNKNOWN';
  statusRaw: string | null;
  agenda: AgendaItemModel[];
  /** Its public page on the instance (null when the listing did not say where it is). */
  url: string | null;
}

export interface ResultModel {
  id: string;
  sourceId: string;
  processSourceId: string;
  reference: string | null;
  titles: Localized[];
  descriptions: Localized[];
  progress: number | null;
  statusKey: string | null;
  statusNames: Localized[];
  startDate: string | null;
  endDate: string | null;
  parentSourceId: string | null;
  /** Its public page on the instance (null when the listing did not say where it is). */
  url: string | null;
}

export interface DecidimData {
  processes: ProcessModel[];
  proposals: ProposalModel[];
  meetings: MeetingModel[];
  results: ResultModel[];
  fetchedAt: string;
}
