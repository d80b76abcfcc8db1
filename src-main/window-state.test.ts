import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, readWindowState, writeWindowState } from './window-state';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edgeline-window-'));
  dirs.push(dir);
  return path.join(dir, 'window-state.json');
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('window state', () => {
  it('reads back what it wrote', () => {
    const file = tempFile();
    writeWindowState(file, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
  });

  it('falls back to the default for a missing, broken or implausible file', () => {
    const file = tempFile();
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, '{ not json');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, JSON.stringify({ width: 20, height: 10 }));
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
