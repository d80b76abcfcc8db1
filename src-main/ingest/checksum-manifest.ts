import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/**
 * One known football-data file: what its bytes must be. The layout is that of
 * ../shared/data/football-data/manifest-E0.json: `[{ season, div, bytes, sha256, rows }]`.
 */
export interface ChecksumEntry {
  readonly season: string;
  readonly div: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Match rows the file holds (trailing empty rows not counted). */
  readonly rows: number;
}

const entrySchema = z.object({
  season: z.string().regex(/^\d{4}$/, 'expected a season code like 2324'),
  div: z.string().min(1, 'expected a division code like E0'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits'),
  rows: z.number().int().nonnegative(),
});
const manifestSchema = z.array(entrySchema);

/** Validate manifest JSON text; errors name the file, the entry index and the field. */
export function parseChecksumManifest(text: string, file: string): ChecksumEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    throw new Error(`${file}: ${where === '' ? 'the manifest' : `entry ${where.replace(/^\./, '')}`}: ${issue.message}`);
  }
  return parsed.data;
}

export async function readChecksumManifest(file: string): Promise<ChecksumEntry[]> {
  return parseChecksumManifest(await readFile(file, 'utf8'), file);
}

/** The manifest entry for one season file, if the manifest knows it. */
export function checksumOf(manifest: readonly ChecksumEntry[], season: string, div: string): ChecksumEntry | undefined {
  return manifest.find((entry) => entry.season === season && entry.div === div);
}
