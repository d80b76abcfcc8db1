import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dispatch, type HandlerTable } from './ipc/register';
import { fail, type ErrorCode, type Result } from './ipc/result';
import { contentTypeOf, rendererFileOf } from './renderer-files';

/**
 * Headless mode: the same handler table the Electron app registers, served over HTTP on
 * 127.0.0.1 with the built renderer. A random token minted per start must accompany every API
 * call (header `x-edgeline-token`), so other pages open in the same browser cannot drive it;
 * the Host header must name the loopback address, which defeats DNS rebinding; a browser's
 * Origin header, when sent, must be this server's own, so even a page that learnt the token
 * cannot call from elsewhere. Bad input is answered 400 (not 200 with an error inside).
 */

export const TOKEN_HEADER = 'x-edgeline-token';
export const API_PREFIX = '/api/';

/** No inline script or style, no eval, nothing from other origins (charts draw their tooltips on the canvas). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};


/**
 * HTTP status of a failed call, where one fits: the caller's mistake (400), an unknown channel
 * (404), a refused caller (403). Failures of the work itself stay 200 with the error value, which the
 * renderer shows as it does in the desktop app.
 */
const ERROR_STATUS: Partial<Record<ErrorCode, number>> = { 'invalid-input': 400, 'unknown-channel': 404, unauthorized: 403 };

/** Uploads arrive base64 inside JSON; 19 seasons of one league are about 3 MB of CSV. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface ServeOptions {
  readonly handlers: HandlerTable;
  /** Folder holding the built renderer (index.html + assets). */
  readonly rendererDir: string;
  /** 0 or absent = a free port chosen by the OS. */
  readonly port?: number;
  /** Fixed token for tests; absent = 32 random bytes, hex. */
  readonly token?: string;
}

export interface RunningServer {
  readonly port: number;
  readonly token: string;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, fail('failed', error instanceof Error ? error.message : String(error)));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendJson(response, 403, fail('unauthorized', `Host "${host}" is not this server (expected 127.0.0.1:${port})`));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      sendJson(response, 400, fail('invalid-input', `The path ${url.pathname} is not valid percent-encoding`));
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      await handleApi(request, response, pathname.slice(API_PREFIX.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, fail('unsupported', `${request.method} is not allowed for ${url.pathname}`));
      return;
    }
    await serveStatic(response, url.pathname, pathname, request.method === 'HEAD');
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      sendJson(response, 403, fail('unauthorized', `Requests from ${origin} are refused: only this app's own page may call the API`));
      return;
    }
    if (!tokenMatches(request.headers[TOKEN_HEADER], token)) {
      sendJson(response, 401, fail('unauthorized', `Missing or wrong ${TOKEN_HEADER} header; open the URL the server printed`));
      return;
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, fail('unsupported', `API calls are POST requests with a JSON body; got ${request.method}`));
      return;
    }
    const body = await readBody(request);
    if (!body.ok) {
      sendJson(response, body.error.code === 'invalid-input' ? 400 : 413, body);
      return;
    }
    const result = await dispatch(options.handlers, channel, body.value);
    sendJson(response, result.ok ? 200 : (ERROR_STATUS[result.error.code] ?? 200), result);
  }

  async function serveStatic(response: ServerResponse, pathname: string, decoded: string, headOnly: boolean): Promise<void> {
    const file = rendererFileOf(rendererDir, decoded);
    if (file === null) {
      sendJson(response, 404, fail('not-found', `No such file: ${pathname}`));
      return;
    }
    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) {
      sendJson(response, 404, fail('not-found', `No such file: ${pathname}`));
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'cache-control': 'no-store',
      'content-length': info.size,
    });
    response.end(headOnly ? undefined : await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(request: IncomingMessage): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return fail('failed', `Request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return fail('invalid-input', `Request body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}
