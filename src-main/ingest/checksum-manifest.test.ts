import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumOf, parseChecksumManifest, readChecksumManifest } from './checksum-manifest';

const SHARED_MANIFEST = path.resolve(process.cwd(), '../shared/data/football-data/manifest-E0.json');
const entry = { season: '2324', div: 'E0', bytes: 10, sha256: 'a'.repeat(64), rows: 380 };

describe('checksum manifests', () => {
  it('reads the shared EPL manifest: 19 seasons of 380 rows', async () => {
    const manifest = await readChecksumManifest(SHARED_MANIFEST);
    expect(manifest).toHaveLength(19);
    expect(manifest.every((e) => e.div === 'E0' && e.rows === 380)).toBe(true);
    expect(checksumOf(manifest, '2324', 'E0')?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(checksumOf(manifest, '2324', 'E1')).toBeUndefined();
  });

  it('names the file, entry and field at fault', () => {
    expect(() => parseChecksumManifest(JSON.stringify([entry, { ...entry, sha256: 'XYZ' }]), 'm.json')).toThrow('m.json: entry [1].sha256: expected 64 lower-case hex digits');
    expect(() => parseChecksumManifest(JSON.stringify([{ ...entry, season: '23-24' }]), 'm.json')).toThrow('m.json: entry [0].season: expected a season code like 2324');
    expect(() => parseChecksumManifest('{"season":"2324"}', 'm.json')).toThrow('m.json: the manifest: ');
    expect(() => parseChecksumManifest('[', 'm.json')).toThrow('m.json: not JSON: ');
  });
});
