import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface ServeArgs {
  readonly port: number;
  readonly databaseFile: string;
  readonly dataBaseUrl: string | undefined;
  readonly rendererDir: string | undefined;
}

const USAGE = 'Usage: npm run serve -- [--port <1-65535>] [--db <file.sqlite>] [--data-url <http(s) base URL>] [--renderer-dir <folder>]';

/** Parses `npm run serve -- ...` arguments; throws a message naming the bad option. */
export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ServeArgs {
  const values = parseOptions(argv);
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new Error(`--${name} needs a value. ${USAGE}`);
  }
  const portText = values.port ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be an integer from 0 to 65535, got "${portText}"`);
  const dataBaseUrl = values['data-url'];
  if (dataBaseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(dataBaseUrl)) throw new Error(`--data-url must be an http(s) URL, got "${dataBaseUrl}"`);
  const db = values.db;
  const rendererDir = values['renderer-dir'];
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

/** node:util parseArgs, with its errors said in this command's terms. */
function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, db: { type: 'string' }, 'data-url': { type: 'string' }, 'renderer-dir': { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new Error(`${option} needs a value. ${USAGE}`);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`Unknown option "${option}". ${USAGE}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new Error(`Unexpected argument ${message.match(/'([^']*)'/)?.[1] ?? ''}. ${USAGE}`);
    throw error;
  }
}
