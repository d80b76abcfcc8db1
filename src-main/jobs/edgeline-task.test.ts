import { describe, expect, it } from 'vitest';
import type { EdgelineService, TaskProgress } from '../app/edgeline-service';
import { EMPTY_IMPORT_SUMMARY } from '../ingest/import-service';
import { reportLedgerWait } from '../ledger/write-transaction';
import { lockKeyOf, runEdgelineTask } from './edgeline-task';

describe('runEdgelineTask for imports', () => {
  it('decodes uploaded bytes exactly in the worker (a Latin-1 0xE9 survives base64)', async () => {
    const seen: Uint8Array[] = [];
    const service = { importFiles: (files: readonly { bytes: Uint8Array }[]) => (seen.push(...files.map((f) => f.bytes)), EMPTY_IMPORT_SUMMARY) } as unknown as EdgelineService;
    const bytes = Uint8Array.from([0x44, 0x69, 0x76, 0x0a, 0x45, 0xe9, 0x0a]);
    await runEdgelineTask(service, { kind: 'import-files', files: [{ name: 'E0.csv', bytesBase64: Buffer.from(bytes).toString('base64') }] }, {});
    expect([...(seen[0] ?? [])]).toEqual([...bytes]);
  });

  it('shares the data lock with downloads, so two imports never interleave', () => {
    expect(lockKeyOf({ kind: 'import-files', files: [] })).toBe('data');
    expect(lockKeyOf({ kind: 'import-paths', paths: [] })).toBe('data');
    expect(lockKeyOf({ kind: 'download', request: { divs: ['E0'], seasons: ['2324'] } })).toBe('data');
  });

  it("holds a live run's lock while it is refreshed, and its division and season's while a new one is created", () => {
    expect(lockKeyOf({ kind: 'live-refresh', request: { runId: 'r1', baseUrl: 'https://x' } })).toBe(lockKeyOf({ kind: 'step', runId: 'r1' }));
    expect(lockKeyOf({ kind: 'live-refresh', request: { create: { div: 'E0', season: '2425', settings: {} }, baseUrl: 'https://x' } })).toBe('live:E0:2425');
  });

  it('reports a wait for the ledger as progress, at the fraction reached so far, and only while the task runs', async () => {
    const service = {
      async download(_request: unknown, options: { onProgress?: (p: TaskProgress) => void }) {
        options.onProgress?.({ fraction: 0.5, message: 'Downloading E0 2324 (2 of 4)' });
        reportLedgerWait({ file: '/data/ledger.sqlite', waitedMs: 3000 });
        return EMPTY_IMPORT_SUMMARY;
      },
    } as unknown as EdgelineService;
    const progress: TaskProgress[] = [];
    await runEdgelineTask(service, { kind: 'download', request: { divs: ['E0'], seasons: ['2324'] } }, { onProgress: (p) => progress.push(p) });
    reportLedgerWait({ file: '/data/ledger.sqlite', waitedMs: 9000 });
    expect(progress).toEqual([
      { fraction: 0.5, message: 'Downloading E0 2324 (2 of 4)' },
      { fraction: 0.5, message: 'Waiting for the ledger /data/ledger.sqlite: another program is writing to it (3 s so far)' },
    ]);
  });
});
