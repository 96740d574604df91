/**
 * Decidim release numbers, as both the client (which query set to send) and the replica (which
 * schema to serve) compare them. Only major.minor matters: Decidim changes its API between minor
 * releases, never within a patch line.
 */

/** A release as one comparable number: 0.27.5 → 27, 0.31.1 → 31, a future 1.2 → 102. */
export type DecidimRelease = number;

/** `major.minor` of a version string ("0.27.5", "0.31.0.rc1", "0.28-stable"), or null when it is none. */
export function decidimRelease(version: string | null | undefined): DecidimRelease | null {
  const m = /^\s*v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? Number(m[1]) * 100 + Number(m[2]) : null;
}

/** How a release reads in messages: 27 → "0.27". */
export function releaseName(release: DecidimRelease): string {
  return `${Math.floor(release / 100)}.${String(release % 100).padStart(2, '0')}`;
}
