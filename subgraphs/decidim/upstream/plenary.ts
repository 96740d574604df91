/**
 * Fetches one of a city's plenary files (Acords del Plenari format) with conditional GET (If-None-Match / If-Modified-Since)
 * and a descriptive User-Agent (Barcelona's firewall rejects some bot agents with HTTP 418). Only the
 * sync calls it. Anything that is not the file (a 404, an HTML page with status 200, a file that
 * does not parse) is an UpstreamError: the sync fails and the rows of the last good file keep serving.
 */
import { UpstreamError } from '../../shared/errors';
import type { UpstreamClient } from '../../shared/upstream';
import { parsePlenaryFile, type ParsedPlenaryFile, type PlenaryOptions } from '../mapping/plenary';

export interface PlenaryFileSpec {
  /** The upstream key of the file (its `sources` entry), also written into every agreement as `file`. */
  key: string;
  /** File name under the base URL. */
  name: string;
  parse: (content: string, key: string) => ParsedPlenaryFile;
}

/** A city's plenary files (its `plenaryFiles` setting), each parsed with the city's groups. */
export function plenaryFileSpecs(files: Array<{ key: string; name: string }>, options: PlenaryOptions): PlenaryFileSpec[] {
  return files.map(({ key, name }) => ({ key, name, parse: (content: string, file: string) => parsePlenaryFile(content, file, options) }));
}

/** The validators of the copy held, sent so that an unchanged file answers 304. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type PlenaryAnswer =
  | { status: 304 }
  | { status: 200; content: string; etag: string | null; lastModified: string | null; parsed: ParsedPlenaryFile };

export class PlenaryFileClient {
  /** `http` points at the folder that holds the files. */
  constructor(readonly http: UpstreamClient) {}

  url(spec: PlenaryFileSpec): string {
    return this.http.url([spec.name]);
  }

  /** The file if it changed since `held` (parsed, or an error saying why it is not the file), else 304. */
  async fetch(spec: PlenaryFileSpec, held: Validators | undefined): Promise<PlenaryAnswer> {
    const headers: Record<string, string> = { accept: 'text/csv, */*' };
    if (held?.etag) headers['if-none-match'] = held.etag;
    if (held?.lastModified) headers['if-modified-since'] = held.lastModified;
    const request = `GET ${spec.name}`;
    return this.http.send({ segments: [spec.name], headers, name: request }, (r): PlenaryAnswer => {
      if (r.status === 404) throw new UpstreamError(this.http.options.city, this.http.options.upstream, request, 'HTTP 404: the file is not there', 404);
      if (r.status === 304) {
        if (!held?.etag && !held?.lastModified) throw this.http.badResponse(request, 'answered 304 to a request without validators', 304);
        return { status: 304 };
      }
      // A maintenance page or a different file served with 200 must not replace the last good rows.
      if (/text\/html/i.test(r.headers.get('content-type') ?? '') || /^\s*</.test(r.text)) throw this.http.badResponse(request, 'answered with an HTML page instead of the CSV file', r.status);
      let parsed: ParsedPlenaryFile;
      try {
        parsed = spec.parse(r.text, spec.key);
      } catch (err) {
        throw this.http.badResponse(request, `answered with a file that does not parse: ${(err as Error).message.slice(0, 200)}`, r.status);
      }
      return { status: 200, content: r.text, etag: r.headers.get('etag'), lastModified: r.headers.get('last-modified'), parsed };
    });
  }
}
