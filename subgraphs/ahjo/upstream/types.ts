/**
 * Ahjo REST API (ahjorest/v1) response shapes, field names exactly as Ahjo sends them.
 * Source: City-of-Helsinki/helsinki-paatokset fixtures and cached dumps (see test/fixtures/helsinki).
 * Ahjo sends local times without offset ("2021-12-14T16:00:00.000"), "" for missing dates, and
 * "true"/"false" strings for some booleans; the types say so.
 */

export interface AhjoLink {
  rel: string;
  href: string;
}

/** "true"/"false" as strings (Organization.Existing), sometimes real booleans. */
export type AhjoBoolString = 'true' | 'false' | boolean | string;

export interface AhjoSector {
  links?: AhjoLink[];
  SectorID: string;
  Sector: string;
  PendingCases?: number;
}

export interface AhjoOrganizationSummary {
  links?: AhjoLink[];
  Name: string;
  ID: string;
  TypeId?: string;
  Existing?: AhjoBoolString;
  Formed?: string;
  Dissolved?: string;
}

export interface AhjoOrganization extends AhjoOrganizationSummary {
  Type?: string;
  Sector?: AhjoSector | null;
  OrganizationLevelAbove?: { organizations: AhjoOrganizationSummary[]; count?: number; links?: AhjoLink[] } | null;
  OrganizationLevelBelow?: { organizations: AhjoOrganizationSummary[]; count?: number; links?: AhjoLink[] } | null;
  IsDecisionMaker?: boolean;
}

export interface AhjoCompositionMember {
  links?: AhjoLink[];
  Name: string;
  ID?: string;
  Role?: string | null;
  DeputyOf?: string | null;
}

export interface AhjoDecisionMaker {
  Organization: AhjoOrganization;
  Sector?: AhjoSector | null;
  Composition?: AhjoCompositionMember[];
}

export interface AhjoRecord {
  links?: AhjoLink[];
  NativeId?: string;
  VersionSeriesId?: string;
  Title: string;
  Type?: string;
  FileURI?: string | null;
  Language?: string | null;
  PersonalData?: string | null;
  PublicityClass?: string | null;
  SecurityReasons?: unknown;
  Issued?: string | null;
  AttachmentNumber?: string | null;
}

export interface AhjoVoter {
  links?: AhjoLink[];
  agentId?: string;
  ID?: string;
  Name: string;
  Title?: string | null;
  CorporateName?: string | null;
  CouncilGroup?: string | null;
}

export interface AhjoVoteOption {
  NumberOfVotes: number;
  Voters?: AhjoVoter[];
  Content?: string | null;
}

export interface AhjoVotingResult {
  links?: AhjoLink[];
  Ayes?: AhjoVoteOption | null;
  Noes?: AhjoVoteOption | null;
  Blank?: AhjoVoteOption | null;
  Absent?: AhjoVoteOption | null;
}

export interface AhjoMeetingSummary {
  links?: AhjoLink[];
  MeetingID: string;
  Name?: string;
  Location?: string | null;
  DateMeeting?: string | null;
  AgendaPublished?: boolean | null;
  MinutesPublished?: boolean | null;
  DecisionMakerId?: string;
  DecisionMaker?: string;
}

export interface AhjoDecision {
  links?: AhjoLink[];
  NativeId: string;
  Title: string;
  CaseID?: string | null;
  CaseIDLabel?: string | null;
  Section?: string | null;
  Content?: string | null;
  Motion?: string | null;
  ClassificationCode?: string | null;
  ClassificationTitle?: string | null;
  Organization?: AhjoOrganization | null;
  Meeting?: AhjoMeetingSummary | null;
  VotingResults?: AhjoVotingResult[] | null;
  Attachments?: AhjoRecord[] | null;
  PreviousDecisions?: unknown[] | null;
  /** Newer fields, absent from the 2022 dump (read by paatokset' current migration). */
  DateDecision?: string | null;
  PDF?: { VersionSeriesId?: string; Language?: string; Issued?: string } | null;
  DecisionHistoryHTML?: string | null;
  DecisionHistoryPDF?: unknown;
  MinutesPDF?: unknown;
}

export interface AhjoAgendaItem {
  links?: AhjoLink[];
  AgendaPoint?: string | number | null;
  Section?: string | null;
  AgendaItem: string;
  PDF?: AhjoRecord | null;
  HTML?: string | null;
  DecisionHistoryPDF?: unknown;
  DecisionHistoryHTML?: string | null;
}

export interface AhjoMeeting extends AhjoMeetingSummary {
  MeetingSequenceNumber?: number | null;
  Status?: string | null;
  Agenda?: AhjoAgendaItem[] | null;
  Composition?: AhjoCompositionMember[] | null;
  PreviousMeeting?: AhjoMeetingSummary | null;
  NextMeeting?: AhjoMeetingSummary | null;
  DecisionAnnouncement?: string | null;
  AttachmentsNotPublishedInfo?: string | null;
  MeetingDocuments?: AhjoRecord[] | null;
}

export interface AhjoHandling {
  links?: AhjoLink[];
  WorkSequenceNumber?: number;
  Sector?: string;
  SectorID?: string;
  Status?: string;
  Created?: string;
  DateNearestDeadline?: string;
}

export interface AhjoCase {
  links?: AhjoLink[];
  CaseID: string;
  CaseIDLabel?: string;
  Title: string;
  Created?: string;
  Acquired?: string;
  ClassificationCode?: string | null;
  ClassificationTitle?: string | null;
  Status?: string | null;
  Language?: string | null;
  PublicityClass?: string | null;
  SecurityReasons?: unknown;
  Handlings?: AhjoHandling[];
  Records?: AhjoRecord[];
}

/** List envelope: the list key plus size/page/links as the real API sends them. */
export interface AhjoList {
  page?: number;
  count?: number;
  nextCount?: number;
  prevCount?: number;
  size?: number;
  links?: AhjoLink[];
}
