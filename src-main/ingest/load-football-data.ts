import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Match } from '../domain/football/match';
import { compareMatches } from './compare-matches';
import { downloadSeasons, seasonFileUrl } from './download';
import { parseFootballDataCsv } from './football-data-csv';

export interface LoadFootballDataOptions {
  /**
   * Where the files are: a folder laid out like the website (`<from>/mmz4281/<season>/<div>.csv`;
   * the `mmz4281` folder itself is accepted too) or an http(s) base URL such as
   * https://www.football-data.co.uk.
   */
  readonly from: string;
  readonly div: string;
  readonly seasons: readonly string[];
}

/**
 * Read (or download, with the retries and timeouts of downloadSeasons) and parse one
 * division's season files, returning every match sorted by date, kick-off, then id. Fails on
 * the first missing or broken file with an error naming it.
 */
export async function loadFootballData(options: LoadFootballDataOptions): Promise<Match[]> {
  const matches: Match[] = [];
  if (isUrl(options.from)) {
    const files = await downloadSeasons({ baseUrl: options.from, divs: [options.div], seasons: options.seasons });
    for (const file of files) matches.push(...parseFootballDataCsv(file.bytes, { file: file.url, season: file.season, div: file.div }));
  } else {
    for (const season of options.seasons) {
      const location = seasonFileLocation(options.from, season, options.div);
      matches.push(...parseFootballDataCsv(await readLocalFile(location), { file: location, season, div: options.div }));
    }
  }
  return matches.sort(compareMatches);
}

/** Path or URL of one season file under `from` in the football-data layout. */
export function seasonFileLocation(from: string, season: string, div: string): string {
  if (isUrl(from)) return seasonFileUrl(from, season, div);
  const root = path.basename(path.resolve(from)) === 'mmz4281' || !existsSync(path.join(from, 'mmz4281')) ? from : path.join(from, 'mmz4281');
  return path.join(root, season, `${div}.csv`);
}

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

async function readLocalFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: no such file (expected the football-data layout <from>/mmz4281/<season>/<div>.csv)` : `${file}: ${(error as Error).message}`);
  }
}
