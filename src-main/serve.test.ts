import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from './jobs/job-runner';
import type { EdgelineTask } from './jobs/edgeline-task';
import { registerHandlers } from './ipc/register';
import { createInMemoryEdgelineService } from './ipc/test-support/in-memory-edgeline-service';
import { CONTENT_SECURITY_POLICY, startServer, TOKEN_HEADER, type RunningServer } from './serve';

let server: RunningServer;
let rendererDir: string;
const jobs = new JobRunner<EdgelineTask>({ workerUrl: new URL('./ipc/test-support/in-memory-job-worker.ts', import.meta.url), workerData: null });

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'edgeline-serve-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Edgeline</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startServer({ handlers: registerHandlers({ service: createInMemoryEdgelineService(), jobs }), rendererDir });
});

afterAll(async () => {
  await server.close();
  await jobs.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

function api(channel: string, body: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: server.token }) {
  return fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('headless server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a 64-hex-digit token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the built renderer with a strict CSP and no-sniff headers', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><title>Edgeline</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetch(`http://127.0.0.1:${server.port}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('does not serve files outside the renderer folder', async () => {
    const escaped = await fetch(`http://127.0.0.1:${server.port}/..%2F..%2Fetc%2Fpasswd`);
    expect(escaped.status).toBe(404);
  });

  it('rejects API calls without the token, or with a wrong one, with 401', async () => {
    const body = { ok: false, error: { code: 'unauthorized', message: `Missing or wrong ${TOKEN_HEADER} header; open the URL the server printed` } };
    const missing = await api('runs:list', {}, {});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual(body);
    const wrong = await api('runs:list', {}, { [TOKEN_HEADER]: 'f'.repeat(64) });
    expect(wrong.status).toBe(401);
  });

  it('rejects a request whose Host header is not the loopback address (DNS rebinding)', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port: server.port, path: '/api/runs:list', method: 'POST', headers: { host: `evil.example:${server.port}`, [TOKEN_HEADER]: server.token } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(status).toBe(403);
  });

  it('calls the handlers with a valid token and returns their Result', async () => {
    const created = await api('runs:create', { settings: { name: 'Over HTTP', div: 'E0', holdoutSeason: '2324' } });
    expect(created.status).toBe(200);
    const body = (await created.json()) as { ok: boolean; value: { name: string; settings: { minEdge: number } } };
    expect(body.ok).toBe(true);
    expect(body.value.name).toBe('Over HTTP');
    // The default strategy's (market consensus) minimum edge.
    expect(body.value.settings.minEdge).toBe(0.02);
  });

  it('returns validation errors as values naming the field', async () => {
    const response = await api('season:week', { runId: 'run-1', week: 1.5 });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'season:week input: week: Invalid input: expected int, received number' },
    });
  });

  it('answers 404 for a channel outside the contract and 400 for a body that is not JSON', async () => {
    const unknown = await api('shell:exec', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown channel "shell:exec"' } });
    const broken = await api('runs:list', '{not json');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid-input');
  });

  it('answers 400, not 500, for malformed percent-encoding in an API or file path', async () => {
    const api400 = await api('runs%3Alist%E0%A4%A', {});
    expect(api400.status).toBe(400);
    expect(await api400.json()).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The path /api/runs%3Alist%E0%A4%A is not valid percent-encoding' } });
    expect((await fetch(`http://127.0.0.1:${server.port}/assets/%E0%A4%A.js`)).status).toBe(400);
  });

  it('refuses a call from another origin even when it carries the token', async () => {
    const foreign = await api('runs:list', {}, { [TOKEN_HEADER]: server.token, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Requests from http://evil.example are refused: only this app\'s own page may call the API' } });
    expect((await api('runs:list', {}, { [TOKEN_HEADER]: server.token, origin: 'null' })).status).toBe(403);
    expect((await api('runs:list', {}, { [TOKEN_HEADER]: server.token, origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await api('runs:list', {}, { [TOKEN_HEADER]: server.token, origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    expect((await api('runs:list', {}, { [TOKEN_HEADER]: server.token, origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('runs a job over HTTP and long-polls it to completion', async () => {
    const ticket = (await (await api('data:download', { divs: ['E0'], seasons: ['2223', '2324'] })).json()) as { ok: true; value: { jobId: string } };
    const status = (await (await api('jobs:wait', { jobId: ticket.value.jobId, timeoutMs: 20_000 })).json()) as {
      value: { state: string; result: unknown };
    };
    expect(status.value.state).toBe('succeeded');
    expect(status.value.result).toMatchObject({ files: 2, matches: 760, failed: [] });
  });
});
