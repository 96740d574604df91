/**
 * What a Decidim record must carry to be mapped: an id the subgraph can serve (`process-{id}`,
 * `decidim:{id}` take up to 12 digits) and fields of the right shapes. A record that fails is set
 * aside with the reason (and counted in `sources`) instead of being mapped into something wrong; the
 * rest of the sync goes on. (Plenary rows the parser cannot place are set aside by the sync too.)
 */
type Raw = Record<string, unknown>;
type Problem = string | null;

const ID = /^\d{1,12}$/;

function idProblem(record: unknown): Problem {
  if (!record || typeof record !== 'object') return 'not an object';
  const id = (record as Raw).id;
  if ((typeof id !== 'string' && typeof id !== 'number') || !ID.test(String(id))) return `id ${JSON.stringify(id)} is not a Decidim id (1 to 12 digits)`;
  return null;
}

/** A TranslatedField, a plain string (0.27 has a few), or nothing. */
function translatedProblem(record: Raw, field: string): Problem {
  const v = record[field];
  if (v === null || v === undefined || typeof v === 'string') return null;
  if (typeof v === 'object' && (Array.isArray((v as Raw).translations) || typeof (v as Raw).translation === 'string')) return null;
  return `${field} is not a translated text`;
}

function timeProblem(record: Raw, field: string): Problem {
  const v = record[field];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) return `${field} ${JSON.stringify(v)} is not a date-time`;
  return null;
}

export function processProblem(p: unknown): Problem {
  return idProblem(p) ?? translatedProblem(p as Raw, 'title');
}

export function proposalProblem(n: unknown): Problem {
  return idProblem(n) ?? translatedProblem(n as Raw, 'title') ?? translatedProblem(n as Raw, 'body') ?? timeProblem(n as Raw, 'publishedAt');
}

export function meetingProblem(n: unknown): Problem {
  return idProblem(n) ?? translatedProblem(n as Raw, 'title') ?? timeProblem(n as Raw, 'startTime') ?? timeProblem(n as Raw, 'endTime')
    ?? ((n as Raw).agenda && !Array.isArray(((n as Raw).agenda as Raw).items ?? []) ? 'agenda.items is not a list' : null);
}

export function resultProblem(n: unknown): Problem {
  const r = n as Raw;
  return idProblem(n) ?? translatedProblem(r, 'title') ?? (r.progress !== null && r.progress !== undefined && typeof r.progress !== 'number' ? 'progress is not a number' : null);
}
