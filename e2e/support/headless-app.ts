import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE_ENTRY = path.join(REPO_ROOT, 'out', 'main', 'serve.js');

export interface HeadlessApp {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

/** Starts the built headless server (`node out/main/serve.js`) and waits for the URL line it prints. */
export async function startHeadlessApp(databaseFile: string, dataUrl: string): Promise<HeadlessApp> {
  if (!existsSync(SERVE_ENTRY)) throw new Error(`${SERVE_ENTRY} is missing: run "npx electron-vite build" (npm run test:e2e does) before the e2e tests`);
  const child: ChildProcess = spawn(process.execPath, [SERVE_ENTRY, '--db', databaseFile, '--port', '0', '--data-url', dataUrl], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The headless server printed no URL within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The headless server exited with code ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
