import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../src-main/ipc/renderer-contract';
import { registerHandlers } from '../../src-main/ipc/register';
import { createInMemoryEdgelineService } from '../../src-main/ipc/test-support/in-memory-edgeline-service';
import type { EdgelineTask } from '../../src-main/jobs/edgeline-task';
import { JobRunner } from '../../src-main/jobs/job-runner';
import { startServer, type RunningServer } from '../../src-main/serve';
import { createHttpBridge, takeToken, TOKEN_STORAGE_KEY } from './http-bridge';
import { waitForJob } from './wait-for-job';

let server: RunningServer;
let rendererDir: string;
const jobs = new JobRunner<EdgelineTask>({ workerUrl: new URL('../../src-main/ipc/test-support/in-memory-job-worker.ts', import.meta.url), workerData: null });

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'edgeline-bridge-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  server = await startServer({ handlers: registerHandlers({ service: createInMemoryEdgelineService(), jobs }), rendererDir });
});

afterAll(async () => {
  await server.close();
  await jobs.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** The page calls relative URLs; under Node the test supplies the server's origin. */
const fetchFromPage = (origin: () => string): typeof fetch => ((input: string, init?: RequestInit) => fetch(`${origin()}${input}`, init)) as typeof fetch;

describe('createHttpBridge', () => {
  it('calls a channel with the token and returns the Result value', async () => {
    const api = createHttpBridge(server.token, fetchFromPage(() => `http://127.0.0.1:${server.port}`));
    const created = await api.invoke('runs:create', { settings: { name: 'From the page', div: 'E0', holdoutSeason: '2324' } });
    expect(created.ok && created.value.name).toBe('From the page');
  });

  it('returns the 401 as an unauthorized value when the token is wrong', async () => {
    const api = createHttpBridge('0'.repeat(64), fetchFromPage(() => `http://127.0.0.1:${server.port}`));
    const result = await api.invoke('runs:list', {});
    expect(!result.ok && result.error.code).toBe('unauthorized');
  });

  it('explains how to get a token when the page has none', async () => {
    const api = createHttpBridge(null, fetchFromPage(() => `http://127.0.0.1:${server.port}`));
    expect(await api.invoke('runs:list', {})).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'No access token: open the address printed by "npm run serve" (it ends in ?token=...)' },
    });
  });

  it('turns a server that is gone into a failed value naming the likely cause', async () => {
    const api = createHttpBridge(server.token, fetchFromPage(() => 'http://127.0.0.1:1'));
    const result = await api.invoke('runs:list', {});
    expect(!result.ok && result.error.code).toBe('failed');
    expect(!result.ok && result.error.message).toMatch(/^The Edgeline server did not answer \(.+\); is "npm run serve" still running\?$/);
  });
});

describe('waitForJob', () => {
  it('long-polls a job to its result, reporting progress on the way', async () => {
    const api = createHttpBridge(server.token, fetchFromPage(() => `http://127.0.0.1:${server.port}`));
    const ticket = await api.invoke('data:download', { divs: ['E0'], seasons: ['1920', '2021', '2122', '2223', '2324'] });
    if (!ticket.ok) throw new Error(ticket.error.message);
    const progress: TaskProgress[] = [];
    expect(ticket.value.kind).toBe('download');
    const result = await waitForJob(api, ticket.value, (p) => progress.push(p), 1);
    expect(result).toEqual({ ok: true, value: { files: 5, matches: 1900, failed: [] } });
    expect(progress.every((p) => p.fraction >= 0 && p.fraction <= 1)).toBe(true);
  });

  it('refuses a job of another kind than the caller expects', async () => {
    const api = createHttpBridge(server.token, fetchFromPage(() => `http://127.0.0.1:${server.port}`));
    const ticket = await api.invoke('data:download', { divs: ['E0'], seasons: ['2324'] });
    if (!ticket.ok) throw new Error(ticket.error.message);
    // A ticket relabelled by hand: the kind the job really runs wins.
    expect(await waitForJob(api, { jobId: ticket.value.jobId, kind: 'step' })).toEqual({
      ok: false,
      error: { code: 'failed', message: `Job ${ticket.value.jobId} is a download job, expected step` },
    });
  });
});

describe('takeToken', () => {
  function fakeWindow(href: string, stored: string | null) {
    const items = new Map<string, string>(stored === null ? [] : [[TOKEN_STORAGE_KEY, stored]]);
    const replaced: string[] = [];
    return {
      location: { href } as Location,
      storage: { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage,
      history: { replaceState: (_s: unknown, _t: string, url: string) => void replaced.push(url) } as History,
      items,
      replaced,
    };
  }

  it('keeps the token from the address in sessionStorage and removes it from the address bar', () => {
    const w = fakeWindow('http://127.0.0.1:8123/?token=abc123&x=1#top', null);
    expect(takeToken(w.location, w.storage, w.history)).toBe('abc123');
    expect(w.items.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(w.replaced).toEqual(['/?x=1#top']);
  });

  it('falls back to the stored token after a reload', () => {
    const w = fakeWindow('http://127.0.0.1:8123/', 'stored-token');
    expect(takeToken(w.location, w.storage, w.history)).toBe('stored-token');
    expect(w.replaced).toEqual([]);
  });
});
