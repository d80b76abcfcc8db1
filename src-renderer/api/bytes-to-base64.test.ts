import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './bytes-to-base64';

describe('bytesToBase64', () => {
  it('encodes Latin-1 bytes untouched', () => {
    // "é" in Latin-1 is the single byte 0xE9: 0x45 0xE9 -> base64 "Rek="
    expect(bytesToBase64(Uint8Array.from([0x45, 0xe9]))).toBe('Rek=');
  });

  it('agrees with Node for any bytes, including more than one chunk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => bytesToBase64(bytes) === Buffer.from(bytes).toString('base64')),
      { numRuns: 25 },
    );
  });
});
