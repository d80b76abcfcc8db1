import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addModel, describeModelChange, findModel, modelIdentityOf, modelsFileOf, readModels, removeModel } from './model-registry';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'edgeline-registry-'));

describe('the models file', () => {
  it('lives in EDGELINE_USER_DATA when it is set, else in the desktop app\'s user-data folder', () => {
    expect(modelsFileOf({ EDGELINE_USER_DATA: '/data/x' }, 'linux')).toBe(path.join('/data/x', 'models.json'));
    expect(modelsFileOf({ HOME: '/home/u' }, 'linux')).toBe(path.join('/home/u', '.config', 'Edgeline', 'models.json'));
  });

  it('adds, finds, lists and removes models; a missing file is an empty list', () => {
    const dir = scratch();
    const file = path.join(dir, 'user-data', 'models.json');
    expect(readModels(file)).toEqual([]);
    addModel(file, { name: 'poisson', command: 'python3', args: ['model.py'], cwd: dir });
    expect(findModel(file, 'poisson')).toEqual({ name: 'poisson', command: 'python3', args: ['model.py'], cwd: dir });
    expect(() => addModel(file, { name: 'poisson', command: 'x', args: [], cwd: dir })).toThrow(`A model named "poisson" is already registered in ${file}; remove it first`);
    removeModel(file, 'poisson');
    expect(readModels(file)).toEqual([]);
    expect(() => removeModel(file, 'poisson')).toThrow(`No external model named "poisson" in ${file} (none is registered yet)`);
  });

  it('refuses bad names, missing folders and a broken file with the field at fault', () => {
    const dir = scratch();
    const file = path.join(dir, 'models.json');
    expect(() => addModel(file, { name: '../evil', command: 'x', args: [], cwd: dir })).toThrow('name: Model names are 1-64 letters');
    expect(() => addModel(file, { name: 'ok', command: 'x', args: [], cwd: path.join(dir, 'nowhere') })).toThrow('is not a folder');
    writeFileSync(file, '{"version": 1, "models": [{"name": "a", "command": 3, "args": [], "cwd": "/"}]}');
    expect(() => readModels(file)).toThrow(`Models file ${file}, models.0.command:`);
    writeFileSync(file, '{"version": 1,');
    expect(() => readModels(file)).toThrow(`Models file ${file} is not valid JSON`);
  });
});

describe('a model\'s identity', () => {
  it('hashes the files in its folder that the command names, and says which one changed', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'weights'));
    writeFileSync(path.join(dir, 'model.py'), 'print(1)\n');
    writeFileSync(path.join(dir, 'weights', 'v1.json'), '{}');
    const model = { name: 'm', command: 'python3', args: ['model.py', '--weights', 'weights/v1.json', '--fast', '../outside.py'], cwd: dir };
    const before = modelIdentityOf(model);
    expect(before.files.map((f) => f.path)).toEqual(['model.py', 'weights/v1.json']);
    expect(describeModelChange('m', before, modelIdentityOf(model))).toBeNull();
    appendFileSync(path.join(dir, 'model.py'), '# tuned\n');
    expect(describeModelChange('m', before, modelIdentityOf(model))).toMatch(/^Model "m" is not the one this run was played with: model\.py changed \(sha256 [0-9a-f]{12}… -> [0-9a-f]{12}…\)\./);
    expect(describeModelChange('m', before, { ...before, args: ['other.py'] })).toContain('its command changed from "python3 model.py --weights weights/v1.json --fast ../outside.py" to "python3 other.py"');
  });
});

describe('npm run models', () => {
  const cli = fileURLToPath(new URL('../cli/models.ts', import.meta.url));
  const run = (userData: string, args: readonly string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', cli, ...args], { env: { ...process.env, EDGELINE_USER_DATA: userData }, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const e = error as { status: number; stderr: string };
      return { code: e.status, out: e.stderr };
    }
  };

  it('adds with --cwd and a command after --, lists (also as JSON), removes, and explains a bad call', () => {
    const userData = scratch();
    const cwd = scratch();
    expect(run(userData, ['add', 'poisson', '--cwd', cwd, '--', 'python3', 'model.py', '--xi', '0.002'])).toEqual({ code: 0, out: `Registered "poisson": python3 model.py --xi 0.002 (in ${cwd}) in ${path.join(userData, 'models.json')}\n` });
    expect(JSON.parse(run(userData, ['list', '--json']).out)).toEqual([{ name: 'poisson', command: 'python3', args: ['model.py', '--xi', '0.002'], cwd }]);
    expect(run(userData, ['list']).out).toBe(`poisson\tpython3 model.py --xi 0.002\t(in ${cwd})\n`);
    expect(JSON.parse(readFileSync(path.join(userData, 'models.json'), 'utf8')).version).toBe(1);
    const bad = run(userData, ['add', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('models: add needs the command after "--"\nUsage: npm run models -- add NAME');
    expect(run(userData, ['remove', 'poisson']).code).toBe(0);
    expect(run(userData, ['list']).out).toBe(`No models registered in ${path.join(userData, 'models.json')}\n`);
  }, 60_000);
});
