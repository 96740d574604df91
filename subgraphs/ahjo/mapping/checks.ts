/**
 * What an Ahjo record must carry to be mapped: its id and title, of the right types. A record that
 * fails is set aside with the reason (and counted in `sources`) instead of being mapped into
 * something wrong; the rest of the sync goes on.
 */
import type { AhjoCase, AhjoDecision, AhjoDecisionMaker, AhjoMeeting } from '../upstream/types';

const GUID = /^\{?[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}\}?$/;

type Problem = string | null;

function text(value: unknown, field: string): Problem {
  if (typeof value !== 'string' || !value.trim()) return `${field} is ${value === undefined ? 'missing' : JSON.stringify(value)}; a non-empty string is required`;
  return null;
}

function optionalText(record: Record<string, unknown>, fields: string[]): Problem {
  for (const f of fields) {
    const v = record[f];
    if (v !== null && v !== undefined && typeof v !== 'string') return `${f} is ${typeof v}; a string or null is required`;
  }
  return null;
}

export function decisionProblem(d: AhjoDecision): Problem {
  if (!d || typeof d !== 'object') return 'not an object';
  if (typeof d.NativeId !== 'string' || !GUID.test(d.NativeId)) return `NativeId ${JSON.stringify(d.NativeId)} is not a GUID`;
  return text(d.Title, 'Title')
    ?? optionalText(d as unknown as Record<string, unknown>, ['Content', 'Motion', 'CaseID', 'Section', 'DateDecision', 'ClassificationCode'])
    ?? (d.Organization && typeof d.Organization.ID !== 'string' ? 'Organization.ID is not a string' : null)
    ?? (d.Meeting && typeof d.Meeting.MeetingID !== 'string' ? 'Meeting.MeetingID is not a string' : null)
    ?? (d.VotingResults !== null && d.VotingResults !== undefined && !Array.isArray(d.VotingResults) ? 'VotingResults is not a list' : null);
}

export function meetingProblem(m: AhjoMeeting): Problem {
  if (!m || typeof m !== 'object') return 'not an object';
  if (typeof m.MeetingID !== 'string' || !/^[0-9A-Za-z]{4,40}$/.test(m.MeetingID)) return `MeetingID ${JSON.stringify(m.MeetingID)} is not an Ahjo meeting id`;
  return optionalText(m as unknown as Record<string, unknown>, ['Name', 'DateMeeting', 'Location', 'Status', 'DecisionMakerId'])
    ?? (m.Agenda !== null && m.Agenda !== undefined && !Array.isArray(m.Agenda) ? 'Agenda is not a list' : null);
}

export function caseProblem(c: AhjoCase): Problem {
  if (!c || typeof c !== 'object') return 'not an object';
  if (typeof c.CaseID !== 'string' || !/^[A-Za-z]{2,6}[- ]\d{4}-\d{6}$/.test(c.CaseID)) return `CaseID ${JSON.stringify(c.CaseID)} is not an Ahjo case id`;
  return text(c.Title, 'Title') ?? optionalText(c as unknown as Record<string, unknown>, ['CaseIDLabel', 'Created', 'Status']);
}

export function decisionMakerProblem(dm: AhjoDecisionMaker): Problem {
  if (!dm || typeof dm !== 'object' || !dm.Organization) return 'no Organization';
  return text(dm.Organization.ID, 'Organization.ID') ?? text(dm.Organization.Name, 'Organization.Name');
}
