/**
 * Ahjo decisions → Decisions. Ahjo keeps a translation (Helsinki's Swedish ones) as a separate
 * decision with its own NativeId; paatokset.hel.fi pairs them by case, meeting, section and language.
 * We do the same: translations become language versions of one Decision whose id is the version's
 * in the city's main language.
 */
import { attachmentOf, type Attachment } from './attachment';
import { bodyOf, type Body } from './body';
import { categoryOf, type Category } from './category';
import { dateOf, dateTimeOf, gid, nonEmpty, pageUrl, selfLink, type MappingCity } from './common';
import { decisionStatement, outcomeOf, type Outcome } from './outcome';
import { htmlLang, richTextOf, type RichText } from './text';
import { htmlToPlain } from '../../shared/text';
import { voteEventsOf, type VoteEvent } from './votes';
import type { AhjoDecision, AhjoMeetingSummary } from '../upstream/types';

/** Of a city with two languages (Helsinki: Finnish and Swedish), each to the other; otherwise none. */
function otherLanguage(city: MappingCity, lang: string): string | undefined {
  if (city.languages.length !== 2 || !city.languages.includes(lang)) return undefined;
  return city.languages.find((l) => l !== lang);
}

export interface DecisionVersion {
  lang: string;
  sourceId: string;
  title: string;
  sourceUrl: string | null;
  content: RichText | null;
  proposal: RichText | null;
  decisionHistory: RichText | null;
}

export interface Decision {
  id: string;
  sourceId: string;
  language: string;
  availableLanguages: string[];
  versions: DecisionVersion[];
  titles: Array<{ lang: string; text: string }>;
  date: string | null;
  decidedAt: string | null;
  outcome: Outcome;
  outcomeRaw: string | null;
  body: Body | null;
  meetingRef: AhjoMeetingSummary | null;
  caseSourceId: string | null;
  caseIdLabel: string | null;
  number: string | null;
  section: string | null;
  classificationCode: string | null;
  classificationTitle: string | null;
  categories: Category[];
  voteEvents: VoteEvent[];
  attachments: Attachment[];
  isOfficerDecision: boolean;
  pdf: { versionSeriesId: string | null; language: string | null; issuedAt: string | null } | null;
  url: string | null;
  sourceUrl: string | null;
  /** Every NativeId this decision answers to (all its language versions). */
  nativeIds: string[];
}

/** Language of one Ahjo decision: its PDF's Language, else `<html lang>` of Content, else the city's main language. */
export function decisionLanguage(city: MappingCity, d: AhjoDecision): string {
  return nonEmpty(d.PDF?.Language)?.toLowerCase() ?? htmlLang(d.Content) ?? htmlLang(d.Motion) ?? city.main;
}

/** Local date-time the decision was taken: DateDecision, else the meeting's date, else the PDF's Issued. */
export function decisionLocalTime(d: AhjoDecision): string | null {
  return nonEmpty(d.DateDecision) ?? nonEmpty(d.Meeting?.DateMeeting) ?? nonEmpty(d.PDF?.Issued);
}

/** Key under which language versions of one decision meet; null when the decision cannot be paired. */
export function translationKey(city: MappingCity, d: AhjoDecision): string | null {
  const section = nonEmpty(d.Section);
  const caseId = nonEmpty(d.CaseID);
  const meetingId = nonEmpty(d.Meeting?.MeetingID);
  const date = dateOf(city, decisionLocalTime(d));
  const where = meetingId ?? (d.Organization?.ID ? `${d.Organization.ID}@${date ?? ''}` : null);
  if (!where || (!section && !caseId)) return null;
  // An undated officer decision without a case: its section number recurs every year (and the
  // yearly template decisions have the same text), so nothing pairs it safely with another.
  if (!meetingId && !date && !caseId) return null;
  return `${caseId ?? ''}|${where}|${section ?? ''}`;
}

/**
 * Groups Ahjo decisions into language versions of the same decision, keeping the input order.
 * Ahjo also publishes some decisions twice under one key: a copy with its own NativeId, the same
 * Finnish content and a Swedish title. Such a copy is the same decision (its vote must not count
 * twice): it joins the group as a duplicate, see decisionOf.
 */
export function groupTranslations(city: MappingCity, decisions: AhjoDecision[]): AhjoDecision[][] {
  const groups: AhjoDecision[][] = [];
  const open = new Map<string, AhjoDecision[]>();
  for (const d of decisions) {
    const key = translationKey(city, d);
    const group = key ? open.get(key) : undefined;
    // A second decision in the same language is a different decision, unless it is a copy.
    if (group && (!group.some((g) => decisionLanguage(city, g) === decisionLanguage(city, d)) || group.some((g) => isCopyOf(city, d, g)))) {
      group.push(d);
      continue;
    }
    const fresh = [d];
    groups.push(fresh);
    if (key && !group) open.set(key, fresh);
  }
  return groups;
}

/** The text of a decision's Content, without the markup and the generator's metadata. */
function contentText(d: AhjoDecision): string {
  return htmlToPlain(d.Content ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether `d` is a second publication of `of`: same language and the same content. */
export function isCopyOf(city: MappingCity, d: AhjoDecision, of: AhjoDecision): boolean {
  if (decisionLanguage(city, d) !== decisionLanguage(city, of)) return false;
  const text = contentText(d);
  return text !== '' && text === contentText(of);
}

function versionOf(city: MappingCity, d: AhjoDecision): DecisionVersion {
  const lang = decisionLanguage(city, d);
  return {
    lang,
    sourceId: d.NativeId,
    title: d.Title,
    sourceUrl: selfLink(d.links),
    content: richTextOf(d.Content, lang),
    proposal: richTextOf(d.Motion, lang),
    decisionHistory: richTextOf(d.DecisionHistoryHTML, lang),
  };
}

/**
 * One Decision from the language versions of a decision (as grouped by groupTranslations). A copy
 * (see isCopyOf) adds only its id, and its title where that is in another language than the
 * versions have (a Swedish title over Finnish content): its votes and attachments are the original's.
 */
export function decisionOf(city: MappingCity, group: AhjoDecision[]): Decision {
  // Of a decision and its copy, the original is the one whose title is its document's own title.
  const sorted = [...group].sort((a, b) => rank(city, a) - rank(city, b) || Number(!titledAsContent(a)) - Number(!titledAsContent(b)));
  const ordered: AhjoDecision[] = [];
  const copies: AhjoDecision[] = [];
  for (const d of sorted) (ordered.some((o) => isCopyOf(city, d, o)) ? copies : ordered).push(d);
  const main = ordered[0];
  const versions = ordered.map((d) => versionOf(city, d));
  for (const copy of copies) {
    // A city publishing in two languages: a copy titled differently carries the title in the other
    // language (Helsinki's real copies have a Swedish title over the Finnish content).
    const lang = otherLanguage(city, versions[0].lang);
    if (lang && !versions.some((v) => v.lang === lang || v.title === copy.Title)) {
      versions.push({ lang, sourceId: copy.NativeId, title: copy.Title, sourceUrl: selfLink(copy.links), content: null, proposal: null, decisionHistory: null });
    }
  }
  const statement = decisionStatement(main.Content);
  const local = decisionLocalTime(main);
  const caseId = nonEmpty(main.CaseID);
  return {
    id: gid(city, 'decision', main.NativeId),
    sourceId: main.NativeId,
    language: versions[0].lang,
    availableLanguages: versions.map((v) => v.lang),
    versions,
    titles: versions.map((v) => ({ lang: v.lang, text: v.title })),
    date: dateOf(city, local),
    decidedAt: dateTimeOf(city, local),
    outcome: outcomeOf(statement),
    outcomeRaw: statement,
    body: main.Organization ? bodyOf(city, main.Organization) : null,
    meetingRef: main.Meeting ?? null,
    caseSourceId: caseId,
    caseIdLabel: nonEmpty(main.CaseIDLabel),
    number: nonEmpty(main.Section),
    section: main.Section ?? null,
    classificationCode: nonEmpty(main.ClassificationCode),
    classificationTitle: nonEmpty(main.ClassificationTitle),
    categories: categoryOf(city, main.ClassificationCode, main.ClassificationTitle),
    voteEvents: voteEventsOf(city, main.NativeId, main.VotingResults),
    attachments: ordered.flatMap((d) => (d.Attachments ?? []).map((r) => attachmentOf(city, r))),
    isOfficerDecision: !main.Meeting && main.Organization?.Type === 'Viranhaltija',
    pdf: main.PDF
      ? { versionSeriesId: nonEmpty(main.PDF.VersionSeriesId), language: nonEmpty(main.PDF.Language), issuedAt: dateTimeOf(city, main.PDF.Issued) }
      : null,
    url: caseId ? pageUrl(city.caseUrl, caseId) : null,
    sourceUrl: versions[0].sourceUrl,
    nativeIds: [...ordered, ...copies].map((d) => d.NativeId),
  };
}

/** Whether the decision's Title is the title its Content document gives itself (`<title>`). */
function titledAsContent(d: AhjoDecision): boolean {
  const own = d.Content?.match(/<title>([^<]*)<\/title>/i)?.[1];
  return !!own && own.replace(/\s+/g, ' ').trim() === d.Title?.replace(/\s+/g, ' ').trim();
}

/** The city's languages in its order (Helsinki: Finnish, then Swedish), then anything else. */
function rank(city: MappingCity, d: AhjoDecision): number {
  const i = city.languages.indexOf(decisionLanguage(city, d));
  return i < 0 ? city.languages.length : i;
}

/** All Decisions of a list of Ahjo decisions, translations merged. */
export function decisionsOf(city: MappingCity, decisions: AhjoDecision[]): Decision[] {
  return groupTranslations(city, decisions).map((group) => decisionOf(city, group));
}
