/**
 * Date windows for listing an upstream by period. A window that holds more than the upstream should
 * be asked for at once is halved until it fits, so a list is never truncated silently and no
 * request or write grows with the city's size.
 */
import { DateTime } from 'luxon';

export interface Window {
  /** Start, inclusive (ISO 8601 instant). */
  from: string;
  /** End, exclusive (ISO 8601 instant). */
  to: string;
}

/** [from, to) cut at calendar boundaries every `months` months, in `zone`. */
export function windowsOf(from: string, to: string, months: number, zone: string): Window[] {
  const end = DateTime.fromISO(to, { zone });
  let start = DateTime.fromISO(from, { zone });
  const out: Window[] = [];
  while (start < end) {
    // Cut on the zone's month starts, so windows line up across runs.
    const next = DateTime.min(start.startOf('month').plus({ months }), end);
    out.push({ from: start.toUTC().toISO()!, to: next.toUTC().toISO()! });
    start = next;
  }
  return out;
}

/** The two halves of a window (cut at a whole second); null when it is a second or shorter. */
export function halve(w: Window): [Window, Window] | null {
  const a = Date.parse(w.from);
  const b = Date.parse(w.to);
  if (b - a <= 1000) return null;
  const middle = new Date(Math.floor((a + (b - a) / 2) / 1000) * 1000).toISOString();
  return [{ from: w.from, to: middle }, { from: middle, to: w.to }];
}

/** UTC `YYYY-MM-DDTHH:mm:ssZ`, the form Ahjo's date parameters take. */
export function utcParam(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat("yyyy-LL-dd'T'HH:mm:ss'Z'");
}

/** Local `YYYY-MM-DD HH:mm:ss` in `zone`, the form Notubiz's date parameters take. */
export function localSqlParam(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('yyyy-LL-dd HH:mm:ss');
}

/**
 * Lists every window between `from` and `to`: `fetch` answers a window with its items, or with
 * `tooMany` when the window holds more than `maxPerWindow`; such a window is halved and each half
 * listed in turn (oldest first). `each` gets every listed window's items.
 */
export async function walkWindows<T>(
  windows: Window[],
  fetch: (w: Window) => Promise<{ items: T[] } | { tooMany: number }>,
  each: (w: Window, items: T[]) => Promise<void>,
): Promise<void> {
  const stack = [...windows].reverse();
  while (stack.length) {
    const w = stack.pop()!;
    const answer = await fetch(w);
    if ('tooMany' in answer) {
      const halves = halve(w);
      if (!halves) throw new Error(`more than the upstream can list at once (${answer.tooMany}) within one second at ${w.from}`);
      stack.push(halves[1], halves[0]);
      continue;
    }
    await each(w, answer.items);
  }
}
