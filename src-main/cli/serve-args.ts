import os from 'node:os';
import path from 'node:path';

export interface ServeArgs {
  readonly port: number;
  readonly databaseFile: string;
  readonly dataBaseUrl: string | undefined;
  readonly rendererDir: string | undefined;
}

const USAGE = 'Usage: npm run serve -- [--port <1-65535>] [--db <file.sqlite>] [--data-url <http(s) base URL>] [--renderer-dir <folder>]';

/** Parses `npm run serve -- ...` arguments; throws a message naming the bad option. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ServeArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--(port|db|data-url|renderer-dir)(?:=(.*))?$/.exec(arg);
    if (match === null) throw new Error(`Unknown option "${arg}". ${USAGE}`);
    const name = match[1] ?? '';
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') throw new Error(`--${name} needs a value. ${USAGE}`);
    values.set(name, value);
  }
  const portText = values.get('port') ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be an integer from 0 to 65535, got "${portText}"`);
  const dataBaseUrl = values.get('data-url');
  if (dataBaseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(dataBaseUrl)) throw new Error(`--data-url must be an http(s) URL, got "${dataBaseUrl}"`);
  const db = values.get('db');
  const rendererDir = values.get('renderer-dir');
  return {
    port,
    databaseFile: db === undefined ? path.join(defaultUserDataDir(env, platform), 'edgeline.sqlite') : path.resolve(db),
    dataBaseUrl,
    rendererDir: rendererDir === undefined ? undefined : path.resolve(rendererDir),
  };
}

/** The folder Electron's app.getPath('userData') uses for productName "Edgeline", so both modes share one ledger. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Edgeline');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Edgeline');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Edgeline');
  }
}
