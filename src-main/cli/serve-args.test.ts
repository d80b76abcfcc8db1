import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, parseServeArgs } from './serve-args';

const env = { HOME: '/home/ana' };

describe('parseServeArgs', () => {
  it('defaults to a random port and the Electron user-data ledger', () => {
    expect(parseServeArgs([], env, 'linux')).toEqual({
      port: 0,
      databaseFile: '/home/ana/.config/Edgeline/edgeline.sqlite',
      dataBaseUrl: undefined,
      rendererDir: undefined,
    });
  });

  it('reads --port, --db and --data-url in both "--x v" and "--x=v" forms', () => {
    expect(parseServeArgs(['--port', '8123', '--db=runs.sqlite', '--data-url', 'http://127.0.0.1:9000/mmz4281'], env, 'linux')).toEqual({
      port: 8123,
      databaseFile: path.resolve('runs.sqlite'),
      dataBaseUrl: 'http://127.0.0.1:9000/mmz4281',
      rendererDir: undefined,
    });
  });

  it('names the bad option', () => {
    expect(() => parseServeArgs(['--port', '70000'], env, 'linux')).toThrow('--port must be an integer from 0 to 65535, got "70000"');
    expect(() => parseServeArgs(['--data-url', 'ftp://x'], env, 'linux')).toThrow('--data-url must be an http(s) URL, got "ftp://x"');
    expect(() => parseServeArgs(['--db'], env, 'linux')).toThrow(/^--db needs a value\. Usage: npm run serve/);
    expect(() => parseServeArgs(['--verbose'], env, 'linux')).toThrow(/^Unknown option "--verbose"\. Usage:/);
    expect(() => parseServeArgs(['--db='], env, 'linux')).toThrow(/^--db needs a value\. Usage:/);
    expect(() => parseServeArgs(['8123'], env, 'linux')).toThrow(/^Unexpected argument 8123\. Usage:/);
  });

  it('follows each platform convention for the user-data folder', () => {
    expect(defaultUserDataDir({ HOME: '/Users/ana' }, 'darwin')).toBe(path.join('/Users/ana', 'Library', 'Application Support', 'Edgeline'));
    expect(defaultUserDataDir({ HOME: '/home/ana', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(path.join('/cfg', 'Edgeline'));
    expect(defaultUserDataDir({ HOME: 'C:\\Users\\ana', APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Edgeline'),
    );
  });
});
